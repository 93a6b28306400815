/**
 * Commands of the deal and the grant (§3.1–§3.3): one zod schema each, the one source of their
 * shape (conventions in ../README.md). A document's own date is in its data; `context.now` is
 * only when it was recorded.
 */
import { z } from 'zod';
import { commandSpec } from '../../schema/command-spec.js';
import { fen, hectares, id, isoDate, jurisdiction, positiveFen, ratePerDay, ratio, text } from '../../schema/fields.js';
import { LAND_USE_CODES, RESIDENTIAL_SUBCLASSES } from '../state.js';

/** V10: construction class 05–11; only residential (07) names one of its five sub-classes. */
const landUse = z
  .object({ code: z.enum(LAND_USE_CODES), residentialSubclass: z.literal(RESIDENTIAL_SUBCLASSES).nullish() })
  .refine((use) => (use.code === '07') === (use.residentialSubclass != null), {
    message: 'residential land (07) names a sub-class 1–5; other uses none',
    path: ['residentialSubclass'],
  });

const years = z.number().int().min(1).max(100);

export const confirmDealSchema = z.object({ parcelId: id, jurisdiction, winnerId: id, confirmedOn: isoDate });
export const abortSupplySchema = z.object({ abortedOn: isoDate, reason: text });

/** Terms both grant documents carry (§3.2). */
const commonGrant = z.object({
  parcelId: id,
  jurisdiction,
  /** When given, must equal the version of `policyFor(jurisdiction)` (guards against stale clients). */
  policyVersion: text.optional(),
  /** 电子监管号 (S4 §十). */
  supervisionNo: text,
  /** 合同编号 / 划拨决定书编号. */
  documentNo: text,
  areaHa: hectares,
  landUse,
  deliveryDate: isoDate,
  agreedStart: isoDate,
  agreedCompletion: isoDate,
  farMin: ratio,
  farMax: ratio,
  greenRatio: ratio,
  buildingDensity: ratio,
  totalInvestmentFen: fen,
  lateStartRatePerDay: ratePerDay.optional(),
  lateCompletionRatePerDay: ratePerDay.optional(),
  decisionId: id,
  landUserId: id,
  controllingShareholderIds: z.array(id).readonly(),
});

export const signTransferContractSchema = commonGrant.extend({
  signedOn: isoDate,
  termYears: years,
  priceFen: positiveFen,
  depositFen: fen,
  instalments: z
    .array(z.object({ no: z.number().int().min(1), dueDate: isoDate, amountFen: positiveFen }))
    .min(1)
    .readonly(),
  /** Defaults to the policy's rate (1 ‰ per day nationally, Q11). */
  latePaymentRatePerDay: ratePerDay.optional(),
  grantorLateDeliveryRatePerDay: ratePerDay.optional(),
  /** e.g. 'GF-2008-2601' (Q16). */
  contractTemplateVersion: text,
});

export const issueAllocationDecisionSchema = commonGrant.extend({
  issuedOn: isoDate,
  termYears: years.optional(),
  /** The idle-fee base for allocated land (E1 Art 14), where known. */
  allocationPriceFen: fen.optional(),
});

export const revokeGrantSchema = z.object({
  revokedOn: isoDate,
  /** Required where the policy makes revocation need the province's approval (S4 §十). */
  provincialApprovalRef: text.optional(),
  reason: text,
});

export type CommonGrantData = z.output<typeof commonGrant>;

const PARCEL = 'P-3201-2026-017';
const terms = {
  parcelId: PARCEL,
  jurisdiction: 'CN-JS-3201',
  supervisionNo: '3201002026B00017',
  areaHa: '12.3456',
  deliveryDate: '2026-05-06',
  agreedStart: '2026-11-02',
  agreedCompletion: '2028-11-01',
  totalInvestmentFen: 500_000_000,
  controllingShareholderIds: ['LU-91320100MA1XYZ0002'],
};

export const GRANT_COMMANDS = {
  ConfirmDeal: commandSpec({
    schema: confirmDealSchema,
    summary: 'Record the 成交确认书 and stamp the contract signing deadline (§3.1, T01)',
    creates: true,
    idField: 'parcelId',
    example: {
      parcelId: PARCEL,
      jurisdiction: 'CN-JS-3201',
      winnerId: 'LU-91320100MA1XYZ0001',
      confirmedOn: '2026-03-10',
    },
  }),
  AbortSupply: commandSpec({
    schema: abortSupplySchema,
    summary: 'Abort the supply after the signing deadline passed; the deposit is forfeited (T01, §3.3, E5)',
    creates: false,
    example: { abortedOn: '2026-03-25', reason: '竞得人未在规定期限内签订出让合同' },
  }),
  SignTransferContract: commandSpec({
    schema: signTransferContractSchema,
    summary: 'Grant by transfer contract with its terms and instalments (S4 §十, T01, T06, T11, V10, V13, V14, E18)',
    creates: true,
    idField: 'parcelId',
    example: {
      ...terms,
      documentNo: '3201-2026-017',
      signedOn: '2026-03-20',
      landUse: { code: '07', residentialSubclass: 3 },
      termYears: 70,
      priceFen: 231_000_000,
      depositFen: 46_200_000,
      instalments: [
        { no: 1, dueDate: '2026-04-17', amountFen: 115_500_000 },
        { no: 2, dueDate: '2027-03-19', amountFen: 115_500_000 },
      ],
      farMin: '1.5',
      farMax: '2.5',
      greenRatio: '0.30',
      buildingDensity: '0.25',
      decisionId: 'D-3201-2026-009',
      landUserId: 'LU-91320100MA1XYZ0001',
      contractTemplateVersion: 'GF-2008-2601',
    },
  }),
  IssueAllocationDecision: commandSpec({
    schema: issueAllocationDecisionSchema,
    summary: 'Grant by allocation decision: the same terms without a price (§3.2, S4 §十, E1 Art 14)',
    creates: true,
    idField: 'parcelId',
    example: {
      ...terms,
      documentNo: '宁国土划拨〔2026〕15号',
      issuedOn: '2026-03-20',
      landUse: { code: '08', residentialSubclass: null },
      allocationPriceFen: 12_345_679,
      farMin: '0.8',
      farMax: '1.2',
      greenRatio: '0.35',
      buildingDensity: '0.30',
      decisionId: 'D-3201-2026-010',
      landUserId: 'LU-12320100466001234X',
    },
  }),
  RevokeGrant: commandSpec({
    schema: revokeGrantSchema,
    summary: 'Revoke the grant, with the province’s written approval where required (S4 §十, §3.3)',
    creates: false,
    example: { revokedOn: '2026-06-15', provincialApprovalRef: '苏自然资函〔2026〕88号', reason: '规划调整，依法收回' },
  }),
};
