/**
 * Checks the firing from the log itself, not from the pollers' counters:
 *   firing records  effect events on parcel streams that carry the timer id (data.timerId, or
 *                   data.timer.timerId: timer-table.ts firedTimerId), plus TimerFired (obsolete)
 *                   on timers streams
 *   duplicated      timer ids with more than one firing record
 *   due             timers whose last word in the log is TimerScheduled / TimerRescheduled (as the
 *                   new timer) with data.dueAt ≤ the clock, i.e. not cancelled or rescheduled away
 *                   afterwards (log order: transaction id, position)
 *   missed          due timers with no firing record
 *   left_in_table   saga_timers rows due by the clock
 */
import { sql, type Kysely } from 'kysely';
import type { SagaTables } from '../../src/sagas/bookkeeping.table.js';

export interface Verification {
  readonly firingRecords: number;
  readonly firedTimerIds: number;
  readonly duplicated: number;
  readonly dueInLog: number;
  readonly missed: number;
  readonly leftInTable: number;
  /** A few missed / duplicated timer ids, for the report. */
  readonly missedSample: readonly string[];
  readonly duplicatedSample: readonly string[];
}

export const verifyFiring = async (db: Kysely<SagaTables>, schema: string, clock: Date): Promise<Verification> => {
  const events = sql.id(schema, 'events');
  const timers = sql.id(schema, 'saga_timers');
  const at = clock.toISOString();
  await sql`ANALYZE ${events}`.execute(db);
  // One materialised set of firing records, used by both checks.
  const firings = sql`
    firings AS MATERIALIZED (
      SELECT coalesce(e.data->>'timerId', e.data->'timer'->>'timerId') AS timer_id
        FROM ${events} e
       WHERE e.stream LIKE 'parcel-%'
         AND (e.data ? 'timerId' OR jsonb_typeof(e.data->'timer') = 'object' AND e.data->'timer' ? 'timerId')
      UNION ALL
      SELECT e.data->>'timerId'
        FROM ${events} e
       WHERE e.type = 'TimerFired' AND e.stream LIKE 'timers-%'
    ),
    per_timer AS (SELECT timer_id, count(*) AS n FROM firings GROUP BY timer_id)`;
  const { rows: dup } = await sql<{ records: string; ids: string; duplicated: string; sample: string[] | null }>`
    WITH ${firings}
    SELECT (SELECT count(*) FROM firings) AS records,
           count(*) AS ids,
           count(*) FILTER (WHERE n > 1) AS duplicated,
           (array_agg(timer_id ORDER BY timer_id) FILTER (WHERE n > 1))[1:5] AS sample
      FROM per_timer`.execute(db);
  const { rows: due } = await sql<{ due: string; missed: string; sample: string[] | null }>`
    WITH ${firings},
    words AS (
      SELECT e.data->>'timerId' AS timer_id, true AS live, (e.data->>'dueAt')::timestamptz AS due_at,
             e.transaction_id, e.position, 1 AS ord
        FROM ${events} e
       WHERE e.type IN ('TimerScheduled', 'TimerRescheduled') AND e.stream LIKE 'timers-%'
      UNION ALL
      SELECT e.data->>'previousTimerId', false, NULL, e.transaction_id, e.position, 0
        FROM ${events} e
       WHERE e.type = 'TimerRescheduled' AND e.stream LIKE 'timers-%'
      UNION ALL
      SELECT e.data->>'timerId', false, NULL, e.transaction_id, e.position, 1
        FROM ${events} e
       WHERE e.type = 'TimerCancelled' AND e.stream LIKE 'timers-%'
    ),
    last_word AS (
      SELECT DISTINCT ON (timer_id) timer_id, live, due_at
        FROM words
       ORDER BY timer_id, transaction_id DESC, position DESC, ord DESC
    ),
    due AS (SELECT timer_id FROM last_word WHERE live AND due_at <= ${at}::timestamptz),
    missed AS (SELECT d.timer_id FROM due d WHERE NOT EXISTS (SELECT 1 FROM per_timer f WHERE f.timer_id = d.timer_id))
    SELECT (SELECT count(*) FROM due) AS due,
           (SELECT count(*) FROM missed) AS missed,
           (SELECT (array_agg(timer_id ORDER BY timer_id))[1:5] FROM missed) AS sample`.execute(db);
  const { rows: left } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM ${timers} WHERE due_at <= ${at}::timestamptz`.execute(db);
  const d = dup[0];
  const m = due[0];
  return {
    firingRecords: Number(d?.records ?? 0),
    firedTimerIds: Number(d?.ids ?? 0),
    duplicated: Number(d?.duplicated ?? 0),
    dueInLog: Number(m?.due ?? 0),
    missed: Number(m?.missed ?? 0),
    leftInTable: Number(left[0]?.n ?? 0),
    missedSample: m?.sample ?? [],
    duplicatedSample: d?.sample ?? [],
  };
};

/** Events in the log by type (for the report). */
export const eventCounts = async (db: Kysely<SagaTables>, schema: string): Promise<Map<string, number>> => {
  const { rows } = await sql<{ type: string; n: string }>`
    SELECT type, count(*) AS n FROM ${sql.id(schema, 'events')} GROUP BY type ORDER BY type`.execute(db);
  return new Map(rows.map((r) => [r.type, Number(r.n)]));
};
