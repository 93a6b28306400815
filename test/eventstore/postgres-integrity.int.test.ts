import { randomUUID } from 'node:crypto';
import t from 'tap';
import type { Database } from '../../src/database.js';
import { connectPostgres } from '../../src/db/connect.js';
import { StoreIntegrityError } from '../../src/eventstore/errors.js';
import { chainEvents, verifyStream } from '../../src/eventstore/hash-chain.js';
import { verifyLog } from '../../src/eventstore/verify-log.js';
import { newEvent, readAllCommitted } from '../helpers/events.js';
import { postgresTestStore, testDatabaseUrl, type TestStore } from '../helpers/postgres.js';

let ctx: TestStore;
t.before(async () => {
  ctx = await postgresTestStore();
});
t.teardown(() => ctx.close());

const events = () => `"${ctx.schema}".events`;

t.test('UPDATE, DELETE and TRUNCATE on the events table are rejected', async (t) => {
  const stream = `parcel-${randomUUID()}`;
  await ctx.store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
  const q = (sql: string) => ctx.connection.pool.query(sql);
  await t.rejects(q(`UPDATE ${events()} SET type = 'Forged' WHERE stream = '${stream}'`), { message: /immutable/ });
  await t.rejects(q(`DELETE FROM ${events()} WHERE stream = '${stream}'`), { message: /immutable/ });
  await t.rejects(q(`TRUNCATE ${events()}`), { message: /immutable/ });
  t.equal((await ctx.store.readStream(stream))[0]?.type, 'ThingHappened');
});

t.test('a row altered behind the trigger is reported by verifyStream, naming the event', async (t) => {
  const stream = `parcel-${randomUUID()}`;
  const chained = chainEvents('', 0, [
    newEvent('Granted', { priceFen: 100 }),
    newEvent('Paid', { fen: 50 }),
    newEvent('Delivered'),
  ]);
  await ctx.store.append(stream, chained, { expectedRevision: 'no_stream' });
  t.same(verifyStream(await ctx.store.readStream(stream)), {
    intact: true,
    events: 3,
    lastHash: chained[2]?.metadata.hash,
  });
  // A superuser can bypass triggers (replication role); the hash chain still tells.
  const client = await ctx.connection.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(`UPDATE ${events()} SET data = '{"fen": 5}' WHERE stream = $1 AND revision = 1`, [stream]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const verdict = verifyStream(await ctx.store.readStream(stream));
  t.same(verdict, {
    intact: false,
    events: 3,
    brokenAt: { revision: 1, eventId: chained[1]?.id, reason: 'hash-mismatch' },
  });
});

t.test('start-up refuses a log whose transaction ids are ahead of the cluster (restored dump)', async (t) => {
  await ctx.store.assertTransactionIdsSane();
  t.pass('a normal log passes');
  // What a logical restore into a fresh cluster looks like: ids from the old cluster's future.
  await ctx.connection.pool.query(
    `INSERT INTO ${events()} (transaction_id, event_id, stream, revision, type, data, metadata)
     VALUES ((pg_snapshot_xmax(pg_current_snapshot())::text::bigint + 1000000)::text::xid8, $1, $2, 0, 'Restored', '{}', '{}')`,
    [randomUUID(), `parcel-${randomUUID()}`],
  );
  await t.rejects(ctx.store.assertTransactionIdsSane(), StoreIntegrityError);
});

t.test('the server ends a transaction left idle, so it cannot hold readers back for long', async (t) => {
  const connection = connectPostgres<Database>({
    connectionString: testDatabaseUrl(),
    poolMax: 1,
    idleInTransactionTimeoutMs: 300,
  });
  const client = await connection.pool.connect();
  client.on('error', () => undefined);
  await client.query('BEGIN');
  await new Promise((r) => setTimeout(r, 800));
  await t.rejects(client.query('SELECT 1'), 'the idle transaction was terminated');
  client.release(true);
  await connection.close();
});

t.test('verifyLog follows every chain in one pass and names the first broken event per stream', async (t) => {
  const prefix = `audit${randomUUID().slice(0, 6)}-`;
  const good = `${prefix}good`;
  const bad = `${prefix}bad`;
  await ctx.store.append(good, chainEvents('', 0, [newEvent('A'), newEvent('B')]), { expectedRevision: 'no_stream' });
  const badEvents = chainEvents('', 0, [newEvent('A'), newEvent('B'), newEvent('C')]);
  await ctx.store.append(bad, badEvents, { expectedRevision: 'no_stream' });
  // Other test files' open transactions may hide the new rows from readAll for a moment.
  await readAllCommitted(ctx.store, { after: null, limit: 100_000 });
  t.same(await verifyLog(ctx.store, { streamPrefix: prefix, pageSize: 2 }), { streams: 2, events: 5, broken: [] });
  const client = await ctx.connection.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(`UPDATE ${events()} SET type = 'Forged' WHERE stream = $1 AND revision = 1`, [bad]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const verdict = await verifyLog(ctx.store, { streamPrefix: prefix, pageSize: 2 });
  t.same(verdict.broken, [{ stream: bad, revision: 1, eventId: badEvents[1]?.id, reason: 'hash-mismatch' }]);
});
