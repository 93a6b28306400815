/**
 * The linkage deadlines on real PostgreSQL with the virtual clock (DOMAIN.md §9, T35, T36): the
 * linkage-deadlines saga turns the area's filings into timers on `timers-linkage-<id>`; the poller
 * records LinkageProgressOverdue the day after a month's due date when its progress was never
 * filed (none when it was filed in time), LinkageAcceptanceFilingOverdue the day after the T36
 * due date when the acceptance was never filed, and finds the firing obsolete when the acceptance
 * was filed (late) before the timer came round; firing twice appends once.
 */
import t from 'tap';
import { fold } from '../../src/domain/decider.js';
import {
  LINKAGE_COMMANDS,
  linkageDecider,
  linkageStream,
  type LinkageCommand,
  type LinkageEvent,
  type LinkageState,
} from '../../src/domain/linkage/index.js';
import type { TimerStamp } from '../../src/domain/timers/index.js';
import { handleLinkageCommand } from '../../src/eventstore/aggregate-handlers.js';
import { toDomainEvent } from '../../src/eventstore/fold-stream.js';
import { VirtualClock } from '../../src/sagas/clock.js';
import { fireLinkageTimer } from '../../src/sagas/linkage/fire.js';
import { linkageTimersSaga } from '../../src/sagas/linkage/saga.js';
import { createTimerPoller } from '../../src/sagas/poller.js';
import type { TestStore } from '../helpers/postgres.js';
import { runToHead, sagaDb, sagaStore, silent } from './fixtures/sagas.js';

const province = { id: 'u-prov-1', role: 'PROVINCE_REVIEWER' };
const city = { id: 'u-city-1', role: 'GRANTOR_ADMIN' };
const { linkageId: _exampleId, ...approval } = LINKAGE_COMMANDS.ApproveLinkageOverall.example;

const send = (ctx: TestStore, clock: VirtualClock, id: string, type: LinkageCommand['type'], data: object) =>
  handleLinkageCommand({
    store: ctx.store,
    id,
    command: {
      type,
      data,
      context: { now: clock.now().toISOString(), actor: type === 'ApproveLinkageOverall' ? province : city },
    } as LinkageCommand,
    envelope: { correlationId: 'test' },
    clock: () => clock.now(),
  });

/** Approved on 2026-02-10 (CN-SC-5101), basic information filed today. */
const openArea = async (ctx: TestStore, clock: VirtualClock, id: string) => {
  await send(ctx, clock, id, 'ApproveLinkageOverall', { ...approval, linkageId: id });
  await send(ctx, clock, id, 'FileLinkageBasicInfo', LINKAGE_COMMANDS.FileLinkageBasicInfo.example);
};

const typesOf = async (ctx: TestStore, stream: string): Promise<string[]> =>
  (await ctx.store.readStream(stream)).map((e) => e.type);
const eventsOf = async (ctx: TestStore, id: string) =>
  (await ctx.store.readStream(linkageStream(id))).map((e) => toDomainEvent<LinkageEvent>(e));
const stateOf = async (ctx: TestStore, id: string): Promise<LinkageState> =>
  fold(linkageDecider, await eventsOf(ctx, id));
const timersOf = async (ctx: TestStore, id: string): Promise<TimerStamp[]> =>
  (await ctx.store.readStream(`timers-linkage-${id}`)).map((e) => e.data as unknown as TimerStamp);

t.test(
  'T35: a month never filed is recorded overdue the day after its last day; one filed in time is not',
  async (t) => {
    const ctx = await sagaStore(t);
    const clock = new VirtualClock(new Date('2026-02-20T09:00:00+08:00'));
    await openArea(ctx, clock, 'LK-T35-LATE');
    await openArea(ctx, clock, 'LK-T35-OK');
    clock.set(new Date('2026-02-25T09:00:00+08:00'));
    await send(ctx, clock, 'LK-T35-OK', 'FileLinkageProgress', {
      ...LINKAGE_COMMANDS.FileLinkageProgress.example,
      month: '2026-02',
    });
    await runToHead(ctx, linkageTimersSaga, clock);
    t.match(await timersOf(ctx, 'LK-T35-LATE'), [
      {
        rule: 'T35',
        subject: '2026-02',
        dueDate: '2026-02-28',
        fireOn: '2026-03-01',
        dueAt: '2026-03-01T00:00:00+08:00',
      },
    ]);
    t.same(
      await typesOf(ctx, 'timers-linkage-LK-T35-OK'),
      ['TimerScheduled', 'TimerRescheduled'],
      'filing February moves the timer to March',
    );
    t.match((await timersOf(ctx, 'LK-T35-OK'))[1], { rule: 'T35', subject: '2026-03', dueDate: '2026-03-31' });

    const poller = createTimerPoller({ store: ctx.store, db: sagaDb(ctx), schema: ctx.schema, clock, logger: silent });
    clock.set(new Date('2026-02-28T23:59:00+08:00'));
    t.same(await poller.fireDue(), { fired: 0, obsolete: 0, failed: 0 }, 'nothing on the due date itself');

    clock.set(new Date('2026-03-01T08:00:00+08:00'));
    t.same(await poller.fireDue(), { fired: 1, obsolete: 0, failed: 0 });
    const late = await eventsOf(ctx, 'LK-T35-LATE');
    t.match(late.at(-1), {
      type: 'LinkageProgressOverdue',
      data: { rule: 'T35', month: '2026-02', dueDate: '2026-02-28', overdueOn: '2026-03-01' },
    });
    t.match(await stateOf(ctx, 'LK-T35-LATE'), {
      breaches: [{ rule: 'T35', subject: '2026-02', overdueOn: '2026-03-01' }],
    });
    t.notOk(
      (await typesOf(ctx, linkageStream('LK-T35-OK'))).includes('LinkageProgressOverdue'),
      'the area that filed in time has no breach',
    );

    // The saga follows the breach with March's timer; firing February's again appends nothing.
    await runToHead(ctx, linkageTimersSaga, clock);
    t.match((await timersOf(ctx, 'LK-T35-LATE')).at(-1), { subject: '2026-03', dueDate: '2026-03-31' });
    const february = (await timersOf(ctx, 'LK-T35-LATE'))[0] as TimerStamp;
    const fire = fireLinkageTimer(ctx.store, clock);
    await fire({ timerId: february.timerId, saga: linkageTimersSaga.name, timer: february, attempts: 2 });
    await fire({ timerId: february.timerId, saga: linkageTimersSaga.name, timer: february, attempts: 3 });
    t.equal(
      (await typesOf(ctx, linkageStream('LK-T35-LATE'))).filter((type) => type === 'LinkageProgressOverdue').length,
      1,
      'firing twice appends once',
    );

    // February filed late after all: the breach stays, the area goes on with March.
    await send(ctx, clock, 'LK-T35-LATE', 'FileLinkageProgress', {
      ...LINKAGE_COMMANDS.FileLinkageProgress.example,
      month: '2026-02',
    });
    await runToHead(ctx, linkageTimersSaga, clock);
    t.match((await timersOf(ctx, 'LK-T35-LATE')).at(-1), { subject: '2026-03' }, 'no new timer for a late month');
  },
);

t.test(
  'T36: an acceptance never filed is recorded overdue; one filed late first makes the firing obsolete; one in time cancels it',
  async (t) => {
    const ctx = await sagaStore(t);
    const clock = new VirtualClock(new Date('2026-03-02T09:00:00+08:00'));
    const ids = ['LK-T36-NEVER', 'LK-T36-LATE', 'LK-T36-OK'];
    for (const id of ids) {
      await openArea(ctx, clock, id);
      await send(ctx, clock, id, 'RecordLinkageAcceptance', {
        ...LINKAGE_COMMANDS.RecordLinkageAcceptance.example,
        acceptedOn: '2026-03-02',
      });
    }
    const accepted = (await eventsOf(ctx, 'LK-T36-NEVER')).find((e) => e.type === 'LinkageAccepted');
    const dueDate = accepted?.type === 'LinkageAccepted' ? accepted.data.filingDue.dueDate : '';
    t.equal(dueDate, '2026-03-16', '10 working days after 2 March');
    await runToHead(ctx, linkageTimersSaga, clock);
    // Basic information → T35 (February); the acceptance cancels it (T35 ends) and schedules T36.
    t.same(await typesOf(ctx, 'timers-linkage-LK-T36-NEVER'), ['TimerScheduled', 'TimerCancelled', 'TimerScheduled']);
    t.match((await timersOf(ctx, 'LK-T36-NEVER')).at(-1), { rule: 'T36', dueDate, fireOn: '2026-03-17', unit: 'wd' });

    clock.set(new Date('2026-03-16T10:00:00+08:00'));
    await send(ctx, clock, 'LK-T36-OK', 'FileLinkageAcceptance', {
      ...LINKAGE_COMMANDS.FileLinkageAcceptance.example,
      filedOn: '2026-03-16',
    });
    await runToHead(ctx, linkageTimersSaga, clock);
    t.equal((await typesOf(ctx, 'timers-linkage-LK-T36-OK')).at(-1), 'TimerCancelled', 'filed in time: cancelled');

    // The poller was behind: the late area files on the 17th before its timer comes round.
    clock.set(new Date('2026-03-17T10:00:00+08:00'));
    const filedLate = await send(ctx, clock, 'LK-T36-LATE', 'FileLinkageAcceptance', {
      ...LINKAGE_COMMANDS.FileLinkageAcceptance.example,
      filedOn: '2026-03-17',
    });
    t.match(filedLate.events[0], { type: 'LinkageAcceptanceFiled', data: { late: true, certificateWithheld: true } });
    const poller = createTimerPoller({ store: ctx.store, db: sagaDb(ctx), schema: ctx.schema, clock, logger: silent });
    t.same(await poller.fireDue(), { fired: 1, obsolete: 1, failed: 0 });
    t.match((await eventsOf(ctx, 'LK-T36-NEVER')).at(-1), {
      type: 'LinkageAcceptanceFilingOverdue',
      data: { rule: 'T36', dueDate, overdueOn: '2026-03-17' },
    });
    t.equal(
      (await typesOf(ctx, 'timers-linkage-LK-T36-LATE')).at(-1),
      'TimerFired',
      'the late filing made it obsolete',
    );
    t.notOk((await typesOf(ctx, linkageStream('LK-T36-LATE'))).includes('LinkageAcceptanceFilingOverdue'));
    t.notOk((await typesOf(ctx, linkageStream('LK-T36-OK'))).includes('LinkageAcceptanceFilingOverdue'));

    // Firing twice appends once; the saga catches up and nothing is left to fire.
    const t36 = (await timersOf(ctx, 'LK-T36-NEVER')).at(-1) as TimerStamp;
    await fireLinkageTimer(
      ctx.store,
      clock,
    )({ timerId: t36.timerId, saga: linkageTimersSaga.name, timer: t36, attempts: 2 });
    t.equal(
      (await typesOf(ctx, linkageStream('LK-T36-NEVER'))).filter((type) => type === 'LinkageAcceptanceFilingOverdue')
        .length,
      1,
    );
    await runToHead(ctx, linkageTimersSaga, clock);
    clock.set(new Date('2026-06-01T10:00:00+08:00'));
    t.same(await poller.fireDue(), { fired: 0, obsolete: 0, failed: 0 }, 'no T35 after the acceptance');
  },
);
