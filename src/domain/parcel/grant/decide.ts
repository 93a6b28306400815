/**
 * Deal, abort and grant (§3.1–§3.3): ConfirmDeal, AbortSupply, SignTransferContract,
 * IssueAllocationDecision.
 */
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import type { Policy } from '../../policy/index.js';
import type { CommandOf } from '../commands.js';
import type { CommonGrantData } from './commands.js';
import type { EventOf, ParcelEvent } from '../events.js';
import { versionsOf } from '../stamp.js';
import { optionalRate, validateCommonTerms, validateTerm, type ValidatedCommon } from './terms.js';
import { invalidState, notBefore, pastDate, requireFen, requireText, type DecideContext } from '../guards.js';
import { validateInstalments } from './instalments.js';
import type { DealFacts, GrantTerms, ParcelState } from '../state.js';

export const decideConfirmDeal = (
  command: CommandOf<'ConfirmDeal'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  if (state.status !== 'NEW') return invalidState(state, command.type);
  const { data } = command;
  const policy = ctx.policyFor(requireText(data.jurisdiction, 'jurisdiction'));
  const confirmedOn = pastDate(data.confirmedOn, 'confirmedOn', ctx.today);
  const deadline = dateBy(PARCEL_DATES.signingDeadline, confirmedOn, policy);
  return [
    {
      type: 'DealConfirmed',
      data: {
        ...versionsOf(policy, deadline),
        parcelId: requireText(data.parcelId, 'parcelId'),
        jurisdiction: data.jurisdiction,
        winnerId: requireText(data.winnerId, 'winnerId'),
        confirmedOn,
        signingDeadline: deadline.date,
      },
    },
  ];
};

export const decideAbortSupply = (
  command: CommandOf<'AbortSupply'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  if (state.status !== 'DEAL_CONCLUDED') return invalidState(state, command.type);
  const { deal } = state;
  const abortedOn = notBefore(
    pastDate(command.data.abortedOn, 'abortedOn', ctx.today),
    deal.dealConfirmedOn,
    'abortedOn',
    'the deal',
  );
  // T01: the winner keeps the right to sign until the deadline has passed.
  if (abortedOn <= deal.signingDeadline) {
    fail('SIGNING_WINDOW_OPEN', `The contract can still be signed until ${deal.signingDeadline}`, {
      field: 'abortedOn',
      rule: 'T01',
      signingDeadline: deal.signingDeadline,
    });
  }
  return [
    {
      type: 'SupplyAborted',
      data: {
        abortedOn,
        signingDeadline: deal.signingDeadline,
        depositForfeited: true,
        reason: requireText(command.data.reason, 'reason'),
      },
    },
  ];
};

const checkPolicyVersion = (data: CommonGrantData, policy: Policy): void => {
  if (data.policyVersion !== undefined && data.policyVersion !== policy.version) {
    fail('POLICY_VERSION_MISMATCH', `Policy in force is ${policy.version}`, {
      field: 'policyVersion',
      expected: policy.version,
    });
  }
};

/** T01 and the deal's identity, when the grant follows a 招拍挂 deal. */
const checkAgainstDeal = (deal: DealFacts, data: CommonGrantData, signedOn: string): void => {
  if (data.parcelId !== deal.parcelId) fail('PARCEL_MISMATCH', 'parcelId differs from the deal', { field: 'parcelId' });
  if (data.jurisdiction !== deal.jurisdiction)
    fail('JURISDICTION_MISMATCH', 'jurisdiction differs from the deal', { field: 'jurisdiction' });
  if (data.landUserId !== deal.winnerId)
    fail('LAND_USER_MISMATCH', 'landUserId is not the winner of the deal', { field: 'landUserId' });
  notBefore(signedOn, deal.dealConfirmedOn, 'signedOn', 'the deal');
  if (signedOn > deal.signingDeadline) {
    fail('SIGNING_DEADLINE_PASSED', `The contract had to be signed by ${deal.signingDeadline}`, {
      field: 'signedOn',
      rule: 'T01',
      signingDeadline: deal.signingDeadline,
      dealConfirmedOn: deal.dealConfirmedOn,
    });
  }
};

const termsFrom = (
  common: ValidatedCommon,
  rest: Pick<GrantTerms, 'termYears' | 'priceFen' | 'depositFen' | 'allocationPriceFen' | 'contractTemplateVersion'> & {
    readonly latePaymentRatePerDay: string;
    readonly grantorLateDeliveryRatePerDay: string | null;
  },
): GrantTerms => ({
  areaHa: common.areaHa,
  landUse: common.landUse,
  termYears: rest.termYears,
  priceFen: rest.priceFen,
  depositFen: rest.depositFen,
  allocationPriceFen: rest.allocationPriceFen,
  deliveryDate: common.deliveryDate,
  farMin: common.farMin,
  farMax: common.farMax,
  greenRatio: common.greenRatio,
  buildingDensity: common.buildingDensity,
  totalInvestmentFen: common.totalInvestmentFen,
  rates: {
    latePaymentRatePerDay: rest.latePaymentRatePerDay,
    lateStartRatePerDay: common.lateStartRatePerDay,
    lateCompletionRatePerDay: common.lateCompletionRatePerDay,
    grantorLateDeliveryRatePerDay: rest.grantorLateDeliveryRatePerDay,
  },
  decisionId: common.decisionId,
  landUserId: common.landUserId,
  controllingShareholderIds: common.controllingShareholderIds,
  contractTemplateVersion: rest.contractTemplateVersion,
  documentNo: common.documentNo,
});

export const decideSignTransferContract = (
  command: CommandOf<'SignTransferContract'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  if (state.status !== 'NEW' && state.status !== 'DEAL_CONCLUDED') return invalidState(state, command.type);
  const { data } = command;
  const policy = ctx.policyFor(requireText(data.jurisdiction, 'jurisdiction'));
  checkPolicyVersion(data, policy);
  const signedOn = pastDate(data.signedOn, 'signedOn', ctx.today);
  if (state.status === 'DEAL_CONCLUDED') checkAgainstDeal(state.deal, data, signedOn);
  const common = validateCommonTerms(data, policy);
  const priceFen = requireFen(data.priceFen, 'priceFen', { positive: true });
  const depositFen = requireFen(data.depositFen, 'depositFen');
  if (depositFen > priceFen) fail('DEPOSIT_INVALID', 'The deposit exceeds the price', { field: 'depositFen' });
  const instalments = validateInstalments(data.instalments, priceFen, signedOn, policy);
  const terms = termsFrom(common, {
    termYears: validateTerm(data.termYears, common.landUse, policy.maxLandUseTermYears),
    priceFen,
    depositFen,
    allocationPriceFen: null,
    contractTemplateVersion: requireText(
      data.contractTemplateVersion,
      'contractTemplateVersion',
      'FIELD_REQUIRED',
      'Q16',
    ),
    latePaymentRatePerDay:
      optionalRate(data.latePaymentRatePerDay, 'latePaymentRatePerDay') ?? policy.latePaymentRatePerDay,
    grantorLateDeliveryRatePerDay: optionalRate(data.grantorLateDeliveryRatePerDay, 'grantorLateDeliveryRatePerDay'),
  });
  const event: EventOf<'TransferContractSigned'> = {
    type: 'TransferContractSigned',
    data: {
      ...versionsOf(policy, ...common.computedDates),
      parcelId: requireText(data.parcelId, 'parcelId'),
      jurisdiction: data.jurisdiction,
      supervisionNo: common.supervisionNo,
      grantedOn: signedOn,
      dealConfirmedOn: state.status === 'DEAL_CONCLUDED' ? state.deal.dealConfirmedOn : null,
      terms,
      agreedStart: common.agreedStart,
      agreedCompletion: common.agreedCompletion,
      startWindow: common.startWindow,
      instalments,
    },
  };
  return [event];
};

export const decideIssueAllocationDecision = (
  command: CommandOf<'IssueAllocationDecision'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  if (state.status !== 'NEW') return invalidState(state, command.type);
  const { data } = command;
  const policy = ctx.policyFor(requireText(data.jurisdiction, 'jurisdiction'));
  checkPolicyVersion(data, policy);
  const issuedOn = pastDate(data.issuedOn, 'issuedOn', ctx.today);
  const common = validateCommonTerms(data, policy);
  const terms = termsFrom(common, {
    // 划拨 land has no term unless the decision states one [U].
    termYears:
      data.termYears === undefined ? null : validateTerm(data.termYears, common.landUse, policy.maxLandUseTermYears),
    priceFen: null,
    depositFen: null,
    allocationPriceFen:
      data.allocationPriceFen === undefined ? null : requireFen(data.allocationPriceFen, 'allocationPriceFen'),
    contractTemplateVersion: null,
    latePaymentRatePerDay: policy.latePaymentRatePerDay,
    grantorLateDeliveryRatePerDay: null,
  });
  return [
    {
      type: 'AllocationDecisionIssued',
      data: {
        ...versionsOf(policy, ...common.computedDates),
        parcelId: requireText(data.parcelId, 'parcelId'),
        jurisdiction: data.jurisdiction,
        supervisionNo: common.supervisionNo,
        grantedOn: issuedOn,
        dealConfirmedOn: null,
        terms,
        agreedStart: common.agreedStart,
        agreedCompletion: common.agreedCompletion,
        startWindow: common.startWindow,
      },
    },
  ];
};
