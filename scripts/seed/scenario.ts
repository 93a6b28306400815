/**
 * One parcel's whole life, chosen by its own PRNG: grant, payments and delivery, certificate,
 * then either construction (with extensions) or an idle-land case, inspections throughout,
 * credit entries for its breaches. Returns the dated commands; nothing is sent here.
 */
import { cityActors, landUserActor } from './actors.js';
import { certificate, completion, start, type Milestone, type Schedule } from './construction.js';
import { addDays, addYears, daysBetween, HORIZON, type IsoDate } from './dates.js';
import { completionExtension, startExtension } from './extension.js';
import { grant } from './grant.js';
import { idleTypeA, idleTypeB, type IdleVariant } from './idle.js';
import { inspections } from './inspections.js';
import type { Batch, ParcelSeed } from './plan.js';
import { rngFor } from './prng.js';
import { Timeline } from './timeline.js';

type Path = 'build' | IdleVariant | 'typeB';

const choosePath = (t: Timeline, agreedStart: IsoDate): Path => {
  const { rng } = t.ctx;
  const canIdle = addDays(addYears(agreedStart, 1), 90) <= HORIZON;
  const canRecover = addDays(addYears(agreedStart, 2), 60) <= HORIZON;
  const canHalt = addDays(addYears(agreedStart, 1), 200) <= HORIZON;
  const path = rng.weighted<Path>([
    ['build', 84],
    ['fee', 5],
    ['gov', 3],
    ['temporary', 1],
    ['recovery', 3],
    ['typeB', 4],
  ]);
  if (path === 'recovery' && !canRecover) return canIdle ? 'fee' : 'build';
  if (path === 'typeB') return canHalt ? 'typeB' : 'build';
  return path === 'build' || canIdle ? path : 'build';
};

export const parcelScenario = (seed: string, batch: Batch, parcel: ParcelSeed): Timeline => {
  const t = new Timeline({
    batch,
    parcel,
    officials: cityActors(batch.city),
    user: landUserActor(parcel.landUser.id, parcel.landUser.name, batch.city),
    rng: rngFor(`${seed}:life:${parcel.n}`),
  });
  const g = grant(t);
  let schedule: Schedule | null = { agreedStart: g.agreedStart, agreedCompletion: g.agreedCompletion };
  const base = { grantedOn: g.grantedOn, inspectorIds: g.inspectorIds };
  if (g.terminatedOn !== null) {
    inspections(t, { ...base, schedule, started: null, completed: null, endOn: g.terminatedOn });
    return t;
  }
  certificate(t, g);
  // §5.2(1): the idle clock runs from the agreed start shifted by the grantor's late delivery.
  const idleStart = addDays(g.agreedStart, Math.max(0, daysBetween(g.deliveryDate, g.deliveredOn)));
  const path = choosePath(t, idleStart);
  let started: Milestone | null = null;
  let completed: Milestone | null = null;
  let endOn: IsoDate | null = null;
  if (path === 'build' || path === 'typeB') {
    const extended = startExtension(t, schedule);
    schedule = extended.schedule;
    started = start(t, schedule, extended.lateStart ? { late: true } : {});
  } else {
    const idle = idleTypeA(t, schedule, idleStart, path);
    endOn = idle.endOn;
    if (idle.schedule !== null) {
      schedule = idle.schedule;
      started = start(t, schedule, idle.notBefore === null ? {} : { notBefore: idle.notBefore });
    }
  }
  if (path === 'typeB' && started !== null) idleTypeB(t, started, parcel.areaHa, g.totalInvestmentFen);
  else if (started !== null) {
    schedule = completionExtension(t, schedule, started, g.agreedCompletion);
    completed = completion(t, schedule, started);
  }
  inspections(t, { ...base, schedule, started, completed, endOn });
  return t;
};
