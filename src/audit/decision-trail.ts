/**
 * The audit trail of one collective decision (issue 9; DOMAIN.md §10.1 "records traceable",
 * §10.2 sealed reserve price), folded from the decision's own stream, not from a read model: each
 * item names the event (id and revision) it came from. The domain's `evolve` decides which events
 * count (an event it ignores, such as a second approval of the same plan, adds no item).
 *
 * The reserve price stays sealed (S4 §六, §九): before `ReservePriceDisclosed`, which the domain
 * accepts only after the deal, a parcel's record is the commitment, when and by whom it was decided,
 * and the appraisal it rests on; never the ciphertext, nor the group's free-text basis. After the
 * disclosure it also shows the value and recomputes sha256(`<valueFen>:<salt>`) against the
 * commitment sealed with the decision.
 */
import { DEPARTMENTS, type DecisionEvent, type DecisionState } from '../domain/decision/index.js';
import { evolve, initialState } from '../domain/decision/evolve.js';
import { NET_LAND_ITEMS } from '../domain/decision/plan/schemas.js';
import { reservePriceCommitment } from '../domain/decision/pricing/commitment.js';
import { RESERVE_PRICE_GROUP } from '../domain/decision/pricing/guards.js';
import { millisBefore } from '../domain/decision/pricing/reserve-window.js';
import type { ApprovedPlan } from '../domain/decision/plan/events.js';
import { LAND_USE_CLASSES, RESIDENTIAL_LAND_USE } from '../domain/filing/enumerations.js';
import { instantMillis } from '../domain/instant.js';
import { parseRatio, type Ratio } from '../domain/money.js';
import { policyFor as defaultPolicyFor } from '../domain/policy/index.js';
import type { Policy } from '../domain/policy/types.js';
import { toDomainEvent } from '../eventstore/fold-stream.js';
import type { RecordedEvent } from '../eventstore/types.js';
import type {
  ApprovedPlanTrail,
  DecisionTrail,
  DocumentRef,
  Guard,
  ParcelTrail,
  ParticipantTrail,
  ReservePriceTrail,
  TrailActor,
} from './trail-views.js';

/** Where an item came from. */
const from = (event: RecordedEvent) => ({ eventId: event.id, revision: event.revision });

const departmentName = (key: string): string =>
  Object.hasOwn(DEPARTMENTS, key) ? DEPARTMENTS[key as keyof typeof DEPARTMENTS] : key;

const millis = (text: string): number | null => {
  try {
    return instantMillis(text, 'trail');
  } catch {
    return null;
  }
};

/** a ≤ b for two instants; false when either cannot be read. */
const notAfter = (a: string, b: string): boolean => {
  const [x, y] = [millis(a), millis(b)];
  return x !== null && y !== null && x <= y;
};

const ratio = (text: string): Ratio | null => {
  try {
    return parseRatio(text);
  } catch {
    return null;
  }
};

/** −1, 0, 1; null when either is not a decimal. */
const compare = (a: string, b: string): number | null => {
  const [x, y] = [ratio(a), ratio(b)];
  if (x === null || y === null) return null;
  const left = x.num * y.den;
  const right = y.num * x.den;
  return left < right ? -1 : left > right ? 1 : 0;
};

const guard = (code: string, rule: string, passed: boolean, detail: string): Guard => ({ code, rule, passed, detail });

type Held = Exclude<DecisionState, { status: 'NONE' }>;

/** What `approveSupplyPlan` (src/domain/decision/plan/decide.ts) checked, re-checked on the recorded plan. */
const planGuards = (plan: ApprovedPlan, before: Held, enteredAt: string, policy: Policy | null): Guard[] => {
  const onAgenda =
    before.agenda.supplyPlanIds.includes(plan.supplyPlanId) ||
    plan.parcelIds.every((parcelId) => before.agenda.parcelIds.includes(parcelId));
  const unmet = (Object.keys(NET_LAND_ITEMS) as (keyof typeof NET_LAND_ITEMS)[]).filter(
    (item) => plan.netLand[item] !== true,
  );
  const landUse = LAND_USE_CLASSES.find((c) => c.code === plan.landUse.code);
  const guards: Guard[] = [
    guard(
      'MEETING_NOT_HELD',
      '§10.1',
      true,
      `reviewed at the meeting of ${before.heldAt} (minutes ${before.minutesNo})`,
    ),
    guard(
      'APPROVED_AT_IN_FUTURE',
      '§10.1',
      notAfter(plan.approvedAt, enteredAt),
      `approved ${plan.approvedAt}, entered ${enteredAt}`,
    ),
    guard(
      'APPROVED_AT_BEFORE_MEETING',
      'S4 §二',
      notAfter(before.heldAt, plan.approvedAt),
      `approved ${plan.approvedAt}, at or after the meeting of ${before.heldAt}`,
    ),
    guard(
      'PLAN_PARCELS_REQUIRED',
      'S4 §三',
      plan.parcelIds.length > 0,
      `covers ${plan.parcelIds.length} parcel(s): ${plan.parcelIds.join(', ')}`,
    ),
    guard(
      'NOT_ON_AGENDA',
      'S4 §二',
      onAgenda,
      before.agenda.supplyPlanIds.includes(plan.supplyPlanId)
        ? `supply plan ${plan.supplyPlanId} was on the agenda`
        : 'every parcel of the plan was on the agenda',
    ),
    guard(
      'UNKNOWN_LAND_USE',
      'V10',
      landUse !== undefined,
      `land use ${plan.landUse.code}${landUse ? ` ${landUse.zh}` : ''}`,
    ),
    guard(
      'APPROVER_REQUIRED',
      'S4 §二',
      plan.approver.id.trim() !== '' && plan.approver.name.trim() !== '',
      `approved by ${plan.approver.name} (${plan.approver.office}, ${plan.approver.id})`,
    ),
    guard(
      'PLANNING_CONDITIONS_MISSING',
      'S4 §四',
      plan.planningConditions.documentNo.trim() !== '',
      `planning conditions ${plan.planningConditions.documentNo} issued by ${plan.planningConditions.issuedBy}`,
    ),
    guard(
      'NET_LAND_INCOMPLETE',
      'S4 §五',
      unmet.length === 0,
      unmet.length === 0
        ? `net land: ${Object.values(NET_LAND_ITEMS).join('; ')}`
        : `not net land: ${unmet.map((item) => NET_LAND_ITEMS[item]).join('; ')}`,
    ),
  ];
  if (plan.farLowerBound !== null && plan.farUpperBound !== null) {
    guards.push(
      guard(
        'FAR_BOUNDS_INVERTED',
        'S4 §三',
        (compare(plan.farLowerBound, plan.farUpperBound) ?? 1) <= 0,
        `FAR ${plan.farLowerBound}–${plan.farUpperBound}`,
      ),
    );
  }
  if (plan.landUse.code !== RESIDENTIAL_LAND_USE) return guards;
  const under =
    policy === null
      ? `policy ${plan.policyVersion} (no longer published: limits not shown)`
      : `policy ${plan.policyVersion}`;
  if (policy === null) {
    guards.push(guard('RESIDENTIAL_LIMITS', 'S4 §五', true, `residential limits checked under ${under}`));
    return guards;
  }
  const minFar = policy.residentialMinFarExclusive;
  if (minFar !== null) {
    guards.push(
      guard(
        'RESIDENTIAL_FAR_TOO_LOW',
        'S4 §五',
        plan.farLowerBound !== null && (compare(plan.farLowerBound, minFar) ?? 0) > 0,
        `residential FAR lower bound ${plan.farLowerBound ?? 'not set'} > ${minFar} (${under})`,
      ),
    );
  }
  if (policy.villaProhibited) {
    guards.push(guard('VILLA_PROHIBITED', 'S4 §五', !plan.villaProduct, `no villa-type product (${under})`));
  }
  const maxUnit = policy.maxUnitAreaOnCultivatedLand;
  if (maxUnit !== null && plan.usesCultivatedLand) {
    guards.push(
      guard(
        'UNIT_AREA_EXCEEDS_LIMIT',
        'S4 §五',
        plan.maxUnitFloorAreaM2 !== null && (compare(plan.maxUnitFloorAreaM2, String(maxUnit)) ?? 1) <= 0,
        `largest unit ${plan.maxUnitFloorAreaM2 ?? 'not stated'} m² ≤ ${maxUnit} m² on cultivated land (${under})`,
      ),
    );
  }
  return guards;
};

/** The policy an event was decided under, when it is still the one published for the jurisdiction. */
const policyAt = (policyFor: (j: string) => Policy, jurisdiction: string, version: string): Policy | null => {
  try {
    const policy = policyFor(jurisdiction);
    return policy.version === version ? policy : null;
  } catch {
    return null;
  }
};

export interface TrailOptions {
  readonly policyFor?: (jurisdiction: string) => Policy;
}

/** The decision's own trail from its stream; null when the stream holds no meeting. */
export const decisionTrail = (
  events: readonly RecordedEvent[],
  options: TrailOptions = {},
): Omit<DecisionTrail, 'grantedParcels'> | null => {
  const policyFor = options.policyFor ?? defaultPolicyFor;
  let state: DecisionState = initialState();
  let meeting: DecisionTrail['meeting'] | null = null;
  const participants: ParticipantTrail[] = [];
  const plans: ApprovedPlanTrail[] = [];
  const parcels = new Map<string, ParcelTrail>();
  const actors = new Map<string, TrailActor>();
  const documents: DocumentRef[] = [];
  let revision = -1;

  const document = (documentNo: string, kind: DocumentRef['kind'], event: RecordedEvent): void => {
    if (documentNo.trim() === '') return;
    if (documents.some((d) => d.documentNo === documentNo && d.kind === kind && d.eventId === event.id)) return;
    documents.push({ documentNo, kind, eventType: event.type, ...from(event) });
  };
  const parcel = (parcelId: string): ParcelTrail => {
    let found = parcels.get(parcelId);
    if (found === undefined) {
      found = { parcelId, proposals: [], reservePrice: null, startingPrice: null, deal: null };
      parcels.set(parcelId, found);
    }
    return found;
  };

  for (const recorded of events) {
    revision = recorded.revision;
    const { actor } = recorded.metadata;
    const key = `${actor.id}\u0000${actor.role}`;
    const known = actors.get(key);
    actors.set(key, {
      id: actor.id,
      name: actor.name ?? null,
      role: actor.role,
      jurisdiction: actor.jurisdiction ?? null,
      eventIds: [...(known?.eventIds ?? []), recorded.id],
    });
    if (recorded.metadata.documentNo !== undefined) document(recorded.metadata.documentNo, 'METADATA', recorded);

    const event = toDomainEvent<DecisionEvent>(recorded);
    const before = state;
    state = evolve(state, event);
    if (state === before || state.status === 'NONE') continue; // ignored by the domain: no item
    const enteredAt = recorded.metadata.occurredAt;
    switch (event.type) {
      case 'CollectiveDecisionMeetingHeld': {
        const d = event.data;
        meeting = {
          heldAt: d.heldAt,
          jurisdiction: d.jurisdiction,
          place: null,
          minutesNo: d.minutesNo,
          agenda: { parcelIds: [...d.agenda.parcelIds], supplyPlanIds: [...d.agenda.supplyPlanIds] },
          attachments: d.attachments.map((a) => ({ documentNo: a.documentNo, title: a.title })),
          documents: [...new Set([d.minutesNo, ...d.attachments.map((a) => a.documentNo)])],
          ...from(recorded),
        };
        document(d.minutesNo, 'MINUTES', recorded);
        for (const a of d.attachments) document(a.documentNo, 'ATTACHMENT', recorded);
        d.participants.forEach((p) =>
          participants.push({
            participantId: `${p.department}:${p.person}`,
            department: p.department,
            departmentName: departmentName(p.department),
            person: p.person,
            role: p.role,
            opinions: [],
            ...from(recorded),
          }),
        );
        break;
      }
      case 'OpinionRecorded': {
        const d = event.data;
        const opinion = {
          item: { ...d.item },
          stance: d.stance,
          text: d.text,
          recordedAt: d.recordedAt,
          ...from(recorded),
        };
        const who = participants.find((p) => p.person === d.person && p.department === d.department);
        if (who) who.opinions.push(opinion);
        break;
      }
      case 'ReservePriceProposalSubmitted': {
        const d = event.data;
        parcel(d.parcelId).proposals.push({
          proposalId: d.proposalId,
          appraisalReportId: d.appraisalReportId,
          eFilingNo: d.eFilingNo,
          appraisalInstitution: d.appraisalInstitution,
          submittedAt: d.submittedAt,
          ...from(recorded),
        });
        document(d.appraisalReportId, 'APPRAISAL_REPORT', recorded);
        document(d.eFilingNo, 'E_FILING', recorded);
        break;
      }
      case 'SupplyPlanApproved': {
        const plan = event.data;
        const held = before as Held;
        plans.push({
          supplyPlanId: plan.supplyPlanId,
          parcelIds: [...plan.parcelIds],
          approver: { ...plan.approver },
          approvedAt: plan.approvedAt,
          policyVersion: plan.policyVersion,
          content: {
            landUse: { ...plan.landUse },
            supplyMethod: plan.supplyMethod,
            farLowerBound: plan.farLowerBound,
            farUpperBound: plan.farUpperBound,
            villaProduct: plan.villaProduct,
            usesCultivatedLand: plan.usesCultivatedLand,
            maxUnitFloorAreaM2: plan.maxUnitFloorAreaM2,
            netLand: { ...plan.netLand },
            planningConditions: { ...plan.planningConditions },
          },
          guards: planGuards(plan, held, enteredAt, policyAt(policyFor, held.jurisdiction, plan.policyVersion)),
          ...from(recorded),
        });
        document(plan.planningConditions.documentNo, 'PLANNING_CONDITIONS', recorded);
        for (const parcelId of plan.parcelIds) parcel(parcelId);
        break;
      }
      case 'ReservePriceDecided': {
        const d = event.data;
        const held = before as Held;
        const trail = parcel(d.parcelId);
        const proposal = trail.proposals.find((p) => p.proposalId === d.proposalId) ?? null;
        const plan = held.approvedPlans.find((p) => p.parcelIds.includes(d.parcelId));
        const policy = policyAt(policyFor, held.jurisdiction, d.policyVersion);
        const persons = new Set(d.groupMembers.map((m) => m.person.trim()).filter((p) => p !== ''));
        const windowGuard = (): Guard => {
          if (d.timing === 'AT_PLAN_APPROVAL') {
            const at = plan?.approvedAt ?? '';
            return guard(
              'RESERVE_PRICE_OUTSIDE_WINDOW',
              'T30',
              millis(at) !== null && millis(at) === millis(d.decidedAt),
              `decided at the plan's approval (${at || 'no plan'})`,
            );
          }
          const start = d.biddingStartsAt ?? '';
          const earliest =
            policy && millis(start) !== null ? millisBefore(start, policy.reservePriceWindow, 'start') : null;
          const at = millis(d.decidedAt);
          const window = policy
            ? `${policy.reservePriceWindow.offset} ${policy.reservePriceWindow.unit}`
            : 'the window';
          return guard(
            'RESERVE_PRICE_OUTSIDE_WINDOW',
            'T30',
            policy === null ? true : at !== null && earliest !== null && at >= earliest && notAfter(d.decidedAt, start),
            `decided ${d.decidedAt}, within ${window} before bidding starts at ${start}`,
          );
        };
        trail.reservePrice = {
          status: 'SEALED',
          commitment: d.commitment,
          decidedAt: d.decidedAt,
          decidedBy: d.groupMembers.map((m) => ({
            person: m.person,
            department: m.department,
            departmentName: departmentName(m.department),
          })),
          recordedBy: { id: actor.id, name: actor.name ?? null, role: actor.role },
          timing: d.timing,
          biddingStartsAt: d.biddingStartsAt,
          proposal:
            proposal === null
              ? null
              : {
                  proposalId: proposal.proposalId,
                  appraisalReportId: proposal.appraisalReportId,
                  eFilingNo: proposal.eFilingNo,
                  eventId: proposal.eventId,
                  revision: proposal.revision,
                },
          policyVersion: d.policyVersion,
          guards: [
            guard('ROLE_NOT_ALLOWED', 'S4 §六', actor.role === RESERVE_PRICE_GROUP, `recorded as ${actor.role}`),
            guard(
              'SUPPLY_PLAN_NOT_APPROVED',
              'S4 §二',
              plan !== undefined,
              plan ? `supply plan ${plan.supplyPlanId} approved ${plan.approvedAt}` : 'no approved plan',
            ),
            guard(
              'PRICE_PROPOSAL_NOT_FOUND',
              'S4 §六',
              proposal !== null,
              proposal
                ? `appraisal ${proposal.appraisalReportId}, e-filed ${proposal.eFilingNo}`
                : `no proposal ${d.proposalId}`,
            ),
            guard(
              'DECIDED_AT_BEFORE_PROPOSAL',
              'S4 §六',
              proposal !== null && notAfter(proposal.submittedAt, d.decidedAt),
              `decided ${d.decidedAt}, appraisal submitted ${proposal?.submittedAt ?? '—'}`,
            ),
            guard(
              'RESERVE_PRICE_GROUP_NOT_COLLECTIVE',
              'S4 §六',
              persons.size >= 2,
              `decided collectively by ${persons.size} members`,
            ),
            windowGuard(),
          ],
          ...from(recorded),
        };
        break;
      }
      case 'StartingPriceDecided': {
        const d = event.data;
        parcel(d.parcelId).startingPrice = {
          startingPriceFen: d.startingPriceFen,
          decidedAt: d.decidedAt,
          proposalId: d.proposalId,
          basis: d.basis,
          ...from(recorded),
        };
        break;
      }
      case 'DealConcluded': {
        const d = event.data;
        parcel(d.parcelId).deal = {
          winner: { ...d.winner },
          dealPriceFen: d.dealPriceFen,
          concludedAt: d.concludedAt,
          confirmationNo: d.confirmationNo,
          ...from(recorded),
        };
        document(d.confirmationNo, 'DEAL_CONFIRMATION', recorded);
        break;
      }
      case 'ReservePriceDisclosed': {
        const d = event.data;
        const trail = parcel(d.parcelId);
        const sealed = trail.reservePrice;
        // evolve accepted it, so the price was sealed and the deal is on record.
        if (sealed === null || sealed.status !== 'SEALED' || trail.deal === null) break;
        const decided = events.find((e) => e.id === sealed.eventId);
        trail.reservePrice = {
          ...sealed,
          status: 'DISCLOSED',
          basis: typeof decided?.data['basis'] === 'string' ? decided.data['basis'] : null,
          valueFen: d.valueFen,
          salt: d.salt,
          disclosedAt: d.disclosedAt,
          reserveMet: d.reserveMet,
          commitmentVerified: reservePriceCommitment(d.valueFen, d.salt) === sealed.commitment,
          disclosure: from(recorded),
        } satisfies ReservePriceTrail;
        break;
      }
      default: {
        const _never: never = event;
        break;
      }
    }
  }
  if (meeting === null || state.status === 'NONE') return null;
  return {
    decisionId: state.decisionId,
    jurisdiction: state.jurisdiction,
    status: state.status,
    revision,
    meeting,
    participants,
    approvedPlans: plans,
    parcels: [...parcels.values()],
    actors: [...actors.values()],
    documents,
  };
};
