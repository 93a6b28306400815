/**
 * The read side as the service and the scripts use it: the projection host (when this process
 * runs projections), the status of every projection, and read-your-writes positions.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../database.js';
import type { ProjectionBookkeeping } from './bookkeeping.table.js';
import type { AccessLogTables } from './access-log/tables.js';
import type { SupplyRecordTables } from './supply-records/tables.js';
import type { CreditTables } from './credit/tables.js';
import type { DecisionTables } from './decisions/tables.js';
import type { LinkageTables } from './linkage/tables.js';
import type { ParcelTables } from './parcels/tables.js';
import type { ReportObligationTables } from './report-obligations/tables.js';
import type { PostgresConnection } from '../db/connect.js';
import type { EventStore } from '../eventstore/types.js';
import { startProjectionHost, type ProjectionHost } from './host.js';
import { advisoryLocks, inProcessLocks } from './lock.js';
import type { Projection } from './projection.js';
import { readPosition, type ReadPosition } from './read-position.js';
import { PROJECTIONS } from './registry.js';
import { projectionStatuses, type ProjectionStatus } from './status.js';

/** The base schema's views, typed per read model (one connection pool underneath). */
export interface ReadModels {
  readonly parcels: Kysely<ParcelTables>;
  readonly credit: Kysely<CreditTables>;
  readonly decisions: Kysely<DecisionTables>;
  readonly accessLog: Kysely<AccessLogTables>;
  readonly supplyRecords: Kysely<SupplyRecordTables>;
  readonly linkage: Kysely<LinkageTables>;
  readonly reportObligations: Kysely<ReportObligationTables>;
}

export interface ReadSide {
  readonly db: Kysely<Database>;
  readonly models: ReadModels;
  status(): Promise<ProjectionStatus[]>;
  /** Position the named read models reflect, after waiting (≤ 2 s) for `minPosition` if given. */
  position(projections: readonly string[], minPosition?: string): Promise<ReadPosition>;
  /** Names of the generations this process runs ("parcels#1"). */
  running(): string[];
  stop(): Promise<void>;
}

export interface ReadSideOptions {
  readonly connection: PostgresConnection<Database>;
  readonly embedded: boolean;
  readonly schema: string;
  readonly store: EventStore;
  readonly logger: Logger;
  /** Run the projections in this process (the service's default; `npm run projections`). */
  readonly runProjections: boolean;
  readonly projections?: readonly Projection[];
  readonly batchSize?: number;
}

export const openReadSide = async (options: ReadSideOptions): Promise<ReadSide> => {
  const { connection, schema, store, logger } = options;
  const projections = options.projections ?? PROJECTIONS;
  // The bookkeeping tables are part of Database; kysely's types are invariant, so narrow by cast.
  const db = connection.db as unknown as Kysely<ProjectionBookkeeping>;
  let host: ProjectionHost | null = null;
  let closeLocks = async (): Promise<void> => undefined;
  if (options.runProjections) {
    const locks = options.embedded ? inProcessLocks() : await advisoryLocks(connection.clientConfig);
    closeLocks = () => locks.close();
    host = startProjectionHost({
      store,
      db,
      schema,
      projections,
      locks,
      logger: logger.child({ component: 'projections' }),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    });
  }
  // Each read model's queries know only their own tables; kysely's types are invariant, so narrow by cast.
  const models: ReadModels = {
    parcels: connection.db.withSchema(schema) as unknown as Kysely<ParcelTables>,
    credit: connection.db.withSchema(schema) as unknown as Kysely<CreditTables>,
    decisions: connection.db.withSchema(schema) as unknown as Kysely<DecisionTables>,
    accessLog: connection.db.withSchema(schema) as unknown as Kysely<AccessLogTables>,
    supplyRecords: connection.db.withSchema(schema) as unknown as Kysely<SupplyRecordTables>,
    linkage: connection.db.withSchema(schema) as unknown as Kysely<LinkageTables>,
    reportObligations: connection.db.withSchema(schema) as unknown as Kysely<ReportObligationTables>,
  };
  return {
    db: connection.db,
    models,
    status: () => projectionStatuses(db, schema, store, projections),
    position: (names, minPosition) => readPosition(db, schema, store, names, minPosition),
    running: () => host?.running() ?? [],
    stop: async () => {
      await host?.stop();
      await closeLocks();
    },
  };
};
