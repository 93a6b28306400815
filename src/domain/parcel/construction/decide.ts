/**
 * Start/completion declarations and their verification with late start/completion damages,
 * site inspections (§3.1, §3.2, §6; S0 §二(五)(六); S4 §十二; T16).
 */
import type { Fen } from '../../money.js';
import type { CommandOf } from '../commands.js';
import { contractDamages } from '../contract-damages.js';
import { fail } from '../errors.js';
import type { ParcelEvent } from '../events.js';
import { days, LIVE, notBefore, oneOf, pastDate, requireStatus, requireText, type DecideContext } from '../guards.js';
import { INSPECTION_KINDS } from '../state.js';
import type { ParcelState } from '../state.js';

export const decideDeclareStart = (
  command: CommandOf<'DeclareStart'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ['DELIVERED', 'CERTIFIED']);
  if (facts.start.declaredOn !== null)
    fail('START_ALREADY_DECLARED', 'A start declaration is awaiting verification', { rule: 'S0 §二(五)' });
  const { data } = command;
  const declaredOn = pastDate(data.declaredOn, 'declaredOn', ctx.today);
  const startedOn = notBefore(
    pastDate(data.startedOn, 'startedOn', ctx.today),
    facts.deliveredOn ?? facts.grantedOn,
    'startedOn',
    'the delivery',
  );
  if (startedOn > declaredOn)
    fail('DECLARED_BEFORE_FACT', 'A start is declared after it happened', { field: 'startedOn' });
  return [
    {
      type: 'ConstructionStartDeclared',
      data: {
        declarationNo: requireText(data.declarationNo, 'declarationNo'),
        declaredOn,
        claimedDate: startedOn,
        // S4 §十二: the start counts only once the construction permit is held.
        evidenceRef: requireText(
          data.constructionPermitNo,
          'constructionPermitNo',
          'CONSTRUCTION_PERMIT_REQUIRED',
          'S4 §十二',
        ),
      },
    },
  ];
};

export const decideVerifyStart = (
  command: CommandOf<'VerifyStart'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ['DELIVERED', 'CERTIFIED']);
  const { declaredOn, declaredDate } = facts.start;
  if (declaredOn === null || declaredDate === null)
    return fail('START_NOT_DECLARED', 'There is no start declaration to verify', { rule: 'S0 §二(五)' });
  const damages = { baseFen: facts.terms.priceFen, ratePerDay: facts.terms.rates.lateStartRatePerDay };
  return verify(
    command,
    declaredOn,
    declaredDate,
    facts.schedule.agreedStart,
    damages,
    ctx,
    'ConstructionStartVerified',
    'ConstructionStartDeclarationRejected',
  );
};

export const decideDeclareCompletion = (
  command: CommandOf<'DeclareCompletion'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ['STARTED']);
  if (facts.completion.declaredOn !== null)
    fail('COMPLETION_ALREADY_DECLARED', 'A completion declaration is awaiting verification', { rule: 'S0 §二(五)' });
  const { data } = command;
  const declaredOn = pastDate(data.declaredOn, 'declaredOn', ctx.today);
  const completedOn = notBefore(
    pastDate(data.completedOn, 'completedOn', ctx.today),
    facts.start.actualDate ?? facts.grantedOn,
    'completedOn',
    'the start',
  );
  if (completedOn > declaredOn)
    fail('DECLARED_BEFORE_FACT', 'A completion is declared after it happened', { field: 'completedOn' });
  return [
    {
      type: 'CompletionDeclared',
      data: {
        declarationNo: requireText(data.declarationNo, 'declarationNo'),
        declaredOn,
        claimedDate: completedOn,
        // S4 §十二: completion = the (last phase's) completion acceptance.
        evidenceRef: requireText(data.acceptanceRef, 'acceptanceRef', 'COMPLETION_ACCEPTANCE_REQUIRED', 'S4 §十二'),
      },
    },
  ];
};

export const decideVerifyCompletion = (
  command: CommandOf<'VerifyCompletion'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ['STARTED']);
  const { declaredOn, declaredDate } = facts.completion;
  if (declaredOn === null || declaredDate === null)
    return fail('COMPLETION_NOT_DECLARED', 'There is no completion declaration to verify', { rule: 'S0 §二(五)' });
  const damages = { baseFen: facts.terms.priceFen, ratePerDay: facts.terms.rates.lateCompletionRatePerDay };
  return verify(
    command,
    declaredOn,
    declaredDate,
    facts.schedule.agreedCompletion,
    damages,
    ctx,
    'CompletionVerified',
    'CompletionDeclarationRejected',
  );
};

const verify = (
  command: CommandOf<'VerifyStart'> | CommandOf<'VerifyCompletion'>,
  declaredOn: string,
  actualDate: string,
  agreedDate: string,
  damages: { readonly baseFen: Fen | null; readonly ratePerDay: string | null },
  ctx: DecideContext,
  verified: 'ConstructionStartVerified' | 'CompletionVerified',
  rejected: 'ConstructionStartDeclarationRejected' | 'CompletionDeclarationRejected',
): ParcelEvent[] => {
  const { data } = command;
  const verifiedOn = notBefore(
    pastDate(data.verifiedOn, 'verifiedOn', ctx.today),
    declaredOn,
    'verifiedOn',
    'the declaration',
  );
  const outcome = oneOf(data.outcome, ['VERIFIED', 'REJECTED'] as const, 'outcome', 'FIELD_INVALID');
  if (outcome === 'REJECTED') {
    return [{ type: rejected, data: { rejectedOn: verifiedOn, reason: requireText(data.reason, 'reason') } }];
  }
  // §6: days from the day after the effective agreed date through the verified actual date; the
  // late-start and late-completion clauses charge the daily rate on the total price.
  const daysLate = Math.max(0, days(agreedDate, actualDate));
  return [
    {
      type: verified,
      data: {
        verifiedOn,
        actualDate,
        agreedDate,
        daysLate,
        ...contractDamages(damages.baseFen, damages.ratePerDay, daysLate),
      },
    },
  ];
};

/** T16: inspections at key dates and periodically; a completed parcel still gets its acceptance inspection. */
export const decideRecordSiteInspection = (
  command: CommandOf<'RecordSiteInspection'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, [...LIVE, 'COMPLETED']);
  const { data } = command;
  const inspectionId = requireText(data.inspectionId, 'inspectionId');
  if (facts.inspections.some((i) => i.inspectionId === inspectionId)) {
    fail('DUPLICATE_INSPECTION', `Inspection ${inspectionId} is already recorded`, { field: 'inspectionId' });
  }
  return [
    {
      type: 'SiteInspectionRecorded',
      data: {
        inspectionId,
        inspectedOn: notBefore(
          pastDate(data.inspectedOn, 'inspectedOn', ctx.today),
          facts.grantedOn,
          'inspectedOn',
          'the grant',
        ),
        kind: oneOf(data.kind, INSPECTION_KINDS, 'kind', 'INSPECTION_KIND_INVALID', 'T16'),
        inspectorId: requireText(data.inspectorId, 'inspectorId'),
        findings: data.findings ?? '',
        photoRefs: [...(data.photoRefs ?? [])],
      },
    },
  ];
};
