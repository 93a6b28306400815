/**
 * The real service for the API benchmark, in its own process (`node --import tsx src/main.ts`)
 * so that it does not share an event loop with the 32 clients: on PostgreSQL in the benchmark's
 * fresh schema, or on embedded PGlite in a temporary DATA_DIR (removed on stop). Random secrets,
 * a free port, logs at warn (they go to stderr with the progress lines, never to stdout).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BenchService {
  readonly url: string;
  readonly secret: string;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

const start = async (overrides: Record<string, string>, cleanup: () => void): Promise<BenchService> => {
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      AUTH_SECRET: secret,
      RESERVE_PRICE_KEY: randomBytes(32).toString('hex'),
      ...overrides,
    },
    // The service's stdout (pino) joins our stderr: stdout carries only the JSON figures.
    stdio: ['ignore', 2, 2],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let alive = true;
  void exited.then(() => (alive = false));
  const stop = async (): Promise<void> => {
    if (alive) child.kill('SIGTERM');
    await exited;
    cleanup();
  };
  for (let waited = 0; ; waited += 200) {
    const ready = await fetch(`${url}/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) break;
    if (!alive || waited > 60_000) {
      await stop();
      throw new Error(`the service did not become ready at ${url}`);
    }
    await sleep(200);
  }
  let stopping: Promise<void> | null = null;
  // Idempotent: the error path may stop a service already stopped.
  return { url, secret, stop: () => (stopping ??= stop()) };
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
