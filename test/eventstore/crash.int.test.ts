import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { postgresTestStore, testDatabaseUrl, type TestStore } from '../helpers/postgres.js';

let ctx: TestStore;
t.before(async () => {
  ctx = await postgresTestStore();
});
t.teardown(() => ctx.close());

t.test('a process killed mid-append leaves each append whole or absent', async (t) => {
  const prefix = `crash${randomUUID().slice(0, 6)}-`;
  for (const delayMs of [50, 230, 610]) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/append-until-killed.ts', testDatabaseUrl(), ctx.schema, prefix],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    await new Promise((r) => setTimeout(r, delayMs));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
  // The server may still be finishing the killed session's transaction; wait until it is gone.
  await ctx.connection.pool.query(`SELECT pg_sleep(0.2)`);
  const { rows } = await ctx.connection.pool.query<{ stream: string; n: number; max: number }>(
    `SELECT stream, count(*)::int AS n, max(revision) AS max FROM "${ctx.schema}".events WHERE stream LIKE $1 GROUP BY stream`,
    [`${prefix}%`],
  );
  t.ok(rows.length > 0, 'the children appended something');
  for (const row of rows) {
    t.equal(row.n % 50, 0, `${row.stream}: ${row.n} events, whole batches only`);
    t.equal(row.max, row.n - 1, `${row.stream}: no revision gaps`);
  }
});
