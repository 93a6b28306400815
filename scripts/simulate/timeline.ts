/**
 * One line per fact of a simulated run: date, parcel, rule, event. Timer bookkeeping shows when it
 * says something (rescheduled, cancelled, found obsolete); plain scheduling only with `verbose`.
 */
import { shanghaiDate } from '../../src/domain/calendar/index.js';
import type { RecordedEvent } from '../../src/eventstore/types.js';

export interface TimelineLine {
  readonly date: string;
  readonly owner: string;
  readonly rule: string;
  readonly event: string;
  readonly detail: string;
}

/** The rule a command's own event answers to (DOMAIN.md §4, §7). */
const RULE_OF: Readonly<Record<string, string>> = {
  DealConfirmed: 'T01',
  SupplyAborted: 'T01',
  IdleSuspected: 'T19',
  IdleLandConfirmed: 'T19',
  TransferContractSigned: 'T06',
  PaymentReceived: 'T07',
  LatePaymentDamagesAssessed: 'T07',
  PaymentDemandServed: 'T08',
  LandDeliveryConfirmed: 'T09',
  SitePublicityPosted: 'T10',
  ExtensionRequested: 'T17',
  ExtensionApproved: 'T18',
  IdleInvestigationNoticeServed: 'T21',
  IdleMaterialsSubmitted: 'T22',
  IdleFeeDecisionIssued: 'T23',
  IdleFeePaid: 'T23',
  IdleLandPublished: 'T26',
  IdleLandPublicationWithdrawn: 'T26',
};

const text = (data: Record<string, unknown>, key: string): string | null =>
  typeof data[key] === 'string' || typeof data[key] === 'number' ? String(data[key]) : null;

const detailOf = (event: RecordedEvent): string => {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'TimerRescheduled':
      return `${text(d, 'previousTimerId')?.split('/').at(-1)} → ${text(d, 'fireOn')}`;
    case 'TimerCancelled':
      return `${text(d, 'fireOn')} (${text(d, 'reason')})`;
    case 'TimerFired':
      return `obsolete: ${text(d, 'code')}`;
    case 'TimerScheduled':
      return `fires ${text(d, 'fireOn')}`;
    case 'CreditEntryAdded': {
      const ref = (d['evidenceRef'] ?? {}) as Record<string, unknown>;
      return `${text(d, 'trigger')} on ${text(ref, 'parcelId')} (evidence ${text(ref, 'eventId') ?? text(ref, 'caseId')})`;
    }
    case 'IdleSuspected':
      return `case ${text(d, 'caseId')}, threshold ${text(d, 'thresholdDate')}`;
    case 'CalendarReconciled': {
      const list = (key: string) => (Array.isArray(d[key]) ? (d[key] as Record<string, unknown>[]) : []);
      const moves = list('changed').map((s) => `${text(s, 'ruleId')} ${text(s, 'oldDate')} → ${text(s, 'newDate')}`);
      const holds = list('held').map(
        (s) => `${text(s, 'ruleId')} kept ${text(s, 'oldDate')} (not ${text(s, 'newDate')}), review`,
      );
      const what = [...moves, ...holds].join('; ');
      return `${text(d, 'toVersion')}: ${what === '' ? 'no deadline moves' : what}`;
    }
    case 'CalendarYearPublished':
    case 'CalendarAmended':
      return `${text(d, 'year')} v${text(d, 'yearVersion')} (${text(d, 'documentNo')})`;
    default:
      if (typeof d['timerId'] === 'string') {
        const subject = text(d, 'subject');
        return `${subject === null ? '' : `${subject}: `}due ${text(d, 'dueDate')}`;
      }
      return ['instalmentNo', 'kind', 'caseId', 'daysLate']
        .flatMap((k) => {
          const value = text(d, k);
          return value === null ? [] : [`${k} ${value}`];
        })
        .join(', ');
  }
};

export const lineOf = (event: RecordedEvent, verbose: boolean): TimelineLine | null => {
  if (event.type === 'TimerScheduled' && !verbose) return null;
  const dash = event.stream.indexOf('-');
  const category = event.stream.slice(0, dash);
  const owner = event.stream.slice(dash + 1);
  const d = event.data as Record<string, unknown>;
  const rule =
    text(d, 'rule') ?? (event.type === 'CreditEntryAdded' ? text(d, 'trigger') : null) ?? RULE_OF[event.type] ?? '';
  return {
    date: shanghaiDate(event.metadata.occurredAt),
    owner: category === 'credit' ? `credit ${owner}` : owner,
    rule,
    event: event.type,
    detail: detailOf(event),
  };
};

export const formatLine = (line: TimelineLine): string =>
  `${line.date}  ${line.owner.padEnd(20)} ${line.rule.padEnd(4)} ${line.event.padEnd(30)} ${line.detail}`.trimEnd();
