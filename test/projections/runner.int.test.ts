/**
 * The runner on real PostgreSQL, fed by the real command handler: the host catches up and the
 * base-schema views answer; the parcels projection applied twice equals once and split anywhere
 * equals whole (full dumps); a poison event is dead-lettered with its error and either stops the
 * projection with the checkpoint right before it, or (onPoison 'skip') is skipped.
 */
import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import t from 'tap';
import { SEED_CALENDARS } from '../../src/domain/working-calendar/seed-calendar.js';
import type { RecordedEvent } from '../../src/eventstore/types.js';
import { parcelsProjection } from '../../src/projections/parcels/projection.js';
import { defineProjection, type Projection } from '../../src/projections/projection.js';
import { projectionStatuses } from '../../src/projections/status.js';
import { readAllCommitted } from '../helpers/events.js';
import { appendUnits } from './fixtures/workload.js';
import {
  activeGeneration,
  bookkeeping,
  deadLetters,
  dumpTables,
  readSideStore,
  runHostUntilCaughtUp,
  silent,
  waitVisible,
} from './fixtures/read-side.js';
import { startProjectionHost } from '../../src/projections/host.js';
import { inProcessLocks } from '../../src/projections/lock.js';
import { setTimeout as sleep } from 'node:timers/promises';

const UNITS = 30;

t.test('the host catches up and the views answer; applied twice = once; split = whole', async (t) => {
  const ctx = await readSideStore(t);
  const db = ctx.connection.db as unknown as Kysely<unknown>;
  await appendUnits(ctx.store, 'rb', 0, UNITS);
  await runHostUntilCaughtUp(ctx, { host: { batchSize: 37 } });

  const { rows } = await sql<{ parcel_id: string; status: string }>`
    select parcel_id, status from ${sql.id(ctx.schema, 'parcels')} order by parcel_id`.execute(db);
  t.equal(rows.length, UNITS, 'one row per parcel, through the base-schema view');
  t.ok(
    rows.every((r) => /^P-rb-\d+$/.test(r.parcel_id) && r.status.length > 0),
    'each row names its parcel and a status',
  );
  const served = await dumpTables(db, ctx.schema, parcelsProjection);
  const active = await activeGeneration(ctx, 'parcels');
  t.same(served, await dumpTables(db, active.schema_name, parcelsProjection), 'the views serve the active generation');

  // A scratch generation schema fed directly with the whole filtered log.
  await waitVisible(ctx);
  const { events } = await readAllCommitted(ctx.store, {
    after: null,
    limit: 100_000,
    types: parcelsProjection.eventTypes,
  });
  t.ok(events.length > UNITS * 2, `${events.length} parcel events`);
  const scratch = `${ctx.schema}_scratch`;
  t.teardown(() =>
    sql
      .raw(`DROP SCHEMA IF EXISTS "${scratch}" CASCADE`)
      .execute(db)
      .then(() => undefined),
  );
  await sql.raw(`CREATE SCHEMA "${scratch}"`).execute(db);
  await parcelsProjection.createTables(db, scratch);
  const apply = (batch: readonly RecordedEvent[]) =>
    db
      .transaction()
      .execute((trx) =>
        parcelsProjection.apply(batch, { trx: trx.withSchema(scratch), schema: scratch, calendars: SEED_CALENDARS }),
      );
  const reset = () =>
    sql.raw(`TRUNCATE ${parcelsProjection.tables.map((x) => `"${scratch}"."${x}"`).join(', ')}`).execute(db);

  await apply(events);
  const once = await dumpTables(db, scratch, parcelsProjection);
  t.same(once, served, 'one whole batch equals what the host built in batches of 37');
  await apply(events);
  t.same(await dumpTables(db, scratch, parcelsProjection), once, 'the same batch applied again changes nothing');
  // An overlapping re-delivery: the second half again, then everything again.
  await apply(events.slice(events.length >> 1));
  t.same(await dumpTables(db, scratch, parcelsProjection), once, 'a re-delivered tail changes nothing');

  for (let round = 0; round < 5; round++) {
    await reset();
    const cuts = [...new Set(Array.from({ length: 1 + randomInt(6) }, () => randomInt(events.length)))].sort(
      (a, b) => a - b,
    );
    let from = 0;
    for (const cut of [...cuts, events.length]) {
      await apply(events.slice(from, cut));
      from = cut;
    }
    t.same(await dumpTables(db, scratch, parcelsProjection), once, `split at ${cuts.join(',')} equals whole`);
  }
});

/** A test projection that records the events it saw and throws on one of them. */
const probe = (name: string, poisonId: () => string, onPoison: 'stop' | 'skip'): Projection =>
  defineProjection<{ seen: { event_id: string; position: string } }>({
    name,
    version: 1,
    eventTypes: parcelsProjection.eventTypes,
    tables: ['seen'],
    onPoison,
    createTables: async (db, schema) => {
      await sql`create table ${sql.id(schema, 'seen')} (event_id text primary key, position text not null)`.execute(db);
    },
    apply: async (batch, { trx }) => {
      if (batch.some((e) => e.id === poisonId())) throw new Error(`cannot apply ${poisonId()}`);
      await trx
        .insertInto('seen')
        .values(batch.map((e) => ({ event_id: e.id, position: e.position })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  });

t.test('a poison event is dead-lettered: stop leaves the checkpoint before it, skip goes on', async (t) => {
  const ctx = await readSideStore(t);
  const db = ctx.connection.db as unknown as Kysely<unknown>;
  await appendUnits(ctx.store, 'po', 0, 8);
  await waitVisible(ctx);
  const { events } = await readAllCommitted(ctx.store, {
    after: null,
    limit: 100_000,
    types: parcelsProjection.eventTypes,
  });
  const index = 17; // mid-batch with batchSize 7
  const poison = events[index] as RecordedEvent;
  const stop = probe('probe_stop', () => poison.id, 'stop');
  const skip = probe('probe_skip', () => poison.id, 'skip');

  const locks = inProcessLocks();
  const host = startProjectionHost({
    store: ctx.store,
    db: bookkeeping(ctx),
    schema: ctx.schema,
    projections: [stop, skip],
    locks,
    logger: silent,
    batchSize: 7,
    takeoverMs: 50,
  });
  t.teardown(() => host.stop());
  const deadline = Date.now() + 15_000;
  let statuses = await projectionStatuses(bookkeeping(ctx), ctx.schema, ctx.store, [stop, skip]);
  while (
    !(
      statuses.find((s) => s.name === 'probe_stop')?.status === 'stopped' &&
      statuses.find((s) => s.name === 'probe_skip')?.status === 'caught_up'
    ) &&
    Date.now() < deadline
  ) {
    await sleep(25);
    statuses = await projectionStatuses(bookkeeping(ctx), ctx.schema, ctx.store, [stop, skip]);
  }
  const byName = Object.fromEntries(statuses.map((s) => [s.name, s]));
  t.match(byName['probe_stop'], { status: 'stopped', deadLetters: 1, position: events[index - 1]?.position });
  t.equal(byName['probe_stop']?.lagEvents, events.length - index, 'lag counts the poison event and everything after');
  t.match(byName['probe_skip'], { status: 'caught_up', deadLetters: 1 });
  t.ok(
    ctx.store.compareCheckpoints(byName['probe_skip']?.position ?? null, events.at(-1)?.position ?? null) >= 0,
    'skip: the checkpoint passed the last event (a filtered read may move it to the scan position)',
  );
  t.same(host.running(), ['probe_skip#1'], 'the stopped projection is no longer run');

  const letters = await deadLetters(ctx);
  const letter = (name: string) => letters.find((l) => l.projection === name);
  t.match(letter('probe_stop'), {
    event_id: poison.id,
    stream: poison.stream,
    revision: poison.revision,
    event_type: poison.type,
    position: poison.position,
    error: `Error: cannot apply ${poison.id}`,
    skipped: false,
    attempts: 1,
  });
  t.match(letter('probe_skip'), { event_id: poison.id, error: /cannot apply/, skipped: true });

  const seen = async (name: string) => {
    const g = await activeGeneration(ctx, name);
    const { rows } = await sql<{ event_id: string }>`select event_id from ${sql.id(g.schema_name, 'seen')}`.execute(db);
    return new Set(rows.map((r) => r.event_id));
  };
  t.same(
    [...(await seen('probe_stop'))].sort(),
    events
      .slice(0, index)
      .map((e) => e.id)
      .sort(),
    'stop: every event before the poison applied, none after',
  );
  t.same(
    [...(await seen('probe_skip'))].sort(),
    events
      .filter((e) => e.id !== poison.id)
      .map((e) => e.id)
      .sort(),
    'skip: every event but the poison applied',
  );
  await host.stop();
  await locks.close();
});
