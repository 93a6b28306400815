/**
 * A parcel meets a new calendar (DOMAIN.md §11.4.3): ReconcileCalendar moves later dates, and
 * earlier dates of provisional deadlines; it holds an earlier date of a deadline communicated on
 * published notices for review, and ResolveDeadlineReview keeps it or applies it.
 *
 * The 2027 notice here is test data shaped like the real ones (Spring Festival from the eve, a
 * make-up Saturday before and a make-up Sunday after), not the State Council's 2027 notice.
 */
import t from 'tap';
import { calendarOf } from '../../../src/domain/calendar/index.js';
import type { Calendar, CalendarLayer, CalendarSource } from '../../../src/domain/calendar/index.js';
import { obligationsOf } from '../../../src/domain/deadlines/index.js';
import { createParcelDecider, parcelPolicyFor } from '../../../src/domain/parcel/index.js';
import type { ParcelCommand, ParcelEvent, ParcelState } from '../../../src/domain/parcel/index.js';
import { SEED_CALENDAR, SEED_VERSION } from '../../../src/domain/working-calendar/seed-calendar.js';
import { SEED_LAYER, SEED_REVISION } from '../../../src/domain/working-calendar/seed.js';
import { at, command, confirmDeal, JS } from './fixtures/parcel.js';

const range = (from: number, to: number, month: string): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `2027-${month}-${String(from + i).padStart(2, '0')}`);

const withYear = (revision: number, off: readonly string[], makeUp: readonly string[]): CalendarLayer => ({
  scope: 'CN',
  revision,
  years: new Map([...SEED_LAYER.years, [2027, { offDays: new Set(off), makeUpWorkDays: new Set(makeUp) }]]),
});

const OFF_2027 = [...range(1, 3, '01'), ...range(5, 12, '02')];
const MAKE_UP_2027 = ['2027-01-30', '2027-02-14'];
const PUBLISHED = calendarOf([withYear(SEED_REVISION + 1, OFF_2027, MAKE_UP_2027)]);
// An amendment that makes Saturday 2027-02-13 a working day too: deadlines across it come earlier.
const AMENDED = calendarOf([withYear(SEED_REVISION + 2, OFF_2027, [...MAKE_UP_2027, '2027-02-13'])]);

/** A source whose newest calendar is `current`; it knows the seed and both 2027 versions. */
const sourceAt = (current: Calendar): CalendarSource => {
  const known = new Map([SEED_CALENDAR, PUBLISHED, AMENDED].map((c) => [c.version, c]));
  return {
    at: (version) => {
      const calendar = known.get(version);
      if (calendar === undefined) throw new Error(`unknown calendar version ${version}`);
      return calendar;
    },
    current: () => current,
  };
};

const run = (calendars: CalendarSource, from: ParcelState, ...commands: ParcelCommand[]) => {
  const decider = createParcelDecider({ calendars });
  let state = from;
  const events: ParcelEvent[] = [];
  for (const c of commands) {
    for (const e of decider.decide(c, state)) {
      state = decider.evolve(state, { ...e, id: `evt-${events.length}` });
      events.push(e);
    }
  }
  return { state, events };
};

const reconcile = (now = '2027-01-30') =>
  ({
    type: 'ReconcileCalendar',
    data: {},
    context: { now: at(now), actor: { id: 'system:calendar', role: 'SYSTEM' } },
  }) as const;

const t01 = (state: ParcelState, calendars: CalendarSource) =>
  obligationsOf(state, parcelPolicyFor(state, calendars)(JS)).find((o) => o.ruleId === 'T01');

// 2027-01-29 (Fri) + 10 wd. Provisional (weekends and Jan 1 only): Feb 1–5, Feb 8–12 → Feb 12.
// Published: Jan 30 (make-up Sat), Feb 1–4, Feb 14 (make-up Sun), Feb 15–18 → Feb 18.
const deal = () => confirmDeal({ confirmedOn: '2027-01-29' }, '2027-01-29');

t.test('a deal on the seed calendar follows it: T01 in 2027 is provisional', async (t) => {
  const { state, events } = run(sourceAt(SEED_CALENDAR), { status: 'NEW' }, deal());
  t.match(events[0], {
    type: 'DealConfirmed',
    data: { signingDeadline: '2027-02-12', calendarVersion: SEED_VERSION, provisional: true },
  });
  t.match(t01(state, sourceAt(PUBLISHED)), { dueDate: '2027-02-12', provisional: true, calendarVersion: SEED_VERSION });
});

t.test('publication: a later date is applied and recorded, the parcel moves to the new version', async (t) => {
  const seeded = run(sourceAt(SEED_CALENDAR), { status: 'NEW' }, deal()).state;
  const { state, events } = run(sourceAt(PUBLISHED), seeded, reconcile());
  t.match(events, [
    {
      type: 'CalendarReconciled',
      data: {
        fromVersion: SEED_VERSION,
        toVersion: PUBLISHED.version,
        changed: [
          { ruleId: 'T01', oldDate: '2027-02-12', newDate: '2027-02-18', wasProvisional: true, provisional: false },
        ],
        held: [],
        calendarVersion: PUBLISHED.version,
      },
    },
  ]);
  t.match(t01(state, sourceAt(PUBLISHED)), {
    dueDate: '2027-02-18',
    provisional: false,
    calendarVersion: PUBLISHED.version,
  });
  t.same(run(sourceAt(PUBLISHED), state, reconcile()).events, [], 'a parcel on the newest version records nothing');
});

t.test('a deadline the new calendar does not move is not listed', async (t) => {
  // 2026-03-02 + 10 wd ends in March 2026: 2027's notice cannot touch it.
  const early = run(sourceAt(SEED_CALENDAR), { status: 'NEW' }, confirmDeal()).state;
  const { events } = run(sourceAt(PUBLISHED), early, reconcile());
  t.match(events, [{ type: 'CalendarReconciled', data: { changed: [], held: [] } }]);
});

t.test('an amendment that would shorten a communicated deadline holds it for review', async (t) => {
  const onPublished = run(sourceAt(PUBLISHED), { status: 'NEW' }, deal()).state;
  t.match(t01(onPublished, sourceAt(PUBLISHED)), { dueDate: '2027-02-18', provisional: false });
  const { state, events } = run(sourceAt(AMENDED), onPublished, reconcile());
  const reviewId = `P-1/T01/-/${AMENDED.version}`;
  t.match(events, [
    {
      type: 'CalendarReconciled',
      data: {
        changed: [],
        held: [
          { ruleId: 'T01', oldDate: '2027-02-18', newDate: '2027-02-17', reviewId, calendarVersion: AMENDED.version },
        ],
      },
    },
  ]);
  t.match(t01(state, sourceAt(AMENDED)), {
    dueDate: '2027-02-18',
    hold: { reviewId, status: 'OPEN', proposedDate: '2027-02-17' },
  });

  const resolve = (decision: 'KEEP' | 'APPLY_EARLIER') =>
    command(
      'ResolveDeadlineReview',
      { reviewId, decision, reason: 'the deal notice gave 2027-02-18' },
      at('2027-02-01'),
    );
  const kept = run(sourceAt(AMENDED), state, resolve('KEEP'));
  t.match(kept.events, [{ type: 'DeadlineReviewResolved', data: { decision: 'KEEP', dueDate: '2027-02-18' } }]);
  t.match(t01(kept.state, sourceAt(AMENDED)), { dueDate: '2027-02-18', hold: { status: 'KEPT' } });
  t.throws(() => run(sourceAt(AMENDED), kept.state, resolve('KEEP')), { code: 'REVIEW_RESOLVED' });

  const applied = run(sourceAt(AMENDED), state, resolve('APPLY_EARLIER'));
  t.match(applied.events, [
    { type: 'DeadlineReviewResolved', data: { decision: 'APPLY_EARLIER', dueDate: '2027-02-17' } },
  ]);
  const after = t01(applied.state, sourceAt(AMENDED));
  t.equal(after?.dueDate, '2027-02-17');
  t.equal(after?.hold, undefined);

  t.throws(
    () =>
      run(
        sourceAt(AMENDED),
        state,
        command('ResolveDeadlineReview', { reviewId: 'nope', decision: 'KEEP', reason: 'x' }, at('2027-02-01')),
      ),
    { code: 'REVIEW_NOT_FOUND' },
  );
});

t.test('an earlier date of a provisional deadline is applied: provisional means "until published"', async (t) => {
  // A notice with a make-up Saturday (Jan 9) and no extra day off in the window.
  const makeUpOnly = calendarOf([withYear(SEED_REVISION + 3, range(1, 3, '01'), ['2027-01-09'])]);
  const source: CalendarSource = {
    ...sourceAt(makeUpOnly),
    at: (v) => (v === makeUpOnly.version ? makeUpOnly : SEED_CALENDAR),
  };
  // 2027-01-04 (Mon) + 10 wd. Provisional: Jan 5–8, 11–15, 18 → Jan 18. With Jan 9 working → Jan 15.
  const seeded = run(
    sourceAt(SEED_CALENDAR),
    { status: 'NEW' },
    confirmDeal({ confirmedOn: '2027-01-04' }, '2027-01-04'),
  ).state;
  const { events } = run(source, seeded, reconcile());
  t.match(events, [
    {
      type: 'CalendarReconciled',
      data: {
        changed: [{ ruleId: 'T01', oldDate: '2027-01-18', newDate: '2027-01-15', wasProvisional: true }],
        held: [],
      },
    },
  ]);
});
