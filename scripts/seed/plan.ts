/**
 * The seeded world: batches of parcels, each batch decided by one collective decision in one
 * city (one supply plan, one land use, one supply method), each parcel with its land user.
 * Pure: the same seed and parcel count give the same plan.
 */
import { addDays, daysBetween, type IsoDate } from './dates.js';
import { CITIES, firmName, type City } from './places.js';
import { rngFor } from './prng.js';

export type GrantKind = 'TRANSFER' | 'ALLOCATION';
export interface LandUse {
  readonly code: '05' | '06' | '07' | '08' | '10';
  readonly residentialSubclass: number | null;
}

export interface LandUser {
  readonly id: string;
  readonly name: string;
  readonly shareholderIds: readonly string[];
}

export interface ParcelSeed {
  readonly n: number;
  readonly parcelId: string;
  readonly landUser: LandUser;
  /** Area in hectares, 4 decimals. */
  readonly areaHa: string;
  /** Transfer: the deal price (multiple of 1 000 000 fen); allocation: the allocation price. */
  readonly priceFen: number;
}

export interface Batch {
  readonly index: number;
  readonly decisionId: string;
  readonly supplyPlanId: string;
  readonly city: City;
  readonly kind: GrantKind;
  readonly landUse: LandUse;
  readonly far: { readonly min: string; readonly max: string };
  /** Meeting date; the bidding (transfer) or grant (allocation) follows it. */
  readonly meetingOn: IsoDate;
  /** Bidding day of a transfer batch; allocation: the day the decisions are issued. */
  readonly dealOn: IsoDate;
  readonly parcels: readonly ParcelSeed[];
}

const FIRST_DEAL: IsoDate = '2023-01-09';
const LAST_DEAL: IsoDate = '2026-08-31';

/** Land uses and supply methods by weight (exported for the read benchmark's own planner). */
export const USES: readonly (readonly [
  { kind: GrantKind; use: LandUse; far: [string, string]; perHaYuan: [number, number] },
  number,
])[] = [
  [
    {
      kind: 'TRANSFER',
      use: { code: '07', residentialSubclass: 3 },
      far: ['1.2', '2.5'],
      perHaYuan: [8_000_000, 40_000_000],
    },
    30,
  ],
  [
    {
      kind: 'TRANSFER',
      use: { code: '07', residentialSubclass: 2 },
      far: ['1.5', '2.8'],
      perHaYuan: [6_000_000, 25_000_000],
    },
    12,
  ],
  [
    {
      kind: 'TRANSFER',
      use: { code: '05', residentialSubclass: null },
      far: ['2.0', '4.5'],
      perHaYuan: [5_000_000, 30_000_000],
    },
    15,
  ],
  [
    {
      kind: 'TRANSFER',
      use: { code: '06', residentialSubclass: null },
      far: ['1.0', '2.0'],
      perHaYuan: [800_000, 2_500_000],
    },
    25,
  ],
  [
    {
      kind: 'ALLOCATION',
      use: { code: '08', residentialSubclass: null },
      far: ['0.8', '1.6'],
      perHaYuan: [300_000, 1_200_000],
    },
    12,
  ],
  [
    {
      kind: 'ALLOCATION',
      use: { code: '10', residentialSubclass: null },
      far: ['0.1', '0.5'],
      perHaYuan: [100_000, 500_000],
    },
    6,
  ],
];

/** Ids carry the seed, so different seeds never collide in one database. */
export const seedTag = (seed: string): string => `s${seed.replace(/[^A-Za-z0-9]/g, '')}`;

export const makeBatches = (seed: string, parcels: number): Batch[] => {
  const tag = seedTag(seed);
  const rng = rngFor(`${seed}:world`);
  const span = daysBetween(FIRST_DEAL, LAST_DEAL);
  const batches: Batch[] = [];
  let n = 0;
  while (n < parcels) {
    const index = batches.length;
    const city = rng.weighted(CITIES);
    const use = rng.weighted(USES);
    const size = Math.min(
      parcels - n,
      rng.weighted([
        [1, 3],
        [2, 4],
        [3, 3],
        [4, 2],
      ] as const),
    );
    const dealOn = addDays(FIRST_DEAL, rng.int(0, span));
    const meetingOn = addDays(dealOn, -rng.int(25, 60));
    const year = dealOn.slice(0, 4);
    const members: ParcelSeed[] = [];
    for (let i = 0; i < size; i++, n++) {
      const pr = rngFor(`${seed}:parcel:${n}`);
      const area = pr.int(8_000, 120_000); // 0.8000 – 12.0000 ha
      const perHa = pr.int(use.perHaYuan[0], use.perHaYuan[1]);
      const priceYuan = Math.max(1_000_000, Math.round(((area / 10_000) * perHa) / 10_000) * 10_000);
      // A developer pool per city: some land users hold several parcels (and one credit archive).
      const dev = pr.int(0, Math.max(2, Math.floor(parcels / 6)));
      const shareholders = pr.int(0, 2);
      members.push({
        n,
        parcelId: `P-${city.code}-${year}-${tag}-${String(n).padStart(4, '0')}`,
        landUser: {
          id: `LU-${city.code}-${tag}-${String(dev).padStart(3, '0')}`,
          name: firmName(city, dev),
          shareholderIds: Array.from(
            { length: shareholders },
            (_, k) => `LU-${city.code}-${tag}-${String(dev).padStart(3, '0')}-H${k + 1}`,
          ),
        },
        areaHa: (area / 10_000).toFixed(4),
        priceFen: priceYuan * 100,
      });
    }
    batches.push({
      index,
      decisionId: `D-${city.code}-${year}-${tag}-${String(index).padStart(3, '0')}`,
      supplyPlanId: `SP-${city.code}-${year}-${tag}-${String(index).padStart(3, '0')}`,
      city,
      kind: use.kind,
      landUse: use.use,
      far: { min: use.far[0], max: use.far[1] },
      meetingOn,
      dealOn,
      parcels: members,
    });
  }
  return batches;
};
