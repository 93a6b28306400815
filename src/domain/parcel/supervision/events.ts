/**
 * Effects of a fired timer on the parcel (DOMAIN.md §4, §15). Each carries the full timer stamp
 * (`timerId, rule, dueAt, anchorEventId, anchorDate, unit, policyVersion, calendarVersion` …): the
 * event is the record that the timer fired, and its store id derives from the timer id, so a
 * timer fired twice appends once. `firedOn` is the day the system noticed (the fire date or later).
 */
import type { IsoDate } from '../../calendar/index.js';
import type { TimerStamp } from '../../timers/index.js';

export type SupervisionAlertData = TimerStamp & { readonly firedOn: IsoDate };

/** Effect event type of each timer rule. T19 opens the idle case instead (IdleSuspected). */
export const ALERT_EVENT_OF = {
  T01: 'SigningDeadlinePassed',
  T02: 'SlaBreached',
  T03: 'SlaBreached',
  T04: 'PaymentReminderIssued',
  T05: 'SlaBreached',
  T07: 'PaymentOverdue',
  T08: 'TerminationEligible',
  T09: 'DeadlinePassed',
  T10: 'DeadlinePassed',
  T12: 'StartReminderIssued',
  T13: 'CompletionReminderIssued',
  T14: 'SlaBreached',
  T15: 'SlaBreached',
  T16: 'InspectionDue',
  T17: 'ExtensionWindowClosing',
  T21: 'SlaBreached',
  T22: 'IdleMaterialsDeadlinePassed',
  T23: 'DeadlinePassed',
  T24: 'DeadlinePassed',
  T25: 'DeadlinePassed',
  T26: 'SlaBreached',
  T27: 'SlaBreached',
  T28: 'SlaBreached',
  T39: 'RenewalWindowOpened',
  C2: 'DeclarationMissing',
} as const;

export type AlertRule = keyof typeof ALERT_EVENT_OF;
export type AlertEventType = (typeof ALERT_EVENT_OF)[AlertRule];

export const ALERT_EVENT_TYPES = [
  'SigningDeadlinePassed',
  'SlaBreached',
  'PaymentReminderIssued',
  'PaymentOverdue',
  'TerminationEligible',
  'DeadlinePassed',
  'StartReminderIssued',
  'CompletionReminderIssued',
  'InspectionDue',
  'ExtensionWindowClosing',
  'IdleMaterialsDeadlinePassed',
  'DeclarationMissing',
  'RenewalWindowOpened',
] as const satisfies readonly AlertEventType[];

/** A fired timer as the parcel remembers it (facts.alerts). */
export type SupervisionAlert = {
  readonly timerId: string;
  readonly rule: string;
  readonly subject: string | null;
  readonly dueDate: IsoDate;
  readonly firedOn: IsoDate;
  readonly eventType: string;
  readonly eventId: string | null;
};
