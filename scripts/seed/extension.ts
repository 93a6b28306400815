/**
 * Extensions (T17 lead time, T18 maximum; S4 §十二): some users apply in time and are granted
 * or refused; a few apply too late, which the service refuses (EXTENSION_REQUEST_TOO_LATE).
 */
import { addDays, addYears, daysBetween, type IsoDate } from './dates.js';
import type { Milestone, Schedule } from './construction.js';
import type { Timeline } from './timeline.js';

export interface Extended {
  readonly schedule: Schedule;
  /** The user asked and was refused, or asked too late: the start will be late. */
  readonly lateStart: boolean;
}

const REASONS = ['规划设计方案调整，施工图审查延后', '项目融资安排调整', '周边配套道路尚未建成', '文物勘探工作延期'];

const request = (
  t: Timeline,
  name: string,
  kind: 'START' | 'COMPLETION',
  requestedOn: IsoDate,
  requestedDate: IsoDate,
  expectCode?: string,
): string => {
  const { user, parcel, rng } = t.ctx;
  const requestId = `YQ-${parcel.parcelId}-${name}`;
  t.parcel(
    requestedOn,
    `extension-${name}`,
    'RequestExtension',
    user,
    { requestId, kind, requestedDate, reason: rng.pick(REASONS), requestedOn },
    expectCode,
  );
  return requestId;
};

export const startExtension = (t: Timeline, schedule: Schedule): Extended => {
  const { rng, officials, parcel } = t.ctx;
  const mode = rng.weighted([
    ['none', 84],
    ['approve', 8],
    ['reject', 4],
    ['late', 4],
  ] as const);
  if (mode === 'none') return { schedule, lateStart: false };
  const requestedDate = addDays(schedule.agreedStart, rng.int(60, 240));
  if (mode === 'late') {
    request(
      t,
      'start-late',
      'START',
      addDays(schedule.agreedStart, -rng.int(3, 15)),
      requestedDate,
      'EXTENSION_REQUEST_TOO_LATE',
    );
    return { schedule, lateStart: true };
  }
  const requestedOn = addDays(schedule.agreedStart, -rng.int(60, 100));
  const requestId = request(t, 'start', 'START', requestedOn, requestedDate);
  const decidedOn = addDays(requestedOn, rng.int(5, 20));
  if (mode === 'reject') {
    t.parcel(decidedOn, 'extension-start-decision', 'DecideExtension', officials.grantor, {
      requestId,
      decision: 'REJECT',
      decidedOn,
      reason: '延期理由不属于不可抗力或政府原因',
    });
    return { schedule, lateStart: true };
  }
  const approvedDate = addDays(requestedDate, -rng.int(0, 30));
  t.parcel(decidedOn, 'extension-start-decision', 'DecideExtension', officials.grantor, {
    requestId,
    decision: 'APPROVE',
    decidedOn,
    approvedDate,
    approvalRef: `延批〔${decidedOn.slice(0, 4)}〕${parcel.n}号`,
  });
  const shift = daysBetween(schedule.agreedStart, approvedDate);
  return {
    schedule: { agreedStart: approvedDate, agreedCompletion: addDays(schedule.agreedCompletion, shift) },
    lateStart: false,
  };
};

/**
 * A completion extension for some started parcels, requested in time and granted, within a
 * year of the originally agreed completion (T18).
 */
export const completionExtension = (
  t: Timeline,
  schedule: Schedule,
  started: Milestone,
  originalCompletion: IsoDate,
): Schedule => {
  const { rng, officials, parcel } = t.ctx;
  if (!rng.chance(0.06)) return schedule;
  const requestedOn = addDays(schedule.agreedCompletion, -rng.int(60, 120));
  if (requestedOn <= started.verifiedOn) return schedule;
  const wanted = addDays(schedule.agreedCompletion, rng.int(90, 300));
  const limit = addDays(addYears(originalCompletion, 1), -5);
  const requestedDate = wanted < limit ? wanted : limit;
  if (requestedDate <= addDays(schedule.agreedCompletion, 30)) return schedule;
  const requestId = request(t, 'completion', 'COMPLETION', requestedOn, requestedDate);
  const decidedOn = addDays(requestedOn, rng.int(5, 20));
  t.parcel(decidedOn, 'extension-completion-decision', 'DecideExtension', officials.grantor, {
    requestId,
    decision: 'APPROVE',
    decidedOn,
    approvalRef: `延批〔${decidedOn.slice(0, 4)}〕${parcel.n}-2号`,
  });
  return { agreedStart: schedule.agreedStart, agreedCompletion: requestedDate };
};
