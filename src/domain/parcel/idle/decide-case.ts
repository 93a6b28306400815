/**
 * Idle-land case, first half (§3.4, §5.1–§5.4): suspicion (T19/T20), investigation notice
 * (T21/T22), the holder's materials, government cause (E1 Art 8, 12), confirmation (E1 Art 9).
 */
import { idleClockStartOn } from '../rules/idle-clock.js';
import type { DateResult, IsoDate } from '../../calendar/index.js';
import { parseHectares } from '../../area.js';
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import type { Policy } from '../../policy/index.js';
import type { CommandOf } from '../commands.js';
import { versionsOf } from '../stamp.js';
import type { ParcelEvent, TypeBEvidence } from '../events.js';
import {
  LIVE,
  NOT_STARTED,
  notBefore,
  oneOf,
  pastDate,
  requireFen,
  requireStatus,
  requireText,
  shareBelow,
  type DecideContext,
} from '../guards.js';
import { requireCase } from './require-case.js';
import type { GrantedState, ParcelState } from '../state.js';

const typeBEvidence = (
  command: CommandOf<'OpenIdleCase'>,
  state: GrantedState,
  policy: Policy,
  today: IsoDate,
): TypeBEvidence => {
  const raw = command.data.typeB;
  if (raw === undefined)
    return fail('FIELD_REQUIRED', 'Type B needs the development facts', { field: 'typeB', rule: 'T20' });
  const { terms } = state.facts;
  const areaToDevelopHa = raw.areaToDevelopHa ?? terms.areaHa;
  const developed = parseHectares(raw.developedAreaHa, 'typeB.developedAreaHa');
  const toDevelop = parseHectares(areaToDevelopHa, 'typeB.areaToDevelopHa');
  if (toDevelop <= 0) fail('AREA_INVALID', 'The area to develop must be positive', { field: 'typeB.areaToDevelopHa' });
  const investedFen = requireFen(raw.investedFen, 'typeB.investedFen');
  const totalInvestmentFen = terms.totalInvestmentFen;
  return {
    developedAreaHa: raw.developedAreaHa,
    areaToDevelopHa,
    investedFen,
    totalInvestmentFen,
    haltedSince: pastDate(raw.haltedSince, 'typeB.haltedSince', today),
    developedAreaBelowThreshold: shareBelow(developed, toDevelop, policy.idleTypeBDevelopedAreaBelow),
    // Without an agreed investment the investment test cannot be applied (E1 Art 30 base).
    investmentBelowThreshold:
      totalInvestmentFen > 0 && shareBelow(investedFen, totalInvestmentFen, policy.idleTypeBInvestmentBelow),
  };
};

const notReached = (rule: string, thresholdDate: IsoDate): never =>
  fail('IDLE_THRESHOLD_NOT_REACHED', `The idle threshold is reached only on ${thresholdDate}`, {
    field: 'suspectedOn',
    rule,
    thresholdDate,
  });

export const decideOpenIdleCase = (
  command: CommandOf<'OpenIdleCase'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const granted = requireStatus(state, command.type, LIVE);
  const { facts } = granted;
  const { data } = command;
  // Opening the case that is open (same id and type, e.g. the one the T19 timer opened as
  // IC-A-<threshold>) records nothing: an officer and the system may both find it.
  if (facts.idleCase !== null && facts.idleCase.caseId === data.caseId && facts.idleCase.type === data.type) return [];
  if (facts.idleCase !== null)
    fail('IDLE_CASE_ALREADY_OPEN', `Idle case ${facts.idleCase.caseId} is open`, { rule: '§3.4' });
  const caseId = requireText(data.caseId, 'caseId');
  if (facts.closedIdleCases.some((c) => c.caseId === caseId))
    fail('DUPLICATE_CASE', `Idle case ${caseId} already existed`, { field: 'caseId' });
  const type = oneOf(data.type, ['A', 'B'] as const, 'type', 'IDLE_TYPE_INVALID', 'E1 Art 2');
  const suspectedOn = notBefore(
    pastDate(data.suspectedOn, 'suspectedOn', ctx.today),
    facts.grantedOn,
    'suspectedOn',
    'the grant',
  );
  const policy = ctx.policyFor(facts.jurisdiction);
  const notStarted = (NOT_STARTED as readonly string[]).includes(granted.status);
  let threshold: DateResult;
  let evidence: TypeBEvidence | null = null;
  if (type === 'A') {
    if (!notStarted)
      fail('ALREADY_STARTED', 'Type A idle land is land not yet started', { field: 'type', rule: 'T19' });
    // T19: measured from the effective agreed start (after extensions and re-agreed dates).
    // §5.2(1): from the effective agreed start shifted by the grantor's late delivery (rules/idle-clock.ts).
    threshold = dateBy(PARCEL_DATES.idleTypeAThreshold, idleClockStartOn(facts, ctx.today), policy);
    if (suspectedOn < threshold.date) notReached('T19', threshold.date);
  } else {
    if (notStarted) fail('NOT_STARTED', 'Type B idle land is land already started', { field: 'type', rule: 'T20' });
    evidence = typeBEvidence(command, granted, policy, ctx.today);
    if (!evidence.developedAreaBelowThreshold && !evidence.investmentBelowThreshold) {
      fail('IDLE_TYPE_B_CRITERIA_NOT_MET', 'Neither the developed area nor the investment is below its threshold', {
        field: 'typeB',
        rule: 'T20',
      });
    }
    threshold = dateBy(PARCEL_DATES.idleTypeBThreshold, evidence.haltedSince, policy);
    if (suspectedOn < threshold.date) notReached('T20', threshold.date);
  }
  const investigationDue = dateBy(PARCEL_DATES.investigationDue, suspectedOn, policy);
  return [
    {
      type: 'IdleSuspected',
      data: {
        ...versionsOf(policy, threshold, investigationDue),
        caseId,
        type,
        suspectedOn,
        thresholdDate: threshold.date,
        evidence,
        investigationDueDate: investigationDue.date,
      },
    },
  ];
};

export const decideServeIdleInvestigationNotice = (
  command: CommandOf<'ServeIdleInvestigationNotice'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, LIVE);
  const idle = requireCase(facts, command.type, ['SUSPECTED']);
  const policy = ctx.policyFor(facts.jurisdiction);
  const servedOn = notBefore(
    pastDate(command.data.servedOn, 'servedOn', ctx.today),
    idle.suspectedOn,
    'servedOn',
    'the suspicion',
  );
  const materialsDue = dateBy(PARCEL_DATES.materialsDue, servedOn, policy);
  return [
    {
      type: 'IdleInvestigationNoticeServed',
      data: {
        ...versionsOf(policy, materialsDue),
        caseId: idle.caseId,
        noticeNo: requireText(command.data.noticeNo, 'noticeNo'),
        servedOn,
        materialsDueDate: materialsDue.date,
      },
    },
  ];
};

export const decideSubmitIdleMaterials = (
  command: CommandOf<'SubmitIdleMaterials'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, LIVE);
  const idle = requireCase(facts, command.type, ['UNDER_INVESTIGATION']);
  if (idle.materialsSubmittedOn !== null)
    fail('MATERIALS_ALREADY_SUBMITTED', 'The materials are already submitted', { rule: 'T22' });
  const submittedOn = notBefore(
    pastDate(command.data.submittedOn, 'submittedOn', ctx.today),
    idle.noticeServedOn ?? idle.suspectedOn,
    'submittedOn',
    'the notice',
  );
  return [
    {
      type: 'IdleMaterialsSubmitted',
      data: {
        caseId: idle.caseId,
        submittedOn,
        // Late materials are kept; the department may still weigh them (E1 Art 5).
        late: idle.materialsDueDate !== null && submittedOn > idle.materialsDueDate,
        summary: requireText(command.data.summary, 'summary'),
      },
    },
  ];
};

export const decideConfirmIdleLand = (
  command: CommandOf<'ConfirmIdleLand'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, LIVE);
  const idle = requireCase(facts, command.type, ['UNDER_INVESTIGATION']);
  const confirmedOn = notBefore(
    pastDate(command.data.confirmedOn, 'confirmedOn', ctx.today),
    idle.noticeServedOn ?? idle.suspectedOn,
    'confirmedOn',
    'the notice',
  );
  // T22: without the holder's materials, decide only once their period has run out.
  if (idle.materialsSubmittedOn === null && idle.materialsDueDate !== null && confirmedOn <= idle.materialsDueDate) {
    fail('MATERIALS_PERIOD_OPEN', `The holder may submit materials until ${idle.materialsDueDate}`, {
      field: 'confirmedOn',
      rule: 'T22',
      materialsDueDate: idle.materialsDueDate,
    });
  }
  return [
    {
      type: 'IdleLandConfirmed',
      data: {
        caseId: idle.caseId,
        confirmedOn,
        confirmationNo: requireText(command.data.confirmationNo, 'confirmationNo'),
        idleSince: idle.type === 'A' ? facts.schedule.agreedStart : (idle.haltedSince ?? idle.suspectedOn),
      },
    },
  ];
};
