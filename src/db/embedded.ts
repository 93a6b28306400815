import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL for pg / kysely, on a loopback port chosen by the OS. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

/**
 * The embedded default: PGlite persisted under `dataDir`, served on loopback through
 * pglite-socket so the application talks the same pg + kysely code as in production.
 * PGlite is single-connection, so callers use a pool of one.
 */
export const startEmbeddedPostgres = async (dataDir: string | null): Promise<EmbeddedPostgres> => {
  if (dataDir !== null) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://');
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  return {
    connectionString: `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
};
