import { spawnSync } from 'node:child_process';
import t from 'tap';
import { chainEvents } from '../../src/eventstore/hash-chain.js';
import { newEvent, uniqueStream } from '../helpers/events.js';
import { postgresTestStore, testDatabaseUrl, type TestStore } from '../helpers/postgres.js';

let ctx: TestStore;
t.before(async () => {
  ctx = await postgresTestStore();
});
t.teardown(() => ctx.close());

const verifyChain = () =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-chain.ts'], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: ctx.schema },
    encoding: 'utf8',
  });

t.test('npm run verify-chain: exit 0 while every chain holds, 1 naming the first broken event', async (t) => {
  const stream = uniqueStream();
  const events = chainEvents('', 0, [newEvent('Granted'), newEvent('Paid'), newEvent('Delivered')]);
  await ctx.store.append(stream, events, { expectedRevision: 'no_stream' });
  const clean = verifyChain();
  t.equal(clean.status, 0, clean.stderr);
  t.match(clean.stdout, /1 streams, 3 events, 0 broken/);

  const client = await ctx.connection.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(
      `UPDATE "${ctx.schema}".events SET metadata = metadata || '{"reason":"edited"}' WHERE stream = $1 AND revision = 2`,
      [stream],
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const tampered = verifyChain();
  t.equal(tampered.status, 1);
  t.match(tampered.stdout, `BROKEN ${stream} at revision 2 (event ${events[2]?.id}): hash-mismatch`);
});
