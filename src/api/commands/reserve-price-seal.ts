/**
 * The key-holding side of S4 §六/§九: the reserve price arrives in plain figures over TLS, is
 * sealed here (AES-256-GCM) with a random salt, and only the ciphertext and a sha256 commitment
 * reach the decision stream. After the deal the service unseals it for the disclosure command;
 * the plaintext is never in a response or a log.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { reservePriceCommitment, type SealedValue } from '../../domain/decision/index.js';

export const SEAL_ALGORITHM = 'AES-256-GCM';

export interface ReservePriceSealer {
  seal(valueFen: number): { readonly sealed: SealedValue; readonly commitment: string };
  unseal(sealed: SealedValue): { readonly valueFen: number; readonly salt: string };
}

/**
 * `random` makes the salt and IV; only a deterministic fixture (the read benchmark's seeder,
 * which must give the same events for the same seed) passes anything but crypto's randomBytes.
 */
export const createSealer = (hexKey: string, random: (size: number) => Buffer = randomBytes): ReservePriceSealer => {
  const key = Buffer.from(hexKey, 'hex');
  if (key.length !== 32) throw new Error('the reserve-price key must be 32 bytes');
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return {
    seal(valueFen) {
      const salt = random(16).toString('hex');
      const iv = random(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify({ valueFen, salt }), 'utf8'), cipher.final()]);
      const ciphertext = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
      return {
        sealed: { algorithm: SEAL_ALGORITHM, ciphertext, keyId },
        commitment: reservePriceCommitment(valueFen, salt),
      };
    },
    unseal(sealed) {
      if (sealed.algorithm !== SEAL_ALGORITHM || sealed.keyId !== keyId) {
        throw new Error(
          `sealed with ${sealed.algorithm}/${sealed.keyId}, this service holds ${SEAL_ALGORITHM}/${keyId}`,
        );
      }
      const raw = Buffer.from(sealed.ciphertext, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return JSON.parse(plain) as { valueFen: number; salt: string };
    },
  };
};
