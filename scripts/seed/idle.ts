/**
 * Idle land (DOMAIN.md §3.4, §5; T19–T26): a case opened a year after the agreed start (type A)
 * or after a year's halt of a started project (type B); notice, the holder's materials, then
 * government cause (new dates, or temporary use), or confirmation → publication → idle fee, or
 * free recovery after two years → deregistration. Confirmed idleness goes into the credit archive.
 */
import { creditEntry } from './credit.js';
import { addDays, addYears, maxDate, type IsoDate } from './dates.js';
import type { Milestone, Schedule } from './construction.js';
import type { Timeline } from './timeline.js';

export type IdleVariant = 'fee' | 'gov' | 'temporary' | 'recovery';

export interface IdleOutcome {
  /** The schedule to start against, or null if the land is never started. */
  readonly schedule: Schedule | null;
  readonly notBefore: IsoDate | null;
  /** Recovered on this day. */
  readonly endOn: IsoDate | null;
}

const CHANNELS = ['门户网站', '中国土地市场网'];

/** Suspicion, notice and (mostly) materials; returns the date the investigation has reached. */
const investigate = (
  t: Timeline,
  caseId: string,
  suspectedOn: IsoDate,
  type: 'A' | 'B',
  typeB: Record<string, unknown> | null,
  materials: boolean,
): IsoDate => {
  const { rng, officials, user, parcel } = t.ctx;
  t.parcel(suspectedOn, 'idle-open', 'OpenIdleCase', rng.chance(0.5) ? officials.enforcement : officials.patrol, {
    caseId,
    type,
    suspectedOn,
    ...(typeB === null ? {} : { typeB }),
  });
  const servedOn = addDays(suspectedOn, rng.int(5, 25));
  t.parcel(servedOn, 'idle-notice', 'ServeIdleInvestigationNotice', officials.enforcement, {
    noticeNo: `XZDC-${parcel.parcelId}`,
    servedOn,
  });
  if (!materials) return addDays(servedOn, rng.int(45, 60));
  const submittedOn = addDays(servedOn, rng.int(5, 25));
  t.parcel(submittedOn, 'idle-materials', 'SubmitIdleMaterials', user, {
    submittedOn,
    summary: '说明未动工原因并提交相关证明材料',
  });
  return submittedOn;
};

const confirm = (t: Timeline, caseId: string, from: IsoDate): IsoDate => {
  const { rng, officials, parcel } = t.ctx;
  const confirmedOn = addDays(from, rng.int(10, 25));
  t.parcel(confirmedOn, 'idle-confirm', 'ConfirmIdleLand', officials.enforcement, {
    confirmedOn,
    confirmationNo: `XZRD-${parcel.parcelId}`,
  });
  const publishedOn = addDays(confirmedOn, rng.int(1, 7));
  t.parcel(publishedOn, 'idle-publish', 'PublishIdleLand', officials.enforcement, { publishedOn, channels: CHANNELS });
  return confirmedOn;
};

/** Fee decision (20 % of the price) and its payment; returns the payment date. */
const fee = (t: Timeline, confirmedOn: IsoDate): IsoDate => {
  const { rng, officials, parcel, batch } = t.ctx;
  const servedOn = addDays(confirmedOn, rng.int(10, 30));
  t.parcel(servedOn, 'idle-fee-decision', 'IssueIdleFeeDecision', officials.grantor, {
    decisionNo: `XZF-${parcel.parcelId}`,
    servedOn,
    governmentApprovalRef: `${batch.city.short}政批〔${servedOn.slice(0, 4)}〕${parcel.n}号`,
  });
  const paidOn = addDays(servedOn, rng.chance(0.15) ? rng.int(35, 50) : rng.int(5, 28));
  t.parcel(paidOn, 'idle-fee-paid', 'RecordIdleFeePayment', officials.enforcement, {
    paidOn,
    amountFen: parcel.priceFen / 5,
  });
  return paidOn;
};

const close = (t: Timeline, caseId: string, from: IsoDate, reason: string, published: boolean): IsoDate => {
  const { rng, officials } = t.ctx;
  const closedOn = addDays(from, rng.int(1, 10));
  t.parcel(closedOn, 'idle-close', 'CloseIdleCase', officials.enforcement, { closedOn, reason });
  if (published) {
    const withdrawnOn = addDays(closedOn, rng.int(1, 10));
    t.parcel(withdrawnOn, 'idle-withdraw', 'WithdrawIdleLandPublication', officials.enforcement, {
      caseId,
      withdrawnOn,
    });
  }
  return closedOn;
};

const confirmedEntry = (t: Timeline, caseId: string, confirmedOn: IsoDate, liftAfter?: number): void =>
  creditEntry(
    t,
    addDays(confirmedOn, t.ctx.rng.int(5, 15)),
    'credit-idle',
    'C5',
    { step: 'idle-confirm', eventType: 'IdleLandConfirmed', caseId },
    liftAfter,
  );

/**
 * Type A: not started a year after the idle clock's start — the agreed start, shifted by the days
 * the grantor delivered late (§5.2(1), src/domain/parcel/rules/idle-clock.ts).
 */
export const idleTypeA = (t: Timeline, schedule: Schedule, idleStart: IsoDate, variant: IdleVariant): IdleOutcome => {
  const { rng, officials, parcel, batch } = t.ctx;
  // The case id the service's own T19 timer gives (IC-A-<threshold>): when the timer opened it
  // first (it is due as soon as the replayed history passes the threshold), OpenIdleCase is a no-op.
  const threshold = addYears(idleStart, 1);
  const caseId = `IC-A-${threshold}`;
  const suspectedOn = addDays(threshold, rng.int(3, 40));
  const reached = investigate(
    t,
    caseId,
    suspectedOn,
    'A',
    null,
    variant === 'gov' || variant === 'temporary' || rng.chance(0.7),
  );
  if (variant === 'gov' || variant === 'temporary') {
    const acceptedOn = addDays(reached, rng.int(10, 30));
    const temporary = variant === 'temporary';
    const newStart = addDays(acceptedOn, rng.int(90, 300));
    t.parcel(acceptedOn, 'idle-gov-cause', 'AcceptGovernmentCause', officials.grantor, {
      acceptedOn,
      cause: temporary
        ? 'PLAN_REVISION'
        : rng.pick(['LATE_DELIVERY', 'PLAN_REVISION', 'MILITARY_OR_HERITAGE', 'PETITIONS']),
      disposal: temporary ? 'TEMPORARY_USE' : 'EXTEND_START',
      agreementRef: `${batch.city.short}补协〔${acceptedOn.slice(0, 4)}〕${parcel.n}号`,
      ...(temporary ? { temporaryUseStartedOn: addDays(acceptedOn, 10) } : { newAgreedStart: newStart }),
    });
    const closedOn = close(t, caseId, acceptedOn, '政府原因造成闲置，已签订补充协议处置', false);
    if (temporary) {
      const endedOn = addDays(acceptedOn, rng.int(200, 700));
      t.parcel(endedOn, 'temporary-use-end', 'EndTemporaryUse', officials.grantor, { caseId, endedOn });
      return { schedule: null, notBefore: null, endOn: null };
    }
    const shift = Math.round((Date.parse(newStart) - Date.parse(schedule.agreedStart)) / 86_400_000);
    return {
      schedule: { agreedStart: newStart, agreedCompletion: addDays(schedule.agreedCompletion, shift) },
      notBefore: closedOn,
      endOn: null,
    };
  }
  const confirmedOn = confirm(t, caseId, reached);
  if (variant === 'fee') {
    const paidOn = fee(t, confirmedOn);
    const closedOn = close(t, caseId, paidOn, '已缴纳土地闲置费', true);
    confirmedEntry(t, caseId, confirmedOn, rng.chance(0.5) ? rng.int(60, 120) : undefined);
    return { schedule, notBefore: addDays(closedOn, rng.int(30, 150)), endOn: null };
  }
  confirmedEntry(t, caseId, confirmedOn);
  const feePaidOn = rng.chance(0.5) ? fee(t, confirmedOn) : confirmedOn;
  const servedOn = maxDate(addDays(addYears(idleStart, 2), rng.int(3, 30)), addDays(feePaidOn, 10));
  t.parcel(servedOn, 'recovery-decision', 'IssueRecoveryDecision', officials.grantor, {
    decisionNo: `SH-${parcel.parcelId}`,
    servedOn,
    approvalRef: `${batch.city.short}政批〔${servedOn.slice(0, 4)}〕收${parcel.n}号`,
  });
  const deregisteredOn = addDays(servedOn, rng.int(5, 28));
  t.parcel(deregisteredOn, 'deregister', 'DeregisterRight', officials.grantor, {
    deregisteredOn,
    method: rng.pick(['VOLUNTARY', 'VOLUNTARY', 'PUBLIC_CANCELLATION']),
  });
  const withdrawnOn = addDays(deregisteredOn, rng.int(1, 7));
  t.parcel(withdrawnOn, 'idle-withdraw', 'WithdrawIdleLandPublication', officials.enforcement, { caseId, withdrawnOn });
  return { schedule: null, notBefore: null, endOn: deregisteredOn };
};

/** Type B: started, then halted a year with < 1/3 developed and < 25 % invested. */
export const idleTypeB = (t: Timeline, started: Milestone, areaHa: string, totalInvestmentFen: number): void => {
  const { rng, officials, parcel } = t.ctx;
  const caseId = `XZB-${parcel.parcelId}`;
  const haltedSince = addDays(started.verifiedOn, rng.int(30, 90));
  const suspectedOn = addDays(addYears(haltedSince, 1), rng.int(3, 30));
  const typeB = {
    developedAreaHa: (Number(areaHa) * 0.1).toFixed(4),
    investedFen: Math.round(totalInvestmentFen * 0.1),
    haltedSince,
  };
  const reached = investigate(t, caseId, suspectedOn, 'B', typeB, true);
  if (rng.chance(0.5)) {
    const acceptedOn = addDays(reached, rng.int(10, 30));
    t.parcel(acceptedOn, 'idle-gov-cause', 'AcceptGovernmentCause', officials.grantor, {
      acceptedOn,
      cause: 'NEW_NATIONAL_POLICY',
      disposal: 'OTHER',
      agreementRef: `补协-${parcel.parcelId}`,
    });
    close(t, caseId, acceptedOn, '国家政策调整导致停工，已协商处置', false);
    return;
  }
  const confirmedOn = confirm(t, caseId, reached);
  const paidOn = fee(t, confirmedOn);
  close(t, caseId, paidOn, '已缴纳土地闲置费并复工', true);
  confirmedEntry(t, caseId, confirmedOn);
};
