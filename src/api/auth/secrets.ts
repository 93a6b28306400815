/**
 * Secrets the service holds: the JWT signing secret and the reserve-price sealing key. Taken
 * from the environment; on the embedded default (no DATABASE_URL) a missing one is generated
 * once and kept under DATA_DIR, so `npm start` and `npm run token` agree with no set-up.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.js';
import { ConfigError } from '../../config.js';

const fromFile = (config: Config, file: string, variable: string): string => {
  if (config.DATABASE_URL !== undefined) {
    throw new ConfigError(`invalid configuration:\n  ${variable}="": is required when DATABASE_URL is set`);
  }
  const path = join(config.DATA_DIR, file);
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    // 'wx': if another process created it meanwhile, keep theirs.
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8').trim();
    throw error;
  }
};

export const authSecret = (config: Config): string =>
  config.AUTH_SECRET ?? fromFile(config, 'auth-secret', 'AUTH_SECRET');

/** 32 bytes as 64 hex characters. */
export const reservePriceKey = (config: Config): string =>
  config.RESERVE_PRICE_KEY ?? fromFile(config, 'reserve-price.key', 'RESERVE_PRICE_KEY');
