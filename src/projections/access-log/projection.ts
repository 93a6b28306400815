import { ACCESS_EVENT_TYPES, type AuditRecordAccessed } from '../../domain/access-log/index.js';
import { divisionCodeOf } from '../../domain/jurisdiction.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { defineProjection } from '../projection.js';
import { ACCESS_LOG_TABLES, createAccessLogTables, type AccessLogTables } from './tables.js';

const CHUNK = 1000;

const rowOf = (event: RecordedEvent) => {
  const data = event.data as unknown as AuditRecordAccessed['data'];
  const { actor } = event.metadata;
  return {
    event_id: event.id,
    accessed_at: data.accessedAt,
    actor_id: actor.id,
    actor_name: actor.name ?? null,
    actor_role: actor.role,
    actor_jurisdiction: actor.jurisdiction ?? null,
    resource: data.resource,
    target: data.target,
    target_jurisdiction: data.targetJurisdiction,
    target_division: data.targetJurisdiction === null ? null : divisionCodeOf(data.targetJurisdiction),
    outcome: data.outcome,
    status: data.status,
    method: data.method,
    url: data.url,
    request_id: data.requestId,
    stream: event.stream,
    revision: event.revision,
  };
};

export const accessLogProjection = defineProjection<AccessLogTables>({
  name: 'access_log',
  version: 1,
  eventTypes: ACCESS_EVENT_TYPES,
  tables: ACCESS_LOG_TABLES,
  createTables: createAccessLogTables,
  apply: async (batch, { trx }) => {
    const rows = batch.filter((e) => e.type === 'AuditRecordAccessed').map(rowOf);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('access_log')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute();
    }
  },
});
