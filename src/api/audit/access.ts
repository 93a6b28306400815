/**
 * Who may read the audit record (issue 9 "Who sees what", DOMAIN.md §12): the subject of a read
 * (a parcel, decision, credit archive or other stream) and the one check every audit route makes.
 *
 * - AUDITOR, PROVINCE_REVIEWER and MINISTRY (the oversight roles) read history and decision trails
 *   within their jurisdiction; only they read trails, people's decisions and the access log.
 * - Other government roles read the history of their own jurisdiction.
 * - A LAND_USER reads only its own parcels and its own credit archive.
 * Every refusal is a 403 problem naming the rule.
 */
import type { FastifyRequest } from 'fastify';
import { decisionDecider } from '../../domain/decision/index.js';
import { decisionStream, STREAM_CATEGORIES } from '../../domain/streams.js';
import { foldStream } from '../../eventstore/fold-stream.js';
import type { EventStore } from '../../eventstore/types.js';
import { actorOf } from '../auth/authenticate.js';
import { covers } from '../auth/jurisdiction.js';
import type { Role } from '../auth/roles.js';
import type { Actor } from '../auth/token.js';
import { parcelJurisdictionOf, parcelOwnerOf, loadParcel } from '../commands/parcel-lookup.js';
import { HttpError } from '../http-error.js';

export const OVERSIGHT_ROLES: readonly Role[] = ['AUDITOR', 'PROVINCE_REVIEWER', 'MINISTRY'];

/** What a read is about, with what the policy needs to judge it. */
export type AuditSubject =
  | {
      readonly kind: 'parcel';
      readonly id: string;
      readonly jurisdiction: string | null;
      readonly owner: string | null;
    }
  | { readonly kind: 'decision'; readonly id: string; readonly jurisdiction: string | null }
  /** A land user's credit archive: national (a ban applies everywhere). */
  | { readonly kind: 'credit'; readonly id: string }
  /** Calendars and log digests: public to every government role. */
  | { readonly kind: 'national'; readonly id: string }
  /** The access log itself: oversight roles only. */
  | { readonly kind: 'access'; readonly id: string }
  /** A stream of no known category: the ministry only. */
  | { readonly kind: 'other'; readonly id: string };

export type AuditReadKind = 'history' | 'trail';

const forbidden = (code: string, message: string, extra: Record<string, unknown> = {}): HttpError =>
  new HttpError(403, code, message, { rule: '§12', ...extra });

/** Throws a 403 HttpError unless `actor` may read `subject` (a history, or a trail when `kind` is 'trail'). */
export const authorizeAuditRead = (actor: Actor, subject: AuditSubject, kind: AuditReadKind = 'history'): void => {
  const oversight = OVERSIGHT_ROLES.includes(actor.role);
  if (kind === 'trail' && !oversight) {
    throw forbidden('ROLE_NOT_ALLOWED', `The role ${actor.role} may not read decision trails`, {
      allowedRoles: OVERSIGHT_ROLES,
    });
  }
  if (actor.role === 'LAND_USER') {
    const own =
      (subject.kind === 'parcel' && subject.owner === actor.sub) ||
      (subject.kind === 'credit' && subject.id === actor.sub);
    if (!own) throw forbidden('NOT_OWNER', 'A land user may read only its own parcels and credit archive');
    return;
  }
  switch (subject.kind) {
    case 'credit':
    case 'national':
      return;
    case 'access':
      if (!oversight) {
        throw forbidden('ROLE_NOT_ALLOWED', `The role ${actor.role} may not read the access log`, {
          allowedRoles: OVERSIGHT_ROLES,
        });
      }
      return;
    case 'other':
      if (actor.jurisdiction !== 'CN')
        throw forbidden('JURISDICTION_FORBIDDEN', `Only a national token reads ${subject.id}`);
      return;
    case 'parcel':
    case 'decision':
      if (
        subject.jurisdiction === null ? actor.jurisdiction !== 'CN' : !covers(actor.jurisdiction, subject.jurisdiction)
      ) {
        throw forbidden(
          'JURISDICTION_FORBIDDEN',
          `The token's jurisdiction ${actor.jurisdiction} does not cover ${subject.kind} ${subject.id}`,
        );
      }
  }
};

export const parcelSubject = async (store: EventStore, parcelId: string): Promise<AuditSubject | null> => {
  const state = await loadParcel(store, parcelId);
  const jurisdiction = parcelJurisdictionOf(state);
  if (jurisdiction === null) return null;
  return { kind: 'parcel', id: parcelId, jurisdiction, owner: parcelOwnerOf(state) };
};

export const decisionSubject = async (store: EventStore, decisionId: string): Promise<AuditSubject | null> => {
  const state = foldStream(decisionDecider, await store.readStream(decisionStream(decisionId)));
  if (state.status === 'NONE') return null;
  return { kind: 'decision', id: decisionId, jurisdiction: state.jurisdiction };
};

/**
 * The subject of any stream, by its category: `timers-<parcel>` belongs to its parcel, an access
 * stream to the access log. Null when the stream (or its owner) has no events.
 */
export const subjectOfStream = async (store: EventStore, stream: string): Promise<AuditSubject | null> => {
  const after = (prefix: string) => stream.slice(prefix.length);
  if (stream.startsWith(STREAM_CATEGORIES.parcel)) return parcelSubject(store, after(STREAM_CATEGORIES.parcel));
  if (stream.startsWith(STREAM_CATEGORIES.timers)) return parcelSubject(store, after(STREAM_CATEGORIES.timers));
  if (stream.startsWith(STREAM_CATEGORIES.decision)) return decisionSubject(store, after(STREAM_CATEGORIES.decision));
  const exists = (await store.readStream(stream, { toRevision: 0 })).length > 0;
  if (!exists) return null;
  if (stream.startsWith(STREAM_CATEGORIES.credit)) return { kind: 'credit', id: after(STREAM_CATEGORIES.credit) };
  if (stream.startsWith(STREAM_CATEGORIES.calendar) || stream.startsWith(STREAM_CATEGORIES.digest))
    return { kind: 'national', id: stream };
  if (stream.startsWith(STREAM_CATEGORIES.access)) return { kind: 'access', id: stream };
  return { kind: 'other', id: stream };
};

/**
 * What every audit route does with the subject it looked up: names the read for the access log,
 * answers `notFound()` when the subject has no events, and otherwise checks the reader may read it.
 */
export const authorizeSubjectRead = (
  request: FastifyRequest,
  id: string,
  subject: AuditSubject | null,
  notFound: () => Error,
  kind: AuditReadKind = 'history',
): AuditSubject => {
  request.auditTarget = { id, jurisdiction: jurisdictionOfSubject(subject) };
  if (subject === null) throw notFound();
  authorizeAuditRead(actorOf(request), subject, kind);
  return subject;
};

/** The jurisdiction a subject is recorded under in the access log. */
export const jurisdictionOfSubject = (subject: AuditSubject | null): string | null =>
  subject !== null && (subject.kind === 'parcel' || subject.kind === 'decision') ? subject.jurisdiction : null;
