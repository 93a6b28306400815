/**
 * The read side with EventStoreDB as the source: the runners read $all from EventStoreDB and write
 * the read models into PostgreSQL, and a rebuild from EventStoreDB equals the incremental build.
 * Runs whenever ESDB_CONNECTION_STRING is set (CI on hosts with Docker; `npm run test:esdb`).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import t from 'tap';
import { createEsdbEventStore } from '../../src/eventstore/esdb/index.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { startProjectionHost } from '../../src/projections/host.js';
import { advisoryLocks } from '../../src/projections/lock.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import { projectionStatuses } from '../../src/projections/status.js';
import type { TestStore } from '../helpers/postgres.js';
import { bookkeeping, deadLetters, dumpActive, readSideStore, silent } from './fixtures/read-side.js';
import { appendUnits } from './fixtures/workload.js';

const url = process.env.ESDB_CONNECTION_STRING;

/** Every projection's active generation has read up to `head` (a position on the EventStoreDB log). */
const caughtUp = async (ctx: TestStore, store: EventStore, head: string, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = (await projectionStatuses(bookkeeping(ctx), ctx.schema, store, PROJECTIONS)).filter(
      (s) => s.state === 'active',
    );
    if (
      statuses.length === PROJECTIONS.length &&
      statuses.every((s) => store.compareCheckpoints(s.position, head) >= 0)
    )
      return;
    if (Date.now() > deadline)
      throw new Error(`not caught up: ${JSON.stringify(statuses.map((s) => [s.name, s.position]))}`);
    await sleep(50);
  }
};

if (url === undefined || url === '') {
  t.comment(
    'EventStoreDB as the read side source not run: set ESDB_CONNECTION_STRING (see README, "Running against EventStoreDB")',
  );
  t.pass('skipped: no ESDB_CONNECTION_STRING');
} else {
  t.test('runners read EventStoreDB, read models land in PostgreSQL, a rebuild equals them', async (t) => {
    const ctx = await readSideStore(t);
    const esdb = createEsdbEventStore(url);
    t.teardown(() => esdb.close());
    const tag = `es${randomUUID().slice(0, 6)}`;
    let head = (await appendUnits(esdb, tag, 0, 8)) as string;
    const locks = await advisoryLocks(ctx.connection.clientConfig);
    const host = startProjectionHost({
      store: esdb,
      db: bookkeeping(ctx),
      schema: ctx.schema,
      projections: PROJECTIONS,
      locks,
      logger: silent,
      takeoverMs: 100,
      idleWaitMs: 300,
    });
    t.teardown(async () => {
      await host.stop();
      await locks.close();
    });
    await caughtUp(ctx, esdb, head);
    head = (await appendUnits(esdb, tag, 8, 12)) as string;
    await caughtUp(ctx, esdb, head);
    const db = ctx.connection.db as unknown as Kysely<unknown>;
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.id(ctx.schema, 'parcels')} where parcel_id like ${`P-${tag}-%`}`.execute(db);
    t.equal(rows[0]?.n, 12, 'one row per parcel of this run');
    const incremental = await dumpActive(ctx);
    for (const projection of PROJECTIONS) {
      const outcome = await rebuildProjection({
        store: esdb,
        db: bookkeeping(ctx),
        schema: ctx.schema,
        projection,
        locks,
        logger: silent,
      });
      t.equal(outcome.outcome, 'switched', `${projection.name} rebuilt from EventStoreDB`);
    }
    await caughtUp(ctx, esdb, head);
    t.same(await dumpActive(ctx), incremental, 'the rebuilt tables equal the incremental ones, row for row');
    t.same(await deadLetters(ctx), [], 'no dead letters');
  });
}
