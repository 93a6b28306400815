import type { EventStore } from '../../eventstore/types.js';
import type { ReadSide } from '../../projections/read-side.js';

/** What the query routes need; without it the app serves no queries. */
export interface QueryDependencies {
  readonly readSide: ReadSide;
  /** The base schema (bookkeeping tables). */
  readonly schema: string;
  /** Orders positions (read-your-writes) and reads lag for GET /projections. */
  readonly store: EventStore;
}
