/**
 * The collective decision of DECISION_COMMANDS' examples through HTTP, with a reserve price of
 * its own, for the trail and secrecy tests: meeting, opinion, proposal, plan, starting price and
 * the sealed reserve price; then (separately) the deal and the disclosure.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/api/auth/roles.js';
import { DECISION_COMMANDS } from '../../src/domain/decision/index.js';
import type { TestApp } from '../helpers/app.js';

export const DECISION = DECISION_COMMANDS.HoldMeeting.example.decisionId;
export const PARCEL = DECISION_COMMANDS.ApproveSupplyPlan.example.parcelIds[0] as string;
export const decisionUrl = (command: string): string => `/decisions/${DECISION}/${command}`;

const send = async (h: TestApp, command: string, role: Role, body: unknown): Promise<LightMyRequestResponse> => {
  const res = await h.command(decisionUrl(command), body, { role, sub: `${role.toLowerCase()}-1` });
  if (res.statusCode >= 300) throw new Error(`${command}: ${res.statusCode} ${res.body}`);
  return res;
};

/** Up to the sealed reserve price (before the deal); the position of the last command. */
export const decideUpToReservePrice = async (h: TestApp, reservePriceFen: number): Promise<string> => {
  h.setNow('2026-06-30T10:00:00+08:00');
  await send(h, 'hold-meeting', 'GOV_APPROVER', DECISION_COMMANDS.HoldMeeting.example);
  await send(h, 'record-opinion', 'GOV_APPROVER', DECISION_COMMANDS.RecordOpinion.example);
  await send(h, 'submit-reserve-price-proposal', 'GRANTOR_ADMIN', {
    ...DECISION_COMMANDS.SubmitReservePriceProposal.example,
    documentNo: '苏估备〔2026〕0158号',
  });
  await send(h, 'approve-supply-plan', 'GOV_APPROVER', DECISION_COMMANDS.ApproveSupplyPlan.example);
  await send(h, 'decide-starting-price', 'GRANTOR_ADMIN', DECISION_COMMANDS.DecideStartingPrice.example);
  const { sealed: _s, commitment: _c, ...decide } = DECISION_COMMANDS.DecideReservePrice.example;
  const res = await send(h, 'decide-reserve-price', 'RESERVE_PRICE_GROUP', { ...decide, reservePriceFen });
  return res.json<{ position: string }>().position;
};

/** The deal, then the 成交后底价公示; the position of the disclosure. */
export const concludeAndDisclose = async (h: TestApp): Promise<string> => {
  await send(h, 'conclude-deal', 'GRANTOR_ADMIN', DECISION_COMMANDS.ConcludeDeal.example);
  const res = await send(h, 'disclose-reserve-price', 'RESERVE_PRICE_GROUP', {
    parcelId: PARCEL,
    disclosedAt: DECISION_COMMANDS.DiscloseReservePrice.example.disclosedAt,
  });
  return res.json<{ position: string }>().position;
};
