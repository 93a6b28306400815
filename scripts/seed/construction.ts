/**
 * From the approval certificate to completion (S4 §十一, §十二; S0 §二(五)): certificate (Jiangsu:
 * only once paid in full — one early attempt shows the rule), site publicity (T10), start and
 * completion declared, verified (one in twenty rejected first) and uploaded (T14).
 */
import { creditEntry } from './credit.js';
import { addDays, daysBetween, maxDate, type IsoDate } from './dates.js';
import type { Grant } from './grant.js';
import type { Timeline } from './timeline.js';

export const certificate = (t: Timeline, g: Grant): IsoDate | null => {
  const { rng, officials, batch, parcel } = t.ctx;
  const needsFullPayment = batch.city.jiangsu && g.transfer;
  if (needsFullPayment && g.paidInFullOn === null) return null;
  const from = needsFullPayment ? maxDate(g.deliveredOn, g.paidInFullOn ?? g.deliveredOn) : g.deliveredOn;
  const issuedOn = addDays(from, needsFullPayment ? rng.int(2, 10) : rng.int(3, 15));
  if (
    needsFullPayment &&
    g.paidInFullOn !== null &&
    daysBetween(g.deliveredOn, g.paidInFullOn) > 10 &&
    rng.chance(0.2)
  ) {
    const triedOn = addDays(g.deliveredOn, rng.int(3, 8));
    t.parcel(
      triedOn,
      'certificate-early',
      'IssueLandApprovalCertificate',
      officials.grantor,
      { certificateNo: `PZS-${parcel.parcelId}`, issuedOn: triedOn },
      'PRICE_NOT_PAID_IN_FULL',
    );
  }
  t.parcel(issuedOn, 'certificate', 'IssueLandApprovalCertificate', officials.grantor, {
    certificateNo: `PZS-${parcel.parcelId}`,
    issuedOn,
  });
  const postedOn = addDays(issuedOn, rng.chance(0.1) ? rng.int(32, 50) : rng.int(3, 25));
  t.parcel(
    postedOn,
    'site-publicity',
    'RecordSitePublicity',
    rng.chance(0.5) ? officials.inspector : officials.patrol,
    {
      postedOn,
      photoRefs: [`IMG-${parcel.parcelId}-GS1`, `IMG-${parcel.parcelId}-GS2`],
    },
  );
  return issuedOn;
};

export interface Schedule {
  readonly agreedStart: IsoDate;
  readonly agreedCompletion: IsoDate;
}

export interface Milestone {
  readonly actualOn: IsoDate;
  readonly verifiedOn: IsoDate;
}

/** Declared by the user (or entered by the office), verified by the office, uploaded by the post. */
const declareAndVerify = (t: Timeline, kind: 'START' | 'COMPLETION', actualOn: IsoDate): Milestone => {
  const { rng, officials, user, parcel } = t.ctx;
  const [declare, verify, prefix] =
    kind === 'START' ? ['DeclareStart', 'VerifyStart', 'DG'] : ['DeclareCompletion', 'VerifyCompletion', 'JG'];
  const declarant = rng.chance(0.6) ? user : officials.inspector;
  const slug = kind.toLowerCase();
  const body = (declaredOn: IsoDate, k: number) =>
    kind === 'START'
      ? {
          declarationNo: `${prefix}-${parcel.parcelId}-${k}`,
          declaredOn,
          startedOn: actualOn,
          constructionPermitNo: `SG-${parcel.parcelId}`,
        }
      : {
          declarationNo: `${prefix}-${parcel.parcelId}-${k}`,
          declaredOn,
          completedOn: actualOn,
          acceptanceRef: `YS-${parcel.parcelId}`,
        };
  let declaredOn = addDays(actualOn, rng.int(1, 12));
  t.parcel(declaredOn, `declare-${slug}-1`, declare, declarant, body(declaredOn, 1));
  if (rng.chance(0.05)) {
    const rejectedOn = addDays(declaredOn, rng.int(2, 6));
    t.parcel(rejectedOn, `reject-${slug}`, verify, officials.inspector, {
      verifiedOn: rejectedOn,
      outcome: 'REJECTED',
      reason: '现场核查与申报材料不符，请补正后重新申报',
    });
    declaredOn = addDays(rejectedOn, rng.int(3, 10));
    t.parcel(declaredOn, `declare-${slug}-2`, declare, declarant, body(declaredOn, 2));
  }
  const verifiedOn = addDays(declaredOn, rng.int(2, 8));
  t.parcel(verifiedOn, `verify-${slug}`, verify, officials.inspector, { verifiedOn, outcome: 'VERIFIED' });
  const uploadedOn = addDays(verifiedOn, rng.chance(0.1) ? rng.int(18, 25) : rng.int(1, 10));
  t.parcel(uploadedOn, `upload-${slug}`, 'UploadDeclaration', officials.patrol, { kind, uploadedOn });
  return { actualOn, verifiedOn };
};

/** Starts on time (mostly) or late; late by more than 60 days → a C3 entry. */
export const start = (
  t: Timeline,
  schedule: Schedule,
  options: { readonly late?: boolean; readonly notBefore?: IsoDate } = {},
): Milestone => {
  const { rng } = t.ctx;
  const late = options.late ?? rng.chance(0.2);
  let actualOn = late
    ? addDays(schedule.agreedStart, rng.int(10, 150))
    : addDays(schedule.agreedStart, -rng.int(0, 20));
  if (options.notBefore !== undefined) actualOn = maxDate(actualOn, options.notBefore);
  const milestone = declareAndVerify(t, 'START', actualOn);
  if (daysBetween(schedule.agreedStart, actualOn) > 60) {
    creditEntry(
      t,
      addDays(milestone.verifiedOn, rng.int(3, 10)),
      'credit-late-start',
      'C3',
      { step: 'verify-start', eventType: 'ConstructionStartVerified' },
      rng.chance(0.4) ? rng.int(30, 90) : undefined,
    );
  }
  return milestone;
};

/** Completion: on time mostly; some late (C3). At least a year after the start. */
export const completion = (t: Timeline, schedule: Schedule, started: Milestone): Milestone => {
  const { rng } = t.ctx;
  const late = rng.chance(0.15);
  const actualOn = maxDate(
    late ? addDays(schedule.agreedCompletion, rng.int(10, 200)) : addDays(schedule.agreedCompletion, -rng.int(0, 150)),
    addDays(started.actualOn, 365),
  );
  const milestone = declareAndVerify(t, 'COMPLETION', actualOn);
  if (daysBetween(schedule.agreedCompletion, actualOn) > 90) {
    creditEntry(t, addDays(milestone.verifiedOn, rng.int(3, 10)), 'credit-late-completion', 'C3', {
      step: 'verify-completion',
      eventType: 'CompletionVerified',
    });
  }
  return milestone;
};
