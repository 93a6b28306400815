/**
 * The read benchmark's world, generated lazily (a million parcels must not sit in memory as a
 * plan): batches of about five parcels, each batch one collective decision in one jurisdiction,
 * in the HTTP seeder's `Batch` shape so its scenario builders (scripts/seed/scenario.ts,
 * decision.ts) drive every parcel. Deal dates lean towards the horizon, so most parcels are in
 * their first years (granted, paying, delivered) and fewer have reached completion or an idle
 * case — as in a real ledger, and it keeps the log near ten events a parcel.
 * Pure: batch `i` depends only on the seed and `i`.
 */
import { addDays, HORIZON, type IsoDate } from '../seed/dates.js';
import { firmName } from '../seed/places.js';
import { seedTag, USES, type Batch, type ParcelSeed } from '../seed/plan.js';
import { rngFor, type Rng } from '../seed/prng.js';
import { READ_PLACES } from './read-places.js';

/** Oldest deal: about six years before the horizon. */
const MAX_AGE_DAYS = 2_200;
/** Share of batches dealt at any time in those six years; the rest are recent. */
const OLD_SHARE = 0.15;
/** Mean age of a recent batch (exponential): a few per cent are days old, still before signing. */
const RECENT_MEAN_DAYS = 100;

const dealDate = (rng: Rng): IsoDate => {
  const age = rng.chance(OLD_SHARE)
    ? rng.int(0, MAX_AGE_DAYS)
    : Math.min(MAX_AGE_DAYS, Math.floor(-RECENT_MEAN_DAYS * Math.log(1 - rng.next())));
  return addDays(HORIZON, -1 - age);
};

const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

const BATCH_SIZES = [
  [3, 2],
  [4, 3],
  [5, 4],
  [6, 3],
  [7, 2],
] as const;

export function* readBatches(seed: string, parcels: number): Generator<Batch> {
  const tag = seedTag(seed);
  // Land users per jurisdiction: some hold several parcels (and share one credit archive).
  const pool = Math.max(2, Math.floor(parcels / 40));
  for (let index = 0, n = 0; n < parcels; index++) {
    const rng = rngFor(`${seed}:read-batch:${index}`);
    const city = rng.weighted(READ_PLACES);
    const use = rng.weighted(USES);
    const size = Math.min(parcels - n, rng.weighted(BATCH_SIZES));
    // A transfer's deal may be days old (still DEAL_CONCLUDED); an allocation is issued within 5 days.
    const dealOn = minDate(dealDate(rng), addDays(HORIZON, use.kind === 'ALLOCATION' ? -6 : -1));
    const meetingOn = addDays(dealOn, -rng.int(25, 60));
    const year = dealOn.slice(0, 4);
    const members: ParcelSeed[] = [];
    for (let i = 0; i < size; i++, n++) {
      const pr = rngFor(`${seed}:read-parcel:${n}`);
      const area = pr.int(8_000, 120_000); // 0.8000 – 12.0000 ha
      const perHa = pr.int(use.perHaYuan[0], use.perHaYuan[1]);
      const priceYuan = Math.max(1_000_000, Math.round(((area / 10_000) * perHa) / 10_000) * 10_000);
      const dev = String(pr.int(0, pool)).padStart(4, '0');
      const landUserId = `LU-${city.code}-${tag}-${dev}`;
      members.push({
        n,
        parcelId: `P-${city.code}-${year}-${tag}-${String(n).padStart(6, '0')}`,
        landUser: {
          id: landUserId,
          name: firmName(city, Number(dev)),
          shareholderIds: Array.from({ length: pr.int(0, 2) }, (_, k) => `${landUserId}-H${k + 1}`),
        },
        areaHa: (area / 10_000).toFixed(4),
        priceFen: priceYuan * 100,
      });
    }
    yield {
      index,
      decisionId: `D-${city.code}-${year}-${tag}-${String(index).padStart(5, '0')}`,
      supplyPlanId: `SP-${city.code}-${year}-${tag}-${String(index).padStart(5, '0')}`,
      city,
      kind: use.kind,
      landUse: use.use,
      far: { min: use.far[0], max: use.far[1] },
      meetingOn,
      dealOn,
      parcels: members,
    };
  }
}
