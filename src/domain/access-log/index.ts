/**
 * The access log (DOMAIN.md §10.2 "record every access attempt", issue 9 "every read of a trail
 * or bundle is itself logged"): a read of the audit record is a fact like any other, appended to
 * `access-<day>-<actor>` so that reviewers' own access is auditable, hash-chained and digested.
 * The decider accepts every well-formed record: whether the read was allowed was judged by the
 * API, and a refusal is recorded too.
 */
import type { Command, Decider, DomainEvent } from '../decider.js';

export const ACCESS_OUTCOMES = ['GRANTED', 'REFUSED', 'NOT_FOUND', 'FAILED'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

export type AccessRecord = {
  /** What was read, e.g. 'parcel-history', 'decision-trail', 'parcel-audit-bundle'. */
  readonly resource: string;
  /** The id read: a parcel, decision, land user, person, stream or event id. */
  readonly target: string;
  /** The target's jurisdiction when known (division code or 'CN-…'), for scoping the log itself. */
  readonly targetJurisdiction: string | null;
  readonly outcome: AccessOutcome;
  /** HTTP status of the answer. */
  readonly status: number;
  readonly method: string;
  /** Path and query string as requested. */
  readonly url: string;
  readonly requestId: string;
};

export type RecordAccess = Command<'RecordAccess', AccessRecord>;
export type AuditRecordAccessed = DomainEvent<'AuditRecordAccessed', AccessRecord & { readonly accessedAt: string }>;

export const ACCESS_EVENT_TYPES = ['AuditRecordAccessed'] as const;

/** One stream per actor and day (Asia/Shanghai): short to fold, and a reviewer's day reads as one story. */
export const accessStream = (day: string, actorId: string): string =>
  `access-${day}-${actorId.replace(/[^\w.@-]/g, '_')}`;

export const accessLogDecider: Decider<RecordAccess, AuditRecordAccessed, { readonly count: number }> = {
  decide: (command) => [{ type: 'AuditRecordAccessed', data: { ...command.data, accessedAt: command.context.now } }],
  evolve: (state) => ({ count: state.count + 1 }),
  initialState: () => ({ count: 0 }),
};
