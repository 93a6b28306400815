/**
 * The event index read model on real PostgreSQL: every event of the log whatever its type, one
 * row each; a batch applied twice, overlapping or split anywhere leaves the same rows as once;
 * the runner and GET /projections treat it as taking every type.
 */
import { sql, type Kysely } from 'kysely';
import t from 'tap';
import { quoteIdent } from '../../src/db/identifiers.js';
import { eventIndexProjection } from '../../src/projections/event-index/projection.js';
import { eventsCausedBy, eventsCorrelatedWith, indexedEvent } from '../../src/projections/event-index/queries.js';
import type { EventIndexTables } from '../../src/projections/event-index/tables.js';
import { readFilterOf } from '../../src/projections/projection.js';
import type { CalendarSource } from '../../src/domain/calendar/index.js';
import { newEvent, readAllCommitted, uniqueStream } from '../helpers/events.js';
import { postgresTestStore } from '../helpers/postgres.js';

t.test('one row per event, idempotent, found by cause and correlation', async (t) => {
  const ctx = await postgresTestStore({ poolMax: 4 });
  t.teardown(() => ctx.close());
  const schema = `${ctx.schema}_ix`;
  await sql.raw(`CREATE SCHEMA ${quoteIdent(schema)}`).execute(ctx.connection.db);
  t.teardown(() => sql.raw(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`).execute(ctx.connection.db));
  await eventIndexProjection.createTables(ctx.connection.db as unknown as Kysely<unknown>, schema);

  const cause = newEvent('Granted', { n: 1 }, { correlationId: 'req-1', causationId: 'req-1' });
  const effects = [
    newEvent('TimerScheduled', { n: 2 }, { correlationId: 'req-1', causationId: cause.id }),
    newEvent('Anything', { n: 3 }, { correlationId: 'req-1', causationId: cause.id }),
  ];
  await ctx.store.append(uniqueStream('parcel'), [cause], { expectedRevision: 'no_stream' });
  await ctx.store.append(uniqueStream('timers'), effects, { expectedRevision: 'no_stream' });
  const { events } = await readAllCommitted(ctx.store, { limit: 100, ...readFilterOf(eventIndexProjection) });
  t.same(readFilterOf(eventIndexProjection), {}, 'no type filter: every event');
  t.equal(events.length, 3);

  const db = ctx.connection.db.withSchema(schema) as unknown as Kysely<EventIndexTables>;
  const apply = (batch: typeof events) =>
    ctx.connection.db.transaction().execute((trx) =>
      eventIndexProjection.apply(batch, {
        trx: trx.withSchema(schema) as unknown as Kysely<unknown>,
        schema,
        calendars: {} as CalendarSource,
      }),
    );
  await apply(events);
  await apply(events);
  await apply([...events.slice(1), ...events.slice(0, 2)]);
  const rows = await db.selectFrom('event_index').selectAll().orderBy('revision').execute();
  t.equal(rows.length, 3, 'applied three times, indexed once');

  const first = await indexedEvent(db, cause.id);
  t.match(first, {
    stream: /^parcel-/,
    revision: 0,
    type: 'Granted',
    causation_id: 'req-1',
    actor_role: 'PATROL_POST',
  });
  t.same((await eventsCausedBy(db, cause.id, 10)).map((r) => r.event_id).sort(), effects.map((e) => e.id).sort());
  t.same(
    (await eventsCorrelatedWith(db, 'req-1', cause.id, 10)).map((r) => r.event_id).sort(),
    effects.map((e) => e.id).sort(),
  );
  t.equal(await indexedEvent(db, 'not-a-uuid'), null);
});
