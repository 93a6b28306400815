/**
 * The price (T06–T08): instalments paid on time, some late (damages, a payment demand first
 * when very late, a C4 credit entry), a few in two parts, a few never (demand → termination
 * after 60 days, S4 §十一 with the government's approval). Payment information entered (T05).
 */
import { creditEntry } from './credit.js';
import { addDays, maxDate, type IsoDate } from './dates.js';
import type { Instalment } from './grant.js';
import type { Timeline } from './timeline.js';

export const payments = (
  t: Timeline,
  grantedOn: IsoDate,
  instalments: readonly Instalment[],
): { paidInFullOn: IsoDate | null; terminatedOn: IsoDate | null } => {
  const { rng, officials, parcel, batch } = t.ctx;
  const terminate = instalments.length === 2 && rng.chance(0.04);
  let paidInFullOn: IsoDate = grantedOn;
  for (const instalment of instalments) {
    const { no, dueDate, amountFen } = instalment;
    if (terminate && no === 2) {
      const servedOn = addDays(dueDate, rng.int(5, 15));
      t.parcel(servedOn, `demand-${no}`, 'ServePaymentDemand', officials.patrol, {
        demandId: `CJ-${parcel.parcelId}-${no}`,
        instalmentNo: no,
        servedOn,
      });
      const terminatedOn = addDays(dueDate, rng.int(65, 90));
      t.parcel(terminatedOn, 'terminate', 'TerminateContract', officials.grantor, {
        instalmentNo: no,
        terminatedOn,
        ...(batch.city.jiangsu
          ? { governmentApprovalRef: `${batch.city.short}政复〔${terminatedOn.slice(0, 4)}〕${parcel.n}号` }
          : {}),
        reason: '受让人逾期60日以上未缴纳土地出让价款，经催交仍未缴纳',
      });
      creditEntry(t, addDays(terminatedOn, 5), 'credit-terminated', 'C4', {
        step: 'terminate',
        eventType: 'ContractTerminated',
      });
      return { paidInFullOn: null, terminatedOn };
    }
    const mode = rng.weighted([
      ['ontime', 75],
      ['late', 20],
      ['split', 5],
    ] as const);
    const payer = rng.chance(0.5) ? officials.grantor : officials.patrol;
    const pay = (k: number, paidOn: IsoDate, fen: number): void => {
      const paymentId = `PAY-${parcel.parcelId}-${no}-${k}`;
      t.parcel(paidOn, `pay-${no}-${k}`, 'RecordPayment', payer, {
        paymentId,
        instalmentNo: no,
        amountFen: fen,
        paidOn,
      });
      const recordedOn = addDays(paidOn, rng.chance(0.1) ? rng.int(20, 30) : rng.int(1, 8));
      t.parcel(recordedOn, `pay-info-${no}-${k}`, 'RecordPaymentInfo', officials.patrol, {
        paymentId,
        recordedOn,
        voucherRefs: [`PZ-${paymentId}`],
      });
    };
    if (mode === 'late') {
      const daysLate = rng.int(3, 45);
      const paidOn = addDays(dueDate, daysLate);
      if (daysLate > 20) {
        const servedOn = addDays(dueDate, rng.int(8, 15));
        t.parcel(servedOn, `demand-${no}`, 'ServePaymentDemand', officials.patrol, {
          demandId: `CJ-${parcel.parcelId}-${no}`,
          instalmentNo: no,
          servedOn,
        });
      }
      pay(1, paidOn, amountFen);
      if (daysLate > 30) {
        creditEntry(
          t,
          addDays(paidOn, rng.int(3, 10)),
          `credit-late-pay-${no}`,
          'C4',
          { step: `pay-${no}-1`, eventType: 'LatePaymentDamagesAssessed' },
          rng.chance(0.5) ? rng.int(20, 60) : undefined,
        );
      }
      paidInFullOn = maxDate(paidInFullOn, paidOn);
    } else if (mode === 'split') {
      const first = Math.round((amountFen * 0.6) / 100) * 100;
      const firstOn = maxDate(grantedOn, addDays(dueDate, -rng.int(5, 10)));
      pay(1, firstOn, first);
      const secondOn = addDays(firstOn, rng.int(1, 4));
      pay(2, secondOn, amountFen - first);
      paidInFullOn = maxDate(paidInFullOn, secondOn);
    } else {
      const paidOn = maxDate(grantedOn, addDays(dueDate, -rng.int(0, 6)));
      pay(1, paidOn, amountFen);
      paidInFullOn = maxDate(paidInFullOn, paidOn);
    }
  }
  return { paidInFullOn, terminatedOn: null };
};
