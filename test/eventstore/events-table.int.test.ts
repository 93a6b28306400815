import t from 'tap';
import { newEvent, uniqueStream } from '../helpers/events.js';
import { postgresTestStore, type TestStore } from '../helpers/postgres.js';

/** The kysely row type of the events table (events.table.ts) says what pg really returns. */
let ctx: TestStore;
t.before(async () => {
  ctx = await postgresTestStore();
});
t.teardown(() => ctx.close());

t.test('a typed select from events returns values of the declared types', async (t) => {
  const stream = uniqueStream();
  const event = newEvent('Granted', { priceFen: 100 });
  await ctx.store.append(stream, [event], { expectedRevision: 'no_stream' });
  const row = await ctx.connection.db
    .withSchema(ctx.schema)
    .selectFrom('events')
    .selectAll()
    .where('stream', '=', stream)
    .executeTakeFirstOrThrow();
  t.equal(typeof row.position, 'string', 'bigint position as a string');
  t.equal(typeof row.transaction_id, 'string', 'xid8 as a string');
  t.equal(row.event_id, event.id);
  t.equal(row.revision, 0);
  t.same(row.data, event.data);
  t.same(row.metadata, event.metadata);
  t.ok(row.recorded_at instanceof Date);
});
