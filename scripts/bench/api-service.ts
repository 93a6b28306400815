/**
 * The real service for the API benchmark: `startService` with the configuration `loadConfig`
 * makes of the environment plus overrides: on PostgreSQL in the benchmark's fresh schema, or on
 * embedded PGlite in a temporary DATA_DIR (removed on stop). Random secrets, port 0, no logs.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/service.js';

export interface BenchService {
  readonly url: string;
  readonly secret: string;
  stop(): Promise<void>;
}

const start = async (overrides: Record<string, string>, cleanup: () => void): Promise<BenchService> => {
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    AUTH_SECRET: secret,
    RESERVE_PRICE_KEY: randomBytes(32).toString('hex'),
    ...overrides,
  });
  let service: RunningService;
  try {
    service = await startService(config, createLogger(config));
  } catch (error) {
    cleanup();
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    url: service.url,
    secret,
    // Idempotent: the error path may stop a service already stopped.
    stop: () => (stopping ??= service.close().finally(cleanup)),
  };
};

/** On PostgreSQL, in `schema` (the caller drops it). */
export const startOnPostgres = (databaseUrl: string, schema: string, poolMax: number): Promise<BenchService> =>
  start({ DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, DATABASE_POOL_MAX: String(poolMax) }, () => undefined);

/** On embedded PGlite in a fresh temporary DATA_DIR, removed when stopped (or if it fails to start). */
export const startEmbedded = (): Promise<BenchService> => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  // An empty DATABASE_URL means unset: the embedded default.
  return start({ DATABASE_URL: '', DATA_DIR: dir }, () => rmSync(dir, { recursive: true, force: true }));
};
