import { createHash } from 'node:crypto';

/** Namespace of this ledger's name-based event ids (a fixed random UUID). */
const NAMESPACE = Buffer.from('6f1c1a0e9d2b4c8fa3e07b5d2c4e8a19', 'hex');

/**
 * RFC 9562 version-5 UUID of `name`: the same idempotency key (or reminder id) always gives the
 * same event id, so a retried command or a timer fired twice appends once.
 */
export const nameBasedUuid = (name: string): string => {
  const bytes = createHash('sha1').update(NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
