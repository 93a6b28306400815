/**
 * Embedded PGlite is one session behind every socket connection: a pool that closes an idle
 * client and opens a new one finds the old client's prepared statements and fails. The service
 * therefore keeps its one embedded client for ever (found by the seed client: every command
 * failed after 10 s idle).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/open.js';
import { pgliteTestStore } from '../helpers/postgres.js';

t.test('a pool that drops idle clients breaks on PGlite, one that keeps them does not', async (t) => {
  for (const idleTimeoutMs of [100, 0]) {
    const ctx = await pgliteTestStore({ idleTimeoutMs });
    try {
      await ctx.store.readStream('parcel-X');
      await sleep(300);
      const second = await ctx.store.readStream('parcel-X').then(
        () => 'ok',
        (error: unknown) => String(error),
      );
      if (idleTimeoutMs === 0) t.equal(second, 'ok', 'kept client: the second read works');
      else t.match(second, /prepared statement|terminated/, 'dropped client: the re-prepared statement collides');
    } finally {
      await ctx.close().catch(() => undefined);
    }
  }
});

t.test('openDatabase keeps the embedded client and lets a server pool recycle', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-idle-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const embedded = await openDatabase(loadConfig({ DATA_DIR: dir }));
  t.equal(embedded.connection.pool.options.idleTimeoutMillis, 0);
  await embedded.close();
});
