/**
 * A Nanjing residential parcel played through the HTTP API: the collective decision that covers
 * it, the deal, the contract. Dates are laid in the second half of 2026 and the server clock is
 * moved to each document's date, as a clerk entering it that day would be.
 */
import { DECISION_COMMANDS } from '../../src/domain/decision/index.js';
import { transferData, allocationData } from '../domain/parcel/fixtures/parcel.js';
import type { TestApp } from '../helpers/app.js';

export const DECISION = DECISION_COMMANDS.HoldMeeting.example.decisionId;
/** The parcel the decision's supply plan covers. */
export const PARCEL = DECISION_COMMANDS.ApproveSupplyPlan.example.parcelIds[0] as string;
export const OWNER = 'LU-NJ-001';
export const at = (date: string): string => `${date}T10:00:00+08:00`;

export const contract = (overrides: Record<string, unknown> = {}) => {
  const { parcelId: _p, ...data } = transferData({
    jurisdiction: 'CN-JS-3201',
    decisionId: DECISION,
    landUserId: OWNER,
    signedOn: '2026-07-08',
    instalments: [
      { no: 1, dueDate: '2026-07-31', amountFen: 115_500_000 },
      { no: 2, dueDate: '2027-06-30', amountFen: 115_500_000 },
    ],
    deliveryDate: '2026-08-01',
    agreedStart: '2027-01-15',
    agreedCompletion: '2029-06-30',
  });
  return { ...data, ...overrides };
};

export const allocation = (overrides: Record<string, unknown> = {}) => {
  const { parcelId: _p, ...data } = allocationData({
    jurisdiction: 'CN-JS-3201',
    decisionId: DECISION,
    landUserId: 'LU-SCHOOL',
  });
  return { ...data, ...overrides };
};

/** The decision with its approved plan (so grants of PARCEL may cite it). */
export const approveDecision = async (h: TestApp, decisionId = DECISION, parcelIds = [PARCEL]): Promise<void> => {
  h.setNow('2026-06-30T10:00:00+08:00');
  const post = async (command: string, role: 'GOV_APPROVER' | 'GRANTOR_ADMIN', body: unknown) => {
    const res = await h.command(`/decisions/${decisionId}/${command}`, body, { role });
    if (res.statusCode >= 300) throw new Error(`${command}: ${res.body}`);
  };
  const meeting = DECISION_COMMANDS.HoldMeeting.example;
  await post('hold-meeting', 'GOV_APPROVER', { ...meeting, decisionId, agenda: { ...meeting.agenda, parcelIds } });
  await post('approve-supply-plan', 'GOV_APPROVER', { ...DECISION_COMMANDS.ApproveSupplyPlan.example, parcelIds });
};

/** Decision, deal and contract: PARCEL granted to OWNER (revision 1). */
export const grantParcel = async (h: TestApp, parcelId = PARCEL): Promise<void> => {
  h.setNow(at('2026-07-01'));
  const deal = await h.command(`/parcels/${parcelId}/confirm-deal`, {
    jurisdiction: 'CN-JS-3201',
    winnerId: OWNER,
    confirmedOn: '2026-07-01',
  });
  if (deal.statusCode !== 201) throw new Error(`confirm-deal: ${deal.body}`);
  h.setNow(at('2026-07-08'));
  const signed = await h.command(`/parcels/${parcelId}/sign-transfer-contract`, contract());
  if (signed.statusCode !== 200) throw new Error(`sign-transfer-contract: ${signed.body}`);
};
