import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { connectPostgres, type PostgresConnection } from './connect.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrateToLatest } from './migrations.js';

export interface OpenDatabase {
  readonly connection: PostgresConnection;
  /** True when running on embedded PGlite (single connection, single process). */
  readonly embedded: boolean;
  close(): Promise<void>;
}

/** DATABASE_URL if set, else PGlite persisted under DATA_DIR; migrated to the latest schema. */
export const openDatabase = async (config: Config): Promise<OpenDatabase> => {
  const embedded = config.DATABASE_URL === undefined ? await startEmbeddedPostgres(resolve(config.DATA_DIR, 'pglite')) : null;
  try {
    const connection = connectPostgres({
      connectionString: embedded?.connectionString ?? (config.DATABASE_URL as string),
      poolMax: embedded ? 1 : config.DATABASE_POOL_MAX,
      idleInTransactionTimeoutMs: config.IDLE_IN_TRANSACTION_TIMEOUT_MS,
    });
    try {
      await migrateToLatest(connection.db, config.DATABASE_SCHEMA);
    } catch (error) {
      await connection.close();
      throw error;
    }
    return {
      connection,
      embedded: embedded !== null,
      close: async () => {
        await connection.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
};
