/**
 * A parcel's timeline for the terminal (`npm run replay-parcel`): one row per event of its stream
 * up to then (revision, business time in Asia/Shanghai, type, actor, document, rule and anchor),
 * then the status and the open deadlines as of then, and the hash-chain verdict of the whole
 * stream. Computed from the log (as-of.ts), never from the read models.
 */
import { DateTime } from 'luxon';
import { parcelStream } from '../domain/streams.js';
import { verifyStream } from '../eventstore/hash-chain.js';
import type { EventStore, RecordedEvent } from '../eventstore/types.js';
import { asOfInstant, foldParcel, parcelEventsAsOf, type FoldedParcel } from './as-of.js';
import { chainViewOf, type ChainView } from './views.js';

export interface TimelineRow {
  readonly revision: number;
  readonly occurredAt: string;
  readonly type: string;
  readonly actor: string;
  readonly documentNo: string;
  readonly ruleAnchor: string;
}

export interface Timeline {
  readonly parcelId: string;
  /** The instant replayed to, or null for the whole stream. */
  readonly asOf: string | null;
  readonly rows: readonly TimelineRow[];
  readonly folded: FoldedParcel;
  /** The verdict over the whole stream, whatever `asOf`. */
  readonly chain: ChainView;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const documentOf = (event: RecordedEvent): string => {
  const terms = event.data['terms'] as Record<string, unknown> | undefined;
  return (
    text(event.metadata.documentNo) ??
    text(event.data['documentNo']) ??
    (terms !== null && typeof terms === 'object' ? text(terms['documentNo']) : null) ??
    ''
  );
};

const ruleAnchorOf = (event: RecordedEvent): string => {
  const { data } = event;
  const rule = text(data['rule']) ?? text(data['ruleId']);
  const subject = text(data['subject']);
  const anchorEvent = text(data['anchorEventId']);
  const anchorDate = text(data['anchorDate']);
  const parts = [
    rule === null ? null : subject === null ? rule : `${rule}/${subject}`,
    anchorDate === null && anchorEvent === null
      ? null
      : `anchor ${[anchorDate, anchorEvent?.slice(0, 8)].filter((p) => p !== null && p !== undefined).join(' ')}`,
  ];
  return parts.filter((p) => p !== null).join(' ');
};

const shanghai = (iso: string): string => {
  const at = DateTime.fromISO(iso, { setZone: true });
  return at.isValid ? at.setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm') : iso;
};

export const timelineRowOf = (event: RecordedEvent): TimelineRow => {
  const { actor } = event.metadata;
  return {
    revision: event.revision,
    occurredAt: shanghai(event.metadata.occurredAt),
    type: event.type,
    actor: `${actor.name ?? actor.id} (${actor.role})`,
    documentNo: documentOf(event),
    ruleAnchor: ruleAnchorOf(event),
  };
};

/** The parcel's timeline up to `asOf` (a day or an instant; all of it when absent), or null without events. */
export const parcelTimeline = async (store: EventStore, parcelId: string, asOf?: string): Promise<Timeline | null> => {
  const all = await store.readStream(parcelStream(parcelId));
  if (all.length === 0) return null;
  const events = asOf === undefined ? all : await parcelEventsAsOf(store, parcelId, { asOf });
  if (events.length === 0) return null;
  return {
    parcelId,
    asOf: asOf === undefined ? null : asOfInstant(asOf),
    rows: events.map(timelineRowOf),
    folded: await foldParcel(store, events),
    chain: chainViewOf(verifyStream(all)),
  };
};

/** Columns in a terminal: CJK characters take two cells. */
const cells = (s: string): number => {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return n;
};
const pad = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - cells(s)));

/** Rows under a header, columns as wide as their widest cell, separated by two spaces. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = header.map((h, i) => Math.max(cells(h), ...rows.map((r) => cells(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};

export const formatTimeline = (timeline: Timeline): string => {
  const { folded, chain } = timeline;
  const last = timeline.rows.at(-1);
  const out = [
    `Parcel ${timeline.parcelId}${timeline.asOf === null ? '' : ` as of ${timeline.asOf}`}: ${timeline.rows.length} events`,
    '',
    table(
      ['rev', 'occurred (Asia/Shanghai)', 'type', 'actor', 'document no', 'rule / anchor'],
      timeline.rows.map((r) => [String(r.revision), r.occurredAt, r.type, r.actor, r.documentNo, r.ruleAnchor]),
    ),
    '',
    `Status${timeline.asOf === null ? '' : ' then'}: ${folded.state.status} (revision ${last?.revision ?? -1}; policy ${
      folded.policyVersion ?? '-'
    }, calendar ${folded.calendarVersion ?? '-'})`,
  ];
  if (folded.obligations.length === 0) out.push('Open deadlines: none');
  else {
    out.push(`Open deadlines: ${folded.obligations.length}`);
    out.push(
      table(
        ['rule', 'kind', 'subject', 'due', 'anchor', 'description'],
        folded.obligations.map((o) => [
          o.ruleId,
          o.kind,
          o.subject ?? '',
          `${o.dueDate}${o.provisional ? ' (provisional)' : ''}`,
          `${o.anchorDate}${o.anchorEventId === null ? '' : ` ${o.anchorEventId.slice(0, 8)}`}`,
          o.description,
        ]),
      ),
    );
  }
  out.push(
    '',
    chain.status === 'ok'
      ? `Chain: ok (${chain.events} events, last hash ${chain.lastHash ?? ''})`
      : `Chain: BROKEN at revision ${chain.brokenAt?.revision} (event ${chain.brokenAt?.eventId}): ${chain.brokenAt?.reason}`,
  );
  return `${out.join('\n')}\n`;
};
