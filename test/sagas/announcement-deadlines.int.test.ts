/**
 * The announcement deadlines on real PostgreSQL with the virtual clock (DOMAIN.md §4 T32, T38): the
 * announcement-deadlines saga turns each deal's stamped due dates into timers on
 * `timers-announcement-<id>`; the poller records ResultsPublicationOverdue when the results were
 * never published and AbnormalReportOverdue when an abnormal deal was never reported, each the day
 * after its due date; a report filed or results published in time cancel their timers; firing twice
 * appends once.
 */
import t from 'tap';
import {
  ANNOUNCEMENT_COMMANDS,
  announcementStream,
  type AnnouncementCommand,
  type AnnouncementEvent,
} from '../../src/domain/announcement/index.js';
import type { TimerStamp } from '../../src/domain/timers/index.js';
import { handleAnnouncementCommand } from '../../src/eventstore/aggregate-handlers.js';
import { toDomainEvent } from '../../src/eventstore/fold-stream.js';
import { fireAnnouncementTimer } from '../../src/sagas/announcement/fire.js';
import { announcementTimersSaga } from '../../src/sagas/announcement/saga.js';
import { VirtualClock } from '../../src/sagas/clock.js';
import { createTimerPoller } from '../../src/sagas/poller.js';
import type { TestStore } from '../helpers/postgres.js';
import { runToHead, sagaDb, sagaStore, silent } from './fixtures/sagas.js';

const ID = 'GG-3201-2026-05';
const city = { id: 'u-city-1', role: 'GRANTOR_ADMIN' };

const send = (ctx: TestStore, clock: VirtualClock, type: AnnouncementCommand['type'], data: object) =>
  handleAnnouncementCommand({
    store: ctx.store,
    id: ID,
    command: { type, data, context: { now: clock.now().toISOString(), actor: city } } as AnnouncementCommand,
    envelope: { correlationId: 'test' },
    clock: () => clock.now(),
  });

const eventsOf = async (ctx: TestStore) =>
  (await ctx.store.readStream(announcementStream(ID))).map((e) => toDomainEvent<AnnouncementEvent>(e));
const typesOf = async (ctx: TestStore, stream: string): Promise<string[]> =>
  (await ctx.store.readStream(stream)).map((e) => e.type);
const timers = async (ctx: TestStore): Promise<TimerStamp[]> =>
  (await ctx.store.readStream(`timers-announcement-${ID}`))
    .filter((e) => e.type === 'TimerScheduled')
    .map((e) => e.data as unknown as TimerStamp);

t.test(
  'T32 results never published and a T38 report never filed are recorded; those met in time are not',
  async (t) => {
    const ctx = await sagaStore(t);
    const clock = new VirtualClock(new Date('2026-02-02T09:00:00+08:00'));
    await send(ctx, clock, 'PublishAnnouncement', ANNOUNCEMENT_COMMANDS.PublishAnnouncement.example);
    clock.set(new Date('2026-03-06T16:00:00+08:00'));
    // G05: premium 52 % (abnormal); G06: a record price (abnormal).
    await send(ctx, clock, 'RecordTransactionResult', ANNOUNCEMENT_COMMANDS.RecordTransactionResult.example);
    await send(ctx, clock, 'RecordTransactionResult', {
      ...ANNOUNCEMENT_COMMANDS.RecordTransactionResult.example,
      parcelId: 'NO.2026G06',
      priceFen: 1_000_000_000_00,
      recordPrice: true,
    });
    await runToHead(ctx, announcementTimersSaga, clock);
    const byRule = (rule: string, parcelId: string) =>
      timers(ctx).then((list) => list.find((x) => x.rule === rule && x.subject === parcelId) as TimerStamp);
    const t32 = await byRule('T32', 'NO.2026G06');
    const t38 = await byRule('T38', 'NO.2026G06');
    t.match(t32, { dueDate: '2026-03-20', fireOn: '2026-03-21', anchorDate: '2026-03-06', unit: 'wd' });
    t.match(t38, { dueDate: '2026-03-10', fireOn: '2026-03-11' });
    t.equal((await timers(ctx)).length, 4, 'T32 and T38 for each deal');

    // G05's abnormal deal is reported in time.
    clock.set(new Date('2026-03-09T10:00:00+08:00'));
    await send(ctx, clock, 'ReportAbnormalTransaction', ANNOUNCEMENT_COMMANDS.ReportAbnormalTransaction.example);
    await runToHead(ctx, announcementTimersSaga, clock);

    const poller = createTimerPoller({ store: ctx.store, db: sagaDb(ctx), schema: ctx.schema, clock, logger: silent });
    clock.set(new Date('2026-03-10T23:00:00+08:00'));
    t.same(await poller.fireDue(), { fired: 0, obsolete: 0, failed: 0 }, 'not on the due date');
    clock.set(new Date('2026-03-11T08:00:00+08:00'));
    t.same(await poller.fireDue(), { fired: 1, obsolete: 0, failed: 0 }, 'only G06’s T38');
    t.match((await eventsOf(ctx)).at(-1), {
      type: 'AbnormalReportOverdue',
      data: { parcelId: 'NO.2026G06', rule: 'T38', dueDate: '2026-03-10', overdueOn: '2026-03-11' },
    });
    t.notOk(
      (await eventsOf(ctx)).some((e) => e.type === 'AbnormalReportOverdue' && e.data.parcelId === 'NO.2026G05'),
      'the report filed in time: no T38 breach',
    );

    // G05's results are published in time; G06's never.
    clock.set(new Date('2026-03-12T10:00:00+08:00'));
    await send(ctx, clock, 'PublishResults', { publishedOn: '2026-03-12', parcelIds: ['NO.2026G05'] });
    await runToHead(ctx, announcementTimersSaga, clock);
    clock.set(new Date('2026-03-21T00:30:00+08:00'));
    t.same(await poller.fireDue(), { fired: 1, obsolete: 0, failed: 0 });
    const overdue = (await eventsOf(ctx)).filter((e) => e.type === 'ResultsPublicationOverdue');
    t.match(overdue, [
      { data: { parcelId: 'NO.2026G06', rule: 'T32', dueDate: '2026-03-20', overdueOn: '2026-03-21' } },
    ]);

    // Firing twice appends once; a firing after the results are out is obsolete.
    const fire = fireAnnouncementTimer(ctx.store, clock);
    await fire({ timerId: t32.timerId, saga: announcementTimersSaga.name, timer: t32, attempts: 2 });
    await fire({ timerId: t38.timerId, saga: announcementTimersSaga.name, timer: t38, attempts: 2 });
    const types = await typesOf(ctx, announcementStream(ID));
    t.equal(types.filter((x) => x === 'ResultsPublicationOverdue').length, 1, 'one T32 breach');
    t.equal(types.filter((x) => x === 'AbnormalReportOverdue').length, 1, 'one T38 breach');
    const t32g05 = await byRule('T32', 'NO.2026G05');
    await t.rejects(
      fire({ timerId: t32g05.timerId, saga: announcementTimersSaga.name, timer: t32g05, attempts: 1 }),
      { code: 'RESULTS_ALREADY_PUBLISHED' },
      'published meanwhile: refused (obsolete)',
    );
    await runToHead(ctx, announcementTimersSaga, clock);
    clock.set(new Date('2026-12-31T10:00:00+08:00'));
    t.same(await poller.fireDue(), { fired: 0, obsolete: 0, failed: 0 }, 'nothing left to fire');
  },
);
