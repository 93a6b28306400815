/**
 * The report-obligations read model (DOMAIN.md §13). Set-based like the linkage areas': a batch is
 * grouped by stream, the stored states read in one SELECT, the events folded with the domain's own
 * evolve, the rows upserted in one statement. An event at or below a row's revision is skipped,
 * so a batch applied twice equals once.
 */
import { sql } from 'kysely';
import { reportDecider, type ReportEvent, type ReportState } from '../../domain/reporting/index.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { toDomainEvent } from '../../eventstore/fold-stream.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { defineProjection, type ApplyContext } from '../projection.js';
import { divisionCodeColumn } from '../scope.js';
import { createReportObligationTables, REPORT_OBLIGATION_TABLES, type ReportObligationTables } from './tables.js';

/** Every event of the report obligation; `satisfies` fails the build when the domain adds or drops one. */
const REPORT_EVENT_TYPES = {
  ReportDue: true,
  ReportSubmitted: true,
  ReportOverdue: true,
} as const satisfies Record<ReportEvent['type'], true>;

const PREFIX = STREAM_CATEGORIES.report;

const apply = async (batch: readonly RecordedEvent[], { trx }: ApplyContext<ReportObligationTables>): Promise<void> => {
  const byId = new Map<string, RecordedEvent[]>();
  for (const event of batch) {
    if (!event.stream.startsWith(PREFIX)) continue;
    const id = event.stream.slice(PREFIX.length);
    const events = byId.get(id);
    if (events) events.push(event);
    else byId.set(id, [event]);
  }
  if (byId.size === 0) return;
  const ids = [...byId.keys()];
  const stored = await trx
    .selectFrom('report_obligations')
    .select(['obligation_id', 'revision', 'state'])
    .where(sql<boolean>`obligation_id = any(${ids}::text[])`)
    .execute();
  const storedById = new Map(stored.map((row) => [row.obligation_id, row]));

  const rows = [];
  for (const [id, events] of byId) {
    const row = storedById.get(id);
    let state: ReportState = row ? (row.state as ReportState) : reportDecider.initialState();
    let revision = row ? row.revision : -1;
    let updatedAt: string | null = null;
    for (const event of events) {
      if (event.revision <= revision) continue;
      state = reportDecider.evolve(state, toDomainEvent<ReportEvent>(event));
      revision = event.revision;
      updatedAt = event.metadata.recordedAt;
    }
    if (updatedAt === null || state.status === 'NONE') continue;
    rows.push({
      obligation_id: id,
      type: state.type,
      period: state.period,
      jurisdiction: state.jurisdiction,
      division_code: divisionCodeColumn(state.jurisdiction),
      status: state.status,
      due_date: state.dueDate,
      submitted_on: state.submission?.submittedOn ?? null,
      late: state.submission?.late ?? null,
      state: JSON.stringify(state),
      revision,
      updated_at: updatedAt,
    });
  }
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== 'obligation_id');
  await trx
    .insertInto('report_obligations')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .column('obligation_id')
        .doUpdateSet(Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)])))
        // A stale writer never moves an obligation back.
        .where(sql<boolean>`${sql.ref('report_obligations.revision')} < excluded.revision`),
    )
    .execute();
};

export const reportObligationsProjection = defineProjection<ReportObligationTables>({
  name: 'report_obligations',
  version: 1,
  eventTypes: Object.keys(REPORT_EVENT_TYPES),
  tables: REPORT_OBLIGATION_TABLES,
  createTables: createReportObligationTables,
  apply,
});
