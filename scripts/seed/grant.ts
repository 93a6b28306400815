/**
 * Deal confirmation and grant (contract or allocation decision), the patrol post's records
 * (T02, T03) and the land's delivery (T09). Returns the grant's dates for the later phases.
 */
import { addDays, maxDate, type IsoDate } from './dates.js';
import { payments } from './payments.js';
import type { Timeline } from './timeline.js';

export interface Instalment {
  readonly no: number;
  readonly dueDate: IsoDate;
  readonly amountFen: number;
}

export interface Grant {
  readonly grantedOn: IsoDate;
  readonly transfer: boolean;
  readonly deliveryDate: IsoDate;
  readonly deliveredOn: IsoDate;
  readonly agreedStart: IsoDate;
  readonly agreedCompletion: IsoDate;
  readonly totalInvestmentFen: number;
  /** The day the price was paid in full; null if never (termination). */
  readonly paidInFullOn: IsoDate | null;
  /** The contract was terminated on this day (no construction follows). */
  readonly terminatedOn: IsoDate | null;
  readonly inspectorIds: readonly string[];
}

const TERM_YEARS: Record<string, number> = { '05': 40, '06': 50, '07': 70, '08': 50, '10': 50 };

export const grant = (t: Timeline): Grant => {
  const { batch, parcel, officials, rng } = t.ctx;
  const { city } = batch;
  const transfer = batch.kind === 'TRANSFER';
  const no = `${parcel.parcelId.slice(2)}`;
  const grantedOn = transfer ? addDays(batch.dealOn, rng.int(2, 7)) : addDays(batch.dealOn, rng.int(0, 5));
  const deliveryDate = addDays(grantedOn, rng.int(30, 60));
  const agreedStart = addDays(deliveryDate, rng.int(150, 175));
  const agreedCompletion = addDays(agreedStart, rng.int(730, 1000));
  const totalInvestmentFen = (parcel.priceFen * rng.int(15, 30)) / 10;
  const common = {
    parcelId: parcel.parcelId,
    jurisdiction: city.jurisdiction,
    supervisionNo: `${city.code}13${grantedOn.slice(0, 4)}B${no.replace(/[^A-Za-z0-9]/g, '')}`,
    areaHa: parcel.areaHa,
    landUse: batch.landUse,
    deliveryDate,
    agreedStart,
    agreedCompletion,
    farMin: batch.far.min,
    farMax: batch.far.max,
    greenRatio: rng.pick(['0.30', '0.35', '0.20', '0.15']),
    buildingDensity: rng.pick(['0.25', '0.30', '0.40', '0.45']),
    totalInvestmentFen,
    decisionId: batch.decisionId,
    landUserId: parcel.landUser.id,
    controllingShareholderIds: parcel.landUser.shareholderIds,
    ...(rng.chance(0.5) ? { lateStartRatePerDay: '0.0002' } : {}),
    ...(rng.chance(0.5) ? { lateCompletionRatePerDay: '0.0002' } : {}),
  };
  let instalments: Instalment[] = [];
  if (transfer) {
    t.parcel(batch.dealOn, 'confirm-deal', 'ConfirmDeal', officials.grantor, {
      parcelId: parcel.parcelId,
      jurisdiction: city.jurisdiction,
      winnerId: parcel.landUser.id,
      confirmedOn: batch.dealOn,
    });
    const half = parcel.priceFen / 2;
    instalments = rng.chance(0.3)
      ? [{ no: 1, dueDate: addDays(grantedOn, rng.int(15, 25)), amountFen: parcel.priceFen }]
      : [
          { no: 1, dueDate: addDays(grantedOn, 20), amountFen: half },
          { no: 2, dueDate: addDays(grantedOn, rng.int(60, 100)), amountFen: parcel.priceFen - half },
        ];
    t.parcel(grantedOn, 'sign-contract', 'SignTransferContract', officials.grantor, {
      ...common,
      documentNo: `${city.short}让合〔${grantedOn.slice(0, 4)}〕${no}号`,
      signedOn: grantedOn,
      termYears: TERM_YEARS[batch.landUse.code] ?? 50,
      priceFen: parcel.priceFen,
      depositFen: parcel.priceFen / 5,
      instalments,
      ...(rng.chance(0.4) ? { grantorLateDeliveryRatePerDay: '0.0005' } : {}),
      contractTemplateVersion: 'GF-2008-2601',
    });
  } else {
    t.parcel(grantedOn, 'issue-allocation', 'IssueAllocationDecision', officials.grantor, {
      ...common,
      documentNo: `${city.short}划决〔${grantedOn.slice(0, 4)}〕${no}号`,
      issuedOn: grantedOn,
      allocationPriceFen: parcel.priceFen,
    });
  }
  const inspectorIds = [`inspector-${city.code}-${rng.int(1, 6)}`, `inspector-${city.code}-${rng.int(7, 12)}`];
  records(t, grantedOn, inspectorIds, { transfer, agreedStart, agreedCompletion });
  const paid = transfer ? payments(t, grantedOn, instalments) : { paidInFullOn: grantedOn, terminatedOn: null };
  const deliveredOn = delivery(t, grantedOn, deliveryDate, transfer);
  return {
    grantedOn,
    transfer,
    deliveryDate,
    deliveredOn,
    agreedStart,
    agreedCompletion,
    totalInvestmentFen,
    paidInFullOn: paid.paidInFullOn,
    terminatedOn: paid.terminatedOn,
    inspectorIds,
  };
};

const PROVINCES: Record<string, string> = { '32': '江苏省', '33': '浙江省', '41': '河南省' };
const INDUSTRY: Record<string, string> = { '05': 'H6310', '06': 'C3411', '07': 'K7210', '08': 'S9311', '10': 'F5210' };

/**
 * T03 as two people (§8, §12): the patrol post prepares the Attachment-3 record, the grantor
 * reviews and files it. One draft in twenty has a wrong industry code (V11) and is corrected first.
 */
const supplyFiling = (
  t: Timeline,
  grantedOn: IsoDate,
  facts: { readonly transfer: boolean; readonly agreedStart: IsoDate; readonly agreedCompletion: IsoDate },
): void => {
  const { rng, officials, batch, parcel } = t.ctx;
  const { city } = batch;
  const approvalDate = addDays(grantedOn, -rng.int(20, 60));
  const longBuild = addDays(facts.agreedStart, 365 * 3 + 1) < facts.agreedCompletion;
  const draft = {
    ...(facts.transfer ? { transferMethod: rng.chance(0.9) ? 'TENDER_AUCTION_LISTING' : 'NEGOTIATED_TRANSFER' } : {}),
    landUserName: parcel.landUser.name,
    farmlandConversionApprovalDate: rng.chance(0.3) ? null : addDays(approvalDate, -rng.int(90, 700)),
    authority: { province: PROVINCES[city.province] ?? city.province, city: city.name },
    project: {
      no: `BA-${parcel.parcelId}`,
      name: `${city.name}${parcel.parcelId}地块项目`,
      approvalDocNo: `${city.short}政土批〔${approvalDate.slice(0, 4)}〕${rng.int(1, 199)}号`,
      approvalDate,
      approvingBody: `${city.name}人民政府`,
      industryCode: INDUSTRY[batch.landUse.code] ?? 'L7411',
      investorNature: facts.transfer
        ? { category: '4', subType: rng.pick(['有限责任公司', '股份有限公司', '国有企业', '私营企业']) }
        : { category: rng.pick(['1', '2']), subType: null },
    },
    land: {
      address: `${city.name}${parcel.parcelId.slice(-4)}号地块`,
      boundaries: '东至规划道路，南至现状用地，西至河道，北至规划绿地',
      coordinates: [],
      landSource: rng.pick(['新增建设用地', '现有建设用地']),
      developmentDegree: rng.pick(['五通一平', '七通一平', '三通一平']),
      grade: `${rng.pick(['一', '二', '三', '四'])}级`,
    },
    foreignCurrency: [],
    remarks: longBuild ? '约定建设周期超过三年，经批准' : null,
  };
  const preparedOn = addDays(grantedOn, rng.int(1, 4));
  if (rng.chance(0.05)) {
    t.parcel(preparedOn, 'supply-record-draft', 'PrepareSupplyRecord', officials.patrol, {
      ...draft,
      preparedOn,
      project: { ...draft.project, industryCode: 'K99' },
    });
  }
  t.parcel(preparedOn, 'supply-record-prepared', 'PrepareSupplyRecord', officials.patrol, { ...draft, preparedOn });
  const filedOn = addDays(preparedOn, rng.chance(0.05) ? rng.int(9, 16) : rng.int(1, 5));
  t.parcel(filedOn, 'supply-record', 'FileSupplyRecord', officials.grantor, {
    filedOn,
    filingRef: `BA-${parcel.parcelId}`,
    landUserNameOnSourceDocument: parcel.landUser.name,
  });
};

/** T02 tracking card and patrol task, T03 supply filing: mostly on time, some late (flagged, not refused). */
const records = (
  t: Timeline,
  grantedOn: IsoDate,
  inspectorIds: readonly string[],
  facts: { readonly transfer: boolean; readonly agreedStart: IsoDate; readonly agreedCompletion: IsoDate },
): void => {
  const { rng, officials, batch, parcel } = t.ctx;
  const extractedOn = addDays(grantedOn, rng.chance(0.1) ? rng.int(16, 25) : rng.int(1, 9));
  t.parcel(extractedOn, 'tracking-card', 'ExtractTrackingCard', officials.patrol, {
    extractedOn,
    trackingCardNo: `GZK-${batch.city.code}-${parcel.n}-${parcel.parcelId.slice(-4)}`,
  });
  const assignedOn = addDays(extractedOn, rng.int(0, 2));
  t.parcel(assignedOn, 'patrol-task', 'AssignPatrolTask', officials.patrol, {
    assignedOn,
    officeId: `office-${batch.city.code}-${rng.int(1, 9)}`,
    inspectorIds,
  });
  supplyFiling(t, grantedOn, facts);
};

/** T09: delivered on the contract date or early; some late, a few after the grantee's demand. */
const delivery = (t: Timeline, grantedOn: IsoDate, deliveryDate: IsoDate, transfer: boolean): IsoDate => {
  const { rng, officials, user, parcel } = t.ctx;
  const late = rng.chance(0.25) ? rng.int(5, 45) : 0;
  const deliveredOn = maxDate(
    grantedOn,
    late > 0 ? addDays(deliveryDate, late) : addDays(deliveryDate, -rng.int(0, 5)),
  );
  if (transfer && late > 12 && rng.chance(0.6)) {
    const servedOn = addDays(deliveryDate, rng.int(3, 9));
    t.parcel(servedOn, 'delivery-demand', 'ServeDeliveryDemand', user, {
      demandId: `JDCG-${parcel.parcelId}-1`,
      servedOn,
    });
  }
  t.parcel(deliveredOn, 'delivery', 'ConfirmLandDelivery', officials.grantor, {
    deliveredOn,
    confirmationNo: `JD-${parcel.parcelId}`,
  });
  return deliveredOn;
};
