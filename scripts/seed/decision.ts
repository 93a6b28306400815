/**
 * The collective decision behind a batch (S4 §二, §六, §九; DOMAIN.md §10.1–§10.2): the meeting
 * with the departments the policy requires, opinions, appraisal proposals, the approved supply
 * plan covering the batch's parcels, then for a transfer batch the sealed reserve price within
 * the hour before bidding, the deal, and the reserve price disclosed after the deal. Each body
 * carries its document's instant from the batch's own dates (the meeting day, the deal day):
 * the service records them later, and the seed never depends on the day it is run.
 */
import { kebabCase } from '../../src/api/commands/kebab.js';
import { cityActors } from './actors.js';
import { addDays, at } from './dates.js';
import { personName } from './places.js';
import type { Batch } from './plan.js';
import { rngFor } from './prng.js';
import type { Body, Item } from './timeline.js';

type Dept =
  | 'GOVERNMENT'
  | 'NATURAL_RESOURCES'
  | 'FINANCE'
  | 'DEVELOPMENT_REFORM'
  | 'HOUSING_CONSTRUCTION'
  | 'DISCIPLINE_INSPECTION'
  | 'INDUSTRY_IT';

const participantsFor = (batch: Batch, base: number) => {
  const depts: [Dept, string][] = [
    ['GOVERNMENT', '主持'],
    ['NATURAL_RESOURCES', '汇报'],
    ['FINANCE', '参会'],
    ['DEVELOPMENT_REFORM', '参会'],
  ];
  if (batch.landUse.code === '07') depts.push(['HOUSING_CONSTRUCTION', '参会']);
  if (batch.landUse.code === '06') depts.push(['INDUSTRY_IT', '参会']);
  // S4 §二: Jiangsu requires the discipline inspection commission; elsewhere it often attends too.
  if (batch.city.jiangsu || batch.index % 2 === 0) depts.push(['DISCIPLINE_INSPECTION', '监督']);
  return depts.map(([department, role], i) => ({ department, person: personName(base + i * 7), role }));
};

export const decisionItems = (seed: string, batch: Batch): Item[] => {
  const rng = rngFor(`${seed}:decision:${batch.index}`);
  const o = cityActors(batch.city);
  const items: Item[] = [];
  const add = (name: string, command: string, actor: Item['actor'], body: Body, expectCode?: string) =>
    items.push({
      on: batch.meetingOn,
      name,
      path: `/decisions/${batch.decisionId}/${kebabCase(command)}`,
      actor,
      body,
      ...(expectCode ? { expectCode } : {}),
    });
  const participants = participantsFor(batch, rng.int(0, 200));
  const parcelIds = batch.parcels.map((p) => p.parcelId);
  const year = batch.meetingOn.slice(0, 4);
  const minutesNo = `${batch.city.short}政纪〔${year}〕${batch.index + 1}号`;
  // The documents' instants: appraisals a week before the meeting, opinions during it, the plan
  // (and with it the starting price, S4 §三) approved after it; bidding, deal and 底价公示 on the deal day.
  const when = {
    appraised: at(addDays(batch.meetingOn, -7), '16:00:00'),
    held: at(batch.meetingOn, '09:30:00'),
    opinions: at(batch.meetingOn, '10:15:00'),
    approved: at(batch.meetingOn, '11:30:00'),
    reserveDecided: at(batch.dealOn, '09:15:00'),
    biddingStarts: at(batch.dealOn, '10:00:00'),
    earlyDisclosure: at(batch.dealOn, '09:50:00'),
    concluded: at(batch.dealOn, '11:30:00'),
    disclosed: at(batch.dealOn, '16:00:00'),
  };
  add('meeting', 'HoldMeeting', o.grantor, {
    decisionId: batch.decisionId,
    jurisdiction: batch.city.jurisdiction,
    heldAt: when.held,
    participants,
    agenda: { parcelIds, supplyPlanIds: [batch.supplyPlanId] },
    attachments: [{ documentNo: minutesNo, title: '国有建设用地供应集体决策会议纪要' }],
    minutesNo,
  });
  participants.forEach((p, i) => {
    const stance = i === 2 && rng.chance(0.3) ? 'CONDITIONAL' : 'AGREE';
    add(`opinion-${i}`, 'RecordOpinion', o.grantor, {
      person: p.person,
      department: p.department,
      item: { kind: 'SUPPLY_PLAN', id: batch.supplyPlanId },
      stance,
      text: stance === 'AGREE' ? '同意供地方案' : '同意，建议在出让公告中明确配建要求',
      recordedAt: when.opinions,
    });
  });
  const transfer = batch.kind === 'TRANSFER';
  if (transfer) {
    for (const p of batch.parcels) {
      add(`proposal-${p.n}`, 'SubmitReservePriceProposal', o.grantor, {
        proposalId: `PR-${p.parcelId}`,
        parcelId: p.parcelId,
        appraisalReportId: `苏(${year})估字第${String(p.n).padStart(4, '0')}号`,
        eFilingNo: `${batch.city.code}0${year.slice(2)}BA${String(p.n).padStart(4, '0')}`,
        appraisalInstitution: '某土地房地产评估有限公司',
        submittedAt: when.appraised,
      });
    }
  }
  const residential = batch.landUse.code === '07';
  const cultivated = residential && rng.chance(0.3);
  add('approve-plan', 'ApproveSupplyPlan', o.government, {
    supplyPlanId: batch.supplyPlanId,
    parcelIds,
    landUse: batch.landUse,
    supplyMethod: transfer ? 'TENDER_AUCTION_LISTING' : 'ALLOCATION',
    farLowerBound: batch.far.min,
    farUpperBound: batch.far.max,
    villaProduct: false,
    usesCultivatedLand: cultivated,
    maxUnitFloorAreaM2: residential ? (cultivated ? '144' : '180') : null,
    netLand: {
      readyForDevelopment: true,
      compensationSettled: true,
      noLegalOrEconomicDispute: true,
      noOwnershipDispute: true,
      closedBoundary: true,
      conditionsClear: true,
      surfaceCleared: true,
    },
    planningConditions: {
      documentNo: `${batch.city.short}规条〔${year}〕${batch.index + 1}号`,
      issuedBy: `${batch.city.name}自然资源和规划局`,
    },
    approver: { id: o.government.sub, name: participants[0]?.person ?? '市长', office: `${batch.city.name}人民政府` },
    approvedAt: when.approved,
  });
  if (!transfer) return items;
  const group = participants.slice(0, 3).map(({ person, department }) => ({ person, department }));
  for (const p of batch.parcels) {
    const reserveFen = Math.round((p.priceFen * rng.int(80, 97)) / 100 / 1_000_000) * 1_000_000;
    if (rng.chance(0.5)) {
      add(`starting-price-${p.n}`, 'DecideStartingPrice', o.grantor, {
        parcelId: p.parcelId,
        startingPriceFen: Math.round(reserveFen * 0.9),
        proposalId: `PR-${p.parcelId}`,
        basis: '估价报告建议起始价',
        decidedAt: when.approved,
      });
    }
    add(`reserve-price-${p.n}`, 'DecideReservePrice', o.priceGroup, {
      parcelId: p.parcelId,
      decidedAt: when.reserveDecided,
      timing: 'BEFORE_BIDDING',
      biddingStartsAt: when.biddingStarts,
      groupMembers: group,
      proposalId: `PR-${p.parcelId}`,
      basis: '以估价结果为重要参考，统筹考虑产业政策和市场',
      reservePriceFen: reserveFen,
    });
    // S4 §九: the reserve price stays sealed until the deal; one early attempt in ten shows it.
    if (rng.chance(0.1))
      add(
        `disclose-early-${p.n}`,
        'DiscloseReservePrice',
        o.priceGroup,
        { parcelId: p.parcelId, disclosedAt: when.earlyDisclosure },
        'DEAL_NOT_CONCLUDED',
      );
    add(`deal-${p.n}`, 'ConcludeDeal', o.grantor, {
      parcelId: p.parcelId,
      winner: { landUserId: p.landUser.id, name: p.landUser.name },
      dealPriceFen: p.priceFen,
      confirmationNo: `${batch.city.short}成交〔${batch.dealOn.slice(0, 4)}〕${p.n}号`,
      concludedAt: when.concluded,
    });
    add(`disclose-${p.n}`, 'DiscloseReservePrice', o.priceGroup, { parcelId: p.parcelId, disclosedAt: when.disclosed });
  }
  return items;
};
