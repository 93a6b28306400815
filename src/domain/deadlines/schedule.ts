/**
 * Schedule family: T12/T13 start and completion reminders, T14 declaration upload, T15
 * inspection hand-over, T16 mandatory inspection points, T17 latest extension request, T18
 * maximum extension. Agreed dates are the effective ones, so an approved extension or a
 * re-agreed schedule moves every timer here (S0 §二(四)).
 */
import { PARCEL_DATES } from '../parcel/rules/dates.js';
import type { IsoDate } from '../calendar/index.js';
import type { ExtensionKind, InspectionKind, ParcelFacts } from '../parcel/index.js';
import {
  agreedCompletionAnchor,
  agreedStartAnchor,
  anchorAt,
  isOneOf,
  LIVE,
  NOT_STARTED,
  obligation,
  ON_THE_DAY,
  SUPERVISED,
} from './build.js';
import type { RuleInput } from './build.js';
import type { Anchor, Obligation } from './types.js';

/** T12, T13 (S0 §二(四)): conditional reminders, gone once started / completed. */
const reminders = ({ status, facts, policy }: RuleInput): Obligation[] => {
  const list: Obligation[] = [];
  if (isOneOf(status, NOT_STARTED)) {
    list.push(
      obligation(
        {
          ruleId: 'T12',
          kind: 'reminder',
          anchor: agreedStartAnchor(facts),
          period: policy.startReminderBefore,
          direction: 'before',
          description: 'Issue the start reminder (开工提醒书)',
        },
        policy,
      ),
    );
  }
  if (isOneOf(status, LIVE)) {
    list.push(
      obligation(
        {
          ruleId: 'T13',
          kind: 'reminder',
          anchor: agreedCompletionAnchor(facts),
          period: policy.completionReminderBefore,
          direction: 'before',
          description: 'Issue the completion reminder (竣工提醒书)',
        },
        policy,
      ),
    );
  }
  return list;
};

/** T14 (S0 §二(五), Q10: anchored on verification), until the declaration is uploaded. */
const declarationUploads = ({ facts, policy }: RuleInput): Obligation[] =>
  (['start', 'completion'] as const).flatMap((which) => {
    const milestone = facts[which];
    if (milestone.verifiedOn === null || milestone.uploadedOn !== null) return [];
    return [
      obligation(
        {
          ruleId: 'T14',
          kind: 'sla',
          anchor: anchorAt(milestone.verifiedOn, milestone.verificationEventId),
          date: PARCEL_DATES.declarationUploadDue,
          subject: which,
          description: `Upload the verified ${which} declaration into the monitoring system`,
        },
        policy,
      ),
    ];
  });

/** T15 (S0 §二(六)): each inspection record until it is handed over. */
const inspectionHandovers = ({ facts, policy }: RuleInput): Obligation[] =>
  facts.inspections
    .filter((inspection) => inspection.handedOverOn === null)
    .map((inspection) =>
      obligation(
        {
          ruleId: 'T15',
          kind: 'sla',
          anchor: anchorAt(inspection.inspectedOn, inspection.eventId),
          date: PARCEL_DATES.inspectionHandoverDue,
          subject: inspection.inspectionId,
          description: `Hand inspection record ${inspection.inspectionId} over to the land-use section`,
        },
        policy,
      ),
    );

/** Changed-on date of the last schedule change that moved the start (or completion). */
const lastMoved = (facts: ParcelFacts, which: ExtensionKind): IsoDate | null => {
  const moved = facts.schedule.changes.filter((c) =>
    which === 'START' ? c.agreedStart !== c.previousStart : c.agreedCompletion !== c.previousCompletion,
  );
  return moved.at(-1)?.changedOn ?? null;
};

/**
 * T16 (S0 §二(六)): one inspection of the given kind fulfils the point; for agreed dates it
 * must postdate the last change of that date, since the office then inspects at the new date.
 */
const inspectionPoint = (
  facts: ParcelFacts,
  kind: InspectionKind,
  anchor: Anchor,
  since: IsoDate | null,
  input: RuleInput,
  what: string,
): Obligation[] => {
  const done = facts.inspections.some((i) => i.kind === kind && (since === null || i.inspectedOn > since));
  if (done) return [];
  return [
    obligation(
      {
        ruleId: 'T16',
        kind: 'inspection',
        anchor,
        period: ON_THE_DAY,
        direction: 'after',
        subject: kind,
        description: `Site inspection at ${what} (same-angle panoramic photos)`,
      },
      input.policy,
    ),
  ];
};

const inspectionPoints = (input: RuleInput): Obligation[] => {
  const { status, facts } = input;
  const list: Obligation[] = [];
  if (isOneOf(status, LIVE)) {
    list.push(
      ...inspectionPoint(
        facts,
        'AGREED_START',
        agreedStartAnchor(facts),
        lastMoved(facts, 'START'),
        input,
        'the agreed start',
      ),
    );
    list.push(
      ...inspectionPoint(
        facts,
        'AGREED_COMPLETION',
        agreedCompletionAnchor(facts),
        lastMoved(facts, 'COMPLETION'),
        input,
        'the agreed completion',
      ),
    );
  }
  const { start, completion } = facts;
  if ((status === 'STARTED' || status === 'COMPLETED') && start.actualDate !== null) {
    list.push(
      ...inspectionPoint(
        facts,
        'ACTUAL_START',
        anchorAt(start.actualDate, start.verificationEventId),
        null,
        input,
        'the actual start',
      ),
    );
  }
  if (status === 'COMPLETED' && completion.actualDate !== null) {
    list.push(
      ...inspectionPoint(
        facts,
        'COMPLETION_ACCEPTANCE',
        anchorAt(completion.actualDate, completion.verificationEventId),
        null,
        input,
        'completion acceptance',
      ),
    );
  }
  return list;
};

/**
 * T17 (S4 §十二 / E3, Q1) and T18 (E3) for the start while not started and for the completion
 * while not completed. Like the decider (parcel latestFilingDate), a completion request counts
 * back from the agreed completion under both policies. A pending request of a kind fulfils its T17.
 */
const extensionDates = ({ status, facts, policy }: RuleInput): Obligation[] => {
  const kinds: ExtensionKind[] = [];
  if (isOneOf(status, NOT_STARTED)) kinds.push('START');
  if (isOneOf(status, LIVE)) kinds.push('COMPLETION');
  return kinds.flatMap((kind) => {
    const subject = kind === 'START' ? 'start' : 'completion';
    const current = kind === 'START' ? agreedStartAnchor(facts) : agreedCompletionAnchor(facts);
    const original = kind === 'START' ? facts.schedule.originalStart : facts.schedule.originalCompletion;
    const list: Obligation[] = [];
    if (facts.pendingExtension?.kind !== kind) {
      list.push(
        obligation(
          {
            ruleId: 'T17',
            kind: 'deadline',
            anchor: current,
            date: PARCEL_DATES.latestExtensionRequest,
            subject,
            description: `Last day to request an extension of the agreed ${subject}`,
          },
          policy,
        ),
      );
    }
    list.push(
      obligation(
        {
          ruleId: 'T18',
          kind: 'limit',
          anchor: anchorAt(original, facts.grantEventId),
          date: PARCEL_DATES.extensionMax,
          subject,
          description: `Latest date an extension may set for the ${subject}`,
        },
        policy,
      ),
    );
    return list;
  });
};

export const scheduleObligations = (input: RuleInput): Obligation[] => {
  if (!isOneOf(input.status, SUPERVISED)) return [];
  return [
    ...reminders(input),
    ...declarationUploads(input),
    ...inspectionHandovers(input),
    ...inspectionPoints(input),
    ...extensionDates(input),
  ];
};
