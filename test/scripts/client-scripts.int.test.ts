/**
 * The README's walkthrough as a test: `npm run token` prints a token the service accepts, and
 * `npm run seed` plays its lifecycles against the real service on a real port, then again as
 * pure replays. It keeps the domain, the API and the client in agreement as features land.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import t from 'tap';
import { verifyToken } from '../../src/api/auth/token.js';
import { loadConfig } from '../../src/config.js';
import { connectPostgres } from '../../src/db/connect.js';
import { startService } from '../../src/service.js';
import { pino } from 'pino';
import { dropLedgerSchema, testDatabaseUrl } from '../helpers/postgres.js';

const SECRET = randomBytes(32).toString('hex');
const env = { PATH: process.env.PATH ?? '', AUTH_SECRET: SECRET, DATABASE_URL: testDatabaseUrl() };

const run = (script: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

t.test('npm run token: a token signed with the service secret, or exit 2 naming the bad flag', async (t) => {
  const ok = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/token.ts',
      '--sub',
      'officer-1',
      '--role',
      'PATROL_POST',
      '--jurisdiction',
      '3201',
      '--ttl',
      '2h',
    ],
    { env, encoding: 'utf8' },
  );
  t.equal(ok.status, 0, ok.stderr);
  const token = ok.stdout.trim().split('\n').at(-1) as string;
  t.match(await verifyToken(token, SECRET, new Date()), {
    sub: 'officer-1',
    name: 'officer-1',
    role: 'PATROL_POST',
    jurisdiction: '3201',
  });
  const bad = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/token.ts', '--sub', 'x', '--role', 'KING', '--jurisdiction', '3201'],
    { env, encoding: 'utf8' },
  );
  t.equal(bad.status, 2);
  t.match(bad.stderr, /--role/);
});

t.test('npm run seed plays lifecycles through a real port, and a re-run only replays', async (t) => {
  const schema = `seed_${randomBytes(5).toString('hex')}`;
  const config = loadConfig({
    ...env,
    DATABASE_SCHEMA: schema,
    PORT: '0',
    RESERVE_PRICE_KEY: randomBytes(32).toString('hex'),
  });
  const service = await startService(config, pino({ level: 'silent' }));
  t.teardown(async () => {
    await service.close();
    const admin = connectPostgres({
      connectionString: testDatabaseUrl(),
      poolMax: 1,
      idleInTransactionTimeoutMs: 60_000,
    });
    await dropLedgerSchema(admin.pool, schema);
    await admin.close();
  });
  const args = ['--url', service.url, '--parcels', '8', '--seed', '3'];
  const first = await run('scripts/seed.ts', args);
  t.equal(first.status, 0, first.stderr.slice(-2000));
  t.match(first.stdout, /parcels=8 .*unexpected=0/);
  t.match(first.stdout, /replayed=0 /);
  const again = await run('scripts/seed.ts', args);
  t.equal(again.status, 0, again.stderr.slice(-2000));
  // A command whose fact a saga had recorded first (a credit entry) changed nothing: counted as unchanged.
  t.match(again.stdout, /accepted=0 .*unexpected=0/, 'every accepted command of the first run replays');
});
