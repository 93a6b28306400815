/**
 * Site inspections at the key dates and periodically (T16), each handed over to the land-use
 * section (T15: 5 wd; some late). None after the parcel left supervision (terminated, recovered).
 */
import { addDays, type IsoDate } from './dates.js';
import type { Milestone, Schedule } from './construction.js';
import type { Timeline } from './timeline.js';

type Kind = 'AGREED_START' | 'AGREED_COMPLETION' | 'ACTUAL_START' | 'COMPLETION_ACCEPTANCE' | 'PERIODIC' | 'AD_HOC';

export interface InspectionPlan {
  readonly grantedOn: IsoDate;
  readonly schedule: Schedule;
  readonly inspectorIds: readonly string[];
  readonly started: Milestone | null;
  readonly completed: Milestone | null;
  /** Terminated or recovered on this day: nothing is inspected from then on. */
  readonly endOn: IsoDate | null;
}

const FINDINGS: Record<Kind, string> = {
  AGREED_START: '约定开工日现场核查',
  AGREED_COMPLETION: '约定竣工日现场核查',
  ACTUAL_START: '已开工，基坑开挖完成',
  COMPLETION_ACCEPTANCE: '竣工验收现场核查，与规划条件一致',
  PERIODIC: '定期巡查，全景照片同角度拍摄',
  AD_HOC: '群众反映情况现场核实',
};

export const inspections = (t: Timeline, plan: InspectionPlan): void => {
  const { rng, officials, parcel } = t.ctx;
  let k = 0;
  const inspect = (kind: Kind, inspectedOn: IsoDate, findings = FINDINGS[kind]): void => {
    const handedOverOn = addDays(inspectedOn, rng.chance(0.1) ? rng.int(9, 14) : rng.int(1, 6));
    if (inspectedOn < plan.grantedOn || (plan.endOn !== null && handedOverOn >= plan.endOn)) return;
    k++;
    const inspectionId = `XC-${parcel.parcelId}-${k}`;
    t.parcel(inspectedOn, `inspect-${k}`, 'RecordSiteInspection', officials.inspector, {
      inspectionId,
      inspectedOn,
      kind,
      inspectorId: rng.pick(plan.inspectorIds),
      findings,
      photoRefs: [`IMG-${inspectionId}-A`, `IMG-${inspectionId}-B`],
    });
    t.parcel(handedOverOn, `hand-over-${k}`, 'HandOverInspectionRecord', officials.inspector, {
      inspectionId,
      handedOverOn,
    });
  };
  const { schedule, started, completed } = plan;
  inspect(
    'AGREED_START',
    addDays(schedule.agreedStart, rng.int(0, 7)),
    started && started.actualOn <= schedule.agreedStart ? '已按期开工' : '约定开工日现场核查：未动工',
  );
  if (started !== null) inspect('ACTUAL_START', addDays(started.verifiedOn, rng.int(1, 10)));
  const from = started?.actualOn ?? schedule.agreedStart;
  const until = completed?.actualOn ?? null;
  let on = addDays(from, rng.int(150, 200));
  for (let i = 0; i < 4 && (until === null || on < until); i++, on = addDays(on, rng.int(150, 200))) {
    inspect('PERIODIC', on, started === null ? '定期巡查：地块未动工，现状为空地' : FINDINGS.PERIODIC);
  }
  if (started !== null) inspect('AGREED_COMPLETION', addDays(schedule.agreedCompletion, rng.int(0, 7)));
  if (completed !== null) inspect('COMPLETION_ACCEPTANCE', addDays(completed.verifiedOn, rng.int(1, 10)));
  if (rng.chance(0.1)) inspect('AD_HOC', addDays(plan.grantedOn, rng.int(30, 400)));
};
