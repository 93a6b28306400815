/**
 * Query latencies of the parcel read model, measured on the query functions themselves
 * (src/projections/parcels/queries.ts — what the HTTP routes call), one query at a time.
 */
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/database.js';
import type { ParcelTables } from '../../src/projections/parcels/tables.js';
import { getParcel, listDeadlines, listParcels, type ReadScope } from '../../src/projections/parcels/queries.js';
import { addDays, HORIZON } from '../seed/dates.js';
import { rngFor } from '../seed/prng.js';
import { READ_PLACES } from './read-places.js';

/** The day the flags are judged on: the seeded world's horizon. */
export const ON = HORIZON;

export interface QueryFigures {
  readonly get: number[];
  readonly list: number[];
  readonly queue: number[];
  /** Rows returned by list and queue pages (a filter that matches nothing measures nothing). */
  readonly listRows: number;
  readonly queueRows: number;
}

const timed = async <T>(samples: number[], fn: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await fn();
  samples.push(performance.now() - start);
  return result;
};

const PAGES = 4;
const LIMIT = 50;

export const parcelIds = async (db: Kysely<Database>, schema: string): Promise<string[]> =>
  (await db.withSchema(schema).selectFrom('parcels').select('parcel_id').execute()).map((r) => r.parcel_id);

/**
 * `gets` get_parcel calls on random existing ids; `lists` list_parcels walks (a city's parcels
 * in a status with a flag, limit 50, up to 4 pages) and as many deadline-queue walks (a city or
 * county, due before a date a month or so ahead), each page one sample.
 */
export const measureQueries = async (
  db: Kysely<ParcelTables>,
  ids: readonly string[],
  options: { gets: number; lists: number; seed: string },
): Promise<QueryFigures> => {
  const rng = rngFor(`${options.seed}:read-bench-queries`);
  const figures = { get: [] as number[], list: [] as number[], queue: [] as number[], listRows: 0, queueRows: 0 };
  const national: ReadScope = { divisionPrefix: null };
  for (let i = 0; i < options.gets; i++) {
    const id = ids[rng.int(0, ids.length - 1)] as string;
    const view = await timed(figures.get, () => getParcel(db, id, national, ON));
    if (view === null) throw new Error(`get_parcel found no ${id}`);
  }
  const statuses = [['GRANTED', 'DELIVERED'], ['CERTIFIED', 'STARTED'], ['DELIVERED']];
  const flags = [{ overdue: true }, { late: true }, { overdue: false }, { idle: true }];
  for (let i = 0; i < options.lists; i++) {
    const [city] = READ_PLACES[rng.int(0, READ_PLACES.length - 1)] as (typeof READ_PLACES)[number];
    const scope: ReadScope = { divisionPrefix: city.province };
    let cursor: string | undefined;
    for (let page = 0; page < PAGES; page++) {
      const result = await timed(figures.list, () =>
        listParcels(db, scope, {
          jurisdiction: city.code,
          status: statuses[i % statuses.length],
          ...flags[i % flags.length],
          on: ON,
          limit: LIMIT,
          ...(cursor === undefined ? {} : { cursor }),
        }),
      );
      figures.listRows += result.items.length;
      if (result.nextCursor === null) break;
      cursor = result.nextCursor;
    }
    cursor = undefined;
    const dueBefore = addDays(ON, rng.int(7, 60));
    for (let page = 0; page < PAGES; page++) {
      const result = await timed(figures.queue, () =>
        listDeadlines(db, scope, {
          jurisdiction: city.code,
          dueBefore,
          on: ON,
          limit: LIMIT,
          ...(cursor === undefined ? {} : { cursor }),
        }),
      );
      figures.queueRows += result.items.length;
      if (result.nextCursor === null) break;
      cursor = result.nextCursor;
    }
  }
  return figures;
};
