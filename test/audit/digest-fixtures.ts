/** Helpers of the digest, bundle and verify-chain tests. */
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { eventHash } from '../../src/eventstore/hash-chain.js';
import type { EventStore, JsonObject } from '../../src/eventstore/types.js';

/**
 * Waits until readAll returns every committed event: it stops at the oldest transaction still open
 * anywhere on the server (other tests share it), and a digest's cut is what readAll returns.
 */
export const untilReadable = async (store: EventStore, pool: pg.Pool, schema: string): Promise<void> => {
  for (let attempt = 0; attempt < 1200; attempt++) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".events`);
    let read = 0;
    let after: string | null = null;
    for (;;) {
      const page = await store.readAll({ after, limit: 5000 });
      if (page.events.length === 0) break;
      read += page.events.length;
      after = page.events.at(-1)?.position ?? after;
    }
    if (read >= (rows[0]?.n ?? 0)) return;
    await sleep(100);
  }
  throw new Error('the log did not become readable within 2 minutes');
};

/**
 * A consistent rewrite behind the store's back: `edit` changes one event's data, and that event's
 * hash and every later one of its stream are recomputed, so each chain still verifies.
 */
export const rewriteStream = async (
  pool: pg.Pool,
  schema: string,
  stream: string,
  revision: number,
  edit: (data: JsonObject) => JsonObject,
): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const { rows } = await client.query<{ revision: number; type: string; data: JsonObject; metadata: JsonObject }>(
      `SELECT revision, type, data, metadata FROM "${schema}".events WHERE stream = $1 ORDER BY revision`,
      [stream],
    );
    let prevHash = '';
    for (const row of rows) {
      const data = row.revision === revision ? edit(row.data) : row.data;
      if (row.revision >= revision) {
        const metadata = { ...row.metadata, prevHash } as unknown as Parameters<typeof eventHash>[1]['metadata'];
        const hash = eventHash(prevHash, { type: row.type, data, metadata }, row.revision);
        await client.query(
          `UPDATE "${schema}".events SET data = $1, metadata = $2 WHERE stream = $3 AND revision = $4`,
          [data, { ...metadata, hash }, stream, row.revision],
        );
        prevHash = hash;
      } else prevHash = row.metadata.hash as string;
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
};
