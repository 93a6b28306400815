/**
 * Credit-archive entries for a parcel's breaches (DOMAIN.md §7.1: C3 late start/completion, C4
 * late payment, C5 idle land), citing the breach event from an earlier answer, and for some the
 * lifting procedure of §7.3 (E7): the user asks, the province verifies, the ministry lifts.
 */
import { creditEntryId } from '../../src/domain/credit/entry-id.js';
import { eventIdOf } from './client.js';
import { addDays, type IsoDate } from './dates.js';
import type { Results, Timeline } from './timeline.js';

export type Trigger = 'C1' | 'C2' | 'C3' | 'C4' | 'C5';

const REASONS: Record<Trigger, string> = {
  C1: '未及时签订土地出让合同',
  C2: '未提交开竣工申报书',
  C3: '未按合同约定开竣工',
  C4: '不及时缴纳土地价款',
  C5: '存在闲置土地',
};

export interface Evidence {
  /** Name of the earlier step whose answer holds the breach event. */
  readonly step: string;
  readonly eventType: string;
  readonly caseId?: string;
}

/** Adds an entry on `on`; with `liftAfter`, the lift procedure follows that many days later. */
export const creditEntry = (
  t: Timeline,
  on: IsoDate,
  name: string,
  trigger: Trigger,
  evidence: Evidence,
  liftAfter?: number,
): void => {
  const { parcel, officials, user } = t.ctx;
  const ref = (r: Results) => ({
    parcelId: parcel.parcelId,
    eventId: eventIdOf(r.get(evidence.step) ?? missing(evidence.step), evidence.eventType),
    caseId: evidence.caseId ?? null,
  });
  t.credit(on, `${name}-add`, 'AddCreditEntry', officials.patrol, (r) => ({
    landUserId: parcel.landUser.id,
    trigger,
    evidenceRef: ref(r),
    controllingShareholderIds: parcel.landUser.shareholderIds,
    reason: REASONS[trigger],
  }));
  if (liftAfter === undefined) return;
  const entryId = (r: Results) => creditEntryId(trigger, ref(r));
  const requestedOn = addDays(on, liftAfter);
  t.credit(requestedOn, `${name}-lift-request`, 'RequestCreditEntryLift', user, (r) => ({
    entryId: entryId(r),
    rectification:
      trigger === 'C5'
        ? '已缴纳土地闲置费并动工建设'
        : trigger === 'C4'
          ? '已缴清全部土地价款及违约金'
          : '已按新的开竣工时间整改到位',
  }));
  t.credit(addDays(requestedOn, 15), `${name}-verify`, 'VerifyRectification', officials.province, (r) => ({
    entryId: entryId(r),
    documentNo: `省自然资核〔${requestedOn.slice(0, 4)}〕${parcel.n}号`,
  }));
  t.credit(addDays(requestedOn, 30), `${name}-lift`, 'LiftCreditEntry', officials.ministry, (r) => ({
    entryId: entryId(r),
    announcementRef: `中国土地市场网公告${requestedOn.slice(0, 4)}-${String(parcel.n).padStart(3, '0')}`,
  }));
};

const missing = (step: string): never => {
  throw new Error(`credit evidence step ${step} has no answer`);
};
