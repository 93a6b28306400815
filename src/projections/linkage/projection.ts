/**
 * The linkage-area read model (DOMAIN.md §9). Set-based like the decisions': a batch is grouped
 * by stream, the stored states of those areas are read in one SELECT, the events folded with the
 * domain's own evolve, and the areas upserted in one statement. An event at or below an area's
 * stored revision is skipped, so a batch applied twice equals once.
 */
import { sql } from 'kysely';
import { linkageDecider, type LinkageEvent, type LinkageState } from '../../domain/linkage/index.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { toDomainEvent } from '../../eventstore/fold-stream.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { defineProjection, type ApplyContext } from '../projection.js';
import { divisionCodeColumn } from '../scope.js';
import { createLinkageTables, LINKAGE_TABLES, type LinkageTables } from './tables.js';
import type { LinkageBreachView } from './views.js';

/** Every event of the linkage aggregate; `satisfies` fails the build when the domain adds or drops one. */
const LINKAGE_EVENT_TYPES = {
  LinkageOverallApproved: true,
  LinkageBasicInfoFiled: true,
  LinkageProgressFiled: true,
  LinkageAccepted: true,
  LinkageAcceptanceFiled: true,
  ImplementationPlanAdjustmentApproved: true,
  RecordReturnRequested: true,
  RecordReturned: true,
  RecordModified: true,
  RecordModificationReviewed: true,
  RecordRefiled: true,
  // The missed T35/T36 deadlines the timers record (the folded state keeps them in `breaches`).
  LinkageProgressOverdue: true,
  LinkageAcceptanceFilingOverdue: true,
} as const satisfies Record<LinkageEvent['type'], true>;

const PREFIX = STREAM_CATEGORIES.linkage;

const breachKey = (rule: string, subject: string | null): string => `${rule}:${subject ?? ''}`;

const apply = async (batch: readonly RecordedEvent[], { trx }: ApplyContext<LinkageTables>): Promise<void> => {
  const byArea = new Map<string, RecordedEvent[]>();
  for (const event of batch) {
    if (!event.stream.startsWith(PREFIX)) continue;
    const id = event.stream.slice(PREFIX.length);
    const events = byArea.get(id);
    if (events) events.push(event);
    else byArea.set(id, [event]);
  }
  if (byArea.size === 0) return;
  const ids = [...byArea.keys()];
  const stored = await trx
    .selectFrom('linkage_areas')
    .select(['linkage_id', 'revision', 'state', 'breaches'])
    .where(sql<boolean>`linkage_id = any(${ids}::text[])`)
    .execute();
  const storedById = new Map(stored.map((row) => [row.linkage_id, row]));

  const rows = [];
  for (const [id, events] of byArea) {
    const row = storedById.get(id);
    let state: LinkageState = row ? (row.state as LinkageState) : linkageDecider.initialState();
    let revision = row ? row.revision : -1;
    let updatedAt: string | null = null;
    // The ids of the events that recorded each breach (rule and subject), stored and new.
    const breachEvents = new Map(
      ((row?.breaches ?? []) as LinkageBreachView[]).map((b) => [breachKey(b.rule, b.subject), b.eventId]),
    );
    for (const event of events) {
      if (event.revision <= revision) continue;
      const domainEvent = toDomainEvent<LinkageEvent>(event);
      state = linkageDecider.evolve(state, domainEvent);
      if (domainEvent.type === 'LinkageProgressOverdue') {
        breachEvents.set(breachKey('T35', domainEvent.data.month), event.id);
      } else if (domainEvent.type === 'LinkageAcceptanceFilingOverdue') {
        breachEvents.set(breachKey('T36', null), event.id);
      }
      revision = event.revision;
      updatedAt = event.metadata.recordedAt;
    }
    if (updatedAt === null || state.status === 'NONE') continue;
    // The domain's breaches (its evolve decides what one is), each with the id of its event.
    const breaches: LinkageBreachView[] = (state.breaches ?? []).map((b) => {
      const eventId = breachEvents.get(breachKey(b.rule, b.subject));
      return { ...b, ...(eventId === undefined ? {} : { eventId }) };
    });
    rows.push({
      linkage_id: id,
      jurisdiction: state.jurisdiction,
      division_code: divisionCodeColumn(state.jurisdiction),
      variant: state.variant,
      status: state.status,
      name: state.name,
      turnover_quota_ha: state.overall.turnoverQuotaHa,
      modification_step: state.modification?.step ?? null,
      acceptance_due: state.status === 'ACCEPTED' ? (state.acceptance?.filingDue.dueDate ?? null) : null,
      breaches: JSON.stringify(breaches),
      state: JSON.stringify(state),
      revision,
      updated_at: updatedAt,
    });
  }
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== 'linkage_id');
  await trx
    .insertInto('linkage_areas')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .column('linkage_id')
        .doUpdateSet(Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)])))
        // A stale writer never moves an area back.
        .where(sql<boolean>`${sql.ref('linkage_areas.revision')} < excluded.revision`),
    )
    .execute();
};

export const linkageProjection = defineProjection<LinkageTables>({
  name: 'linkage_areas',
  // 2: the `breaches` column (the missed T35/T36 deadlines with their event ids, for the views and
  // the `breached` filter): rebuilt once so every row has it.
  version: 2,
  eventTypes: Object.keys(LINKAGE_EVENT_TYPES),
  tables: LINKAGE_TABLES,
  createTables: createLinkageTables,
  apply,
});
