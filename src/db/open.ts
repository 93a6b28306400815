import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { connectPostgres, type PostgresConnection } from './connect.js';
import { startEmbeddedPostgres } from './embedded.js';

export interface OpenDatabase<DB> {
  readonly connection: PostgresConnection<DB>;
  /** True when running on embedded PGlite (single connection, single process). */
  readonly embedded: boolean;
  close(): Promise<void>;
}

/**
 * DATABASE_URL if set, else PGlite persisted under DATA_DIR. Connects only: it never migrates,
 * so read-only tools can use it (src/database.ts migrates, called by the service and `npm run migrate`).
 */
export const openDatabase = async <DB>(config: Config): Promise<OpenDatabase<DB>> => {
  const embedded =
    config.DATABASE_URL === undefined ? await startEmbeddedPostgres(resolve(config.DATA_DIR, 'pglite')) : null;
  try {
    const connection = connectPostgres<DB>({
      connectionString: embedded?.connectionString ?? (config.DATABASE_URL as string),
      poolMax: embedded ? 1 : config.DATABASE_POOL_MAX,
      ...(embedded ? { idleTimeoutMs: 0 } : {}),
      idleInTransactionTimeoutMs: config.IDLE_IN_TRANSACTION_TIMEOUT_MS,
    });
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
