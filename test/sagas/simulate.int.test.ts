/**
 * The default scenario on real PostgreSQL through the whole write side, the sagas and the timer
 * poller on a virtual clock, three years and more: exactly these reminders, breaches, flags, the
 * idle case and the credit entries, no more (DOMAIN.md §4, §7). Any change in the rules shows up
 * here as a changed line.
 */
import t from 'tap';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { ALERT_EVENT_TYPES } from '../../src/domain/parcel/index.js';
import type { SagaTables } from '../../src/sagas/bookkeeping.table.js';
import { runSimulation } from '../../scripts/simulate/engine.js';
import { loadScenario } from '../../scripts/simulate/scenario.js';
import { postgresTestStore } from '../helpers/postgres.js';

const EFFECTS = new Set<string>([...ALERT_EVENT_TYPES, 'IdleSuspected', 'CreditEntryAdded', 'TimerFired']);

const EXPECTED = [
  '2026-03-18 P-3201-2026-102 T04 PaymentReminderIssued 1: due 2026-03-16',
  '2026-03-20 P-3201-2026-101 T04 PaymentReminderIssued 1: due 2026-03-18',
  '2026-03-31 P-3201-2026-101 T03 SlaBreached due 2026-03-30',
  '2026-04-18 P-3201-2026-101 T07 PaymentOverdue 1: due 2026-04-18',
  '2026-04-18 credit LU-91320100MA1LATE01 C4 CreditEntryAdded C4 on P-3201-2026-101',
  '2026-06-16 P-3201-2026-103 T01 SigningDeadlinePassed due 2026-06-15',
  '2026-06-22 credit LU-91320100MA1GONE01 C1 CreditEntryAdded C1 on P-3201-2026-103',
  '2026-08-16 P-3201-2026-102 T04 PaymentReminderIssued 2: due 2026-08-16',
  '2026-09-01 P-3201-2026-102 T17 ExtensionWindowClosing start: due 2026-09-01',
  '2026-09-19 P-3201-2026-102 T12 StartReminderIssued due 2026-09-19',
  '2026-10-16 P-3201-2026-102 T16 InspectionDue ACTUAL_START: due 2026-10-12',
  '2026-10-19 P-3201-2026-102 T16 InspectionDue AGREED_START: due 2026-10-19',
  '2027-01-18 P-3201-2026-101 T17 ExtensionWindowClosing start: due 2027-01-18',
  '2027-01-30 P-3201-2026-101 T12 StartReminderIssued due 2027-01-30',
  '2027-02-17 P-3201-2026-101 T04 PaymentReminderIssued 2: due 2027-02-17',
  '2027-03-01 P-3201-2026-101 T16 InspectionDue AGREED_START: due 2027-03-01',
  '2027-03-02 P-3201-2026-101 C2 DeclarationMissing start: due 2027-03-01',
  '2027-03-02 credit LU-91320100MA1LATE01 C2 CreditEntryAdded C2 on P-3201-2026-101',
  '2027-05-20 P-3201-2026-101 T28 SlaBreached MT-3201-2027-0101: due 2027-05-19',
  '2028-03-01 P-3201-2026-101 T19 IdleSuspected case IC-A-2028-03-01, threshold 2028-03-01',
  '2028-05-10 credit LU-91320100MA1LATE01 C5 CreditEntryAdded C5 on P-3201-2026-101',
  '2028-05-11 P-3201-2026-101 T26 SlaBreached IC-A-2028-03-01:publish: due 2028-05-10',
  '2028-07-05 credit LU-91320100MA1LATE01 C3 CreditEntryAdded C3 on P-3201-2026-101',
  '2028-07-05 P-3201-2026-101 T16 InspectionDue ACTUAL_START: due 2028-06-25',
  '2028-09-05 P-3201-2026-102 T17 ExtensionWindowClosing completion: due 2028-09-05',
  '2028-09-19 P-3201-2026-102 T13 CompletionReminderIssued due 2028-09-19',
  '2028-09-29 P-3201-2026-102 T16 InspectionDue COMPLETION_ACCEPTANCE: due 2028-09-20',
  '2029-01-17 P-3201-2026-101 T17 ExtensionWindowClosing completion: due 2029-01-17',
  '2029-01-29 P-3201-2026-101 T13 CompletionReminderIssued due 2029-01-29',
  '2029-02-28 P-3201-2026-101 T16 InspectionDue AGREED_COMPLETION: due 2029-02-28',
  '2029-03-01 P-3201-2026-101 C2 DeclarationMissing completion: due 2029-02-28',
  '2029-03-01 credit LU-91320100MA1LATE01 C2 CreditEntryAdded C2 on P-3201-2026-101',
];

t.test('three years of the default scenario: exactly the expected effects', async (t) => {
  const test = await postgresTestStore();
  t.teardown(() => test.close());
  const { store, connection, schema } = test;
  const scenario = await loadScenario();
  const result = await runSimulation({
    store,
    db: connection.db as unknown as Kysely<SagaTables>,
    schema,
    scenario,
    logger: pino({ level: 'silent' }),
  });
  const effects = result.lines
    .filter((l) => EFFECTS.has(l.event))
    // Credit evidence names a store event id, different on every run.
    .map((l) => `${l.date} ${l.owner} ${l.rule} ${l.event} ${l.detail}`.replace(/ \(evidence [^)]+\)$/, ''));
  t.same(effects, EXPECTED);
  t.equal(result.timersObsolete, 0, 'no timer fired for an obligation already met');
  t.equal(result.steps, scenario.steps.length, 'every step accepted');

  // The ban follows the entries: the late payer may not bid, the punctual one may.
  const { rows } = await connection.pool.query<{ stream: string; n: string }>(
    `SELECT stream, count(*) AS n FROM "${schema}".events WHERE type = 'CreditEntryAdded' GROUP BY stream ORDER BY stream`,
  );
  t.same(rows, [
    { stream: 'credit-LU-91320100MA1GONE01', n: '1' },
    { stream: 'credit-LU-91320100MA1LATE01', n: '5' }, // C4, C2 start, C5, C3, C2 completion
  ]);
  const due = await connection.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "${schema}".saga_timers WHERE due_at <= '2029-12-31T23:59:59+08:00'`,
  );
  t.equal(due.rows[0]?.n, 0, 'no timer left behind');
});

t.test('--until stops the clock: nothing after that day happens', async (t) => {
  const test = await postgresTestStore();
  t.teardown(() => test.close());
  const { store, connection, schema } = test;
  const result = await runSimulation({
    store,
    db: connection.db as unknown as Kysely<SagaTables>,
    schema,
    scenario: await loadScenario(),
    until: '2026-06-30',
    logger: pino({ level: 'silent' }),
  });
  t.ok(result.lines.length > 0);
  t.ok(result.lines.every((l) => l.date <= '2026-06-30'));
  t.ok(result.lines.some((l) => l.event === 'SupplyAborted'));
});
