/**
 * Who runs a projection: the process holding its PostgreSQL session advisory lock. The locks
 * live on one dedicated connection per process, so they vanish with the process (or its
 * connection) and another process takes over at its next attempt. Embedded PGlite is one
 * process by construction, so its locks are held in memory.
 */
import pg from 'pg';

export interface ProjectionLocks {
  /** True when this process now holds `key` (or already did). */
  tryAcquire(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
  /** Resolves when the locks were lost (the connection died): every runner must stop. */
  readonly lost: Promise<void>;
  close(): Promise<void>;
}

export const inProcessLocks = (): ProjectionLocks => {
  const held = new Set<string>();
  return {
    tryAcquire: async (key) => {
      if (held.has(key)) return false;
      held.add(key);
      return true;
    },
    release: async (key) => {
      held.delete(key);
    },
    lost: new Promise<void>(() => undefined),
    close: async () => held.clear(),
  };
};

export const advisoryLocks = async (clientConfig: pg.ClientConfig): Promise<ProjectionLocks> => {
  const client = new pg.Client({ ...clientConfig, application_name: 'ledger-projection-locks' });
  let markLost: () => void = () => undefined;
  const lost = new Promise<void>((resolve) => (markLost = resolve));
  client.on('error', () => markLost());
  client.on('end', () => markLost());
  await client.connect();
  const held = new Set<string>();
  let closed = false;
  return {
    tryAcquire: async (key) => {
      if (held.has(key)) return false;
      const { rows } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
        [key],
      );
      if (rows[0]?.ok) held.add(key);
      return rows[0]?.ok === true;
    },
    release: async (key) => {
      if (!held.delete(key) || closed) return;
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(() => undefined);
    },
    lost,
    close: async () => {
      closed = true;
      held.clear();
      await client.end().catch(() => undefined);
    },
  };
};
