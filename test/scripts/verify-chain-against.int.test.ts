/**
 * `npm run digest` and `npm run verify-chain -- --against`: a database rewritten consistently (an
 * event edited and every later hash of its stream recomputed) still passes the chain check, but not
 * the comparison with a digest kept outside, which names the stream.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { chainEvents } from '../../src/eventstore/hash-chain.js';
import { untilReadable, rewriteStream } from '../audit/digest-fixtures.js';
import { newEvent, uniqueStream } from '../helpers/events.js';
import { postgresTestStore, testDatabaseUrl, type TestStore } from '../helpers/postgres.js';

let ctx: TestStore;
const dir = mkdtempSync(join(tmpdir(), 'verify-chain-'));
t.before(async () => {
  ctx = await postgresTestStore();
});
t.teardown(async () => {
  rmSync(dir, { recursive: true, force: true });
  await ctx.close();
});

const run = (script: string, args: string[], schema = ctx.schema) =>
  spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema },
    encoding: 'utf8',
  });

t.test(
  'a consistent rewrite: verify-chain alone says ok, --against the kept digest exits 1 naming the stream',
  async (t) => {
    const streams = Array.from({ length: 5 }, () => uniqueStream());
    for (const stream of streams) {
      const events = chainEvents('', 0, [
        newEvent('Granted'),
        newEvent('Paid', { amountFen: 100 }),
        newEvent('Delivered'),
      ]);
      await ctx.store.append(stream, events, { expectedRevision: 'no_stream' });
    }
    await untilReadable(ctx.store, ctx.connection.pool, ctx.schema);

    const recorded = run('digest', ['--heads']);
    t.equal(recorded.status, 0, recorded.stderr);
    const digest = JSON.parse(recorded.stdout) as { root: string; upTo: string; streams: number; heads: unknown[] };
    t.match(digest, { sequence: 0, root: /^[0-9a-f]{64}$/, streams: 5, events: 15, previousRoot: null });
    t.equal(digest.heads.length, 5);
    const withHeads = join(dir, 'digest.json');
    writeFileSync(withHeads, recorded.stdout);
    const { heads: _heads, ...bare } = digest;
    const withoutHeads = join(dir, 'digest-bare.json');
    writeFileSync(withoutHeads, JSON.stringify(bare));

    const again = run('digest', []);
    t.equal(again.status, 0);
    t.match(again.stderr, /nothing recorded \(unchanged\)/, 'nothing moved: no second digest');

    const clean = run('verify-chain', ['--against', withHeads]);
    t.equal(clean.status, 0, clean.stdout + clean.stderr);
    t.match(clean.stdout, /6 streams, 16 events, 0 broken/);
    t.match(clean.stdout, `ROOT ok: ${digest.root}`);
    t.match(clean.stdout, /still in the digest stream \(#0, same root\)/);
    t.equal(run('verify-chain', ['--against', digest.root]).status, 0, 'a bare root: the cut of the digest with it');

    const victim = streams[2] as string;
    await rewriteStream(ctx.connection.pool, ctx.schema, victim, 1, (data) => ({ ...data, amountFen: 1 }));

    const alone = run('verify-chain', []);
    t.equal(alone.status, 0, 'every chain still verifies');
    t.match(alone.stdout, /0 broken/);

    const against = run('verify-chain', ['--against', withHeads]);
    t.equal(against.status, 1, against.stdout + against.stderr);
    t.match(against.stdout, `ROOT MISMATCH at ${digest.upTo}: kept ${digest.root}, log gives `);
    t.match(
      against.stdout,
      new RegExp(`HEAD ${victim}: kept revision 2 [0-9a-f]{64}, log has revision 2 [0-9a-f]{64}`),
    );
    t.equal(against.stdout.match(/^HEAD /gm)?.length, 1, 'only that stream');
    t.match(against.stdout, /still in the digest stream/, 'the rewrite left the digest stream alone');

    const bareRun = run('verify-chain', ['--against', withoutHeads]);
    t.equal(bareRun.status, 1);
    t.match(bareRun.stdout, /ROOT MISMATCH/);
    t.match(bareRun.stdout, /lists no heads/);
    const rootRun = run('verify-chain', ['--against', digest.root]);
    t.equal(rootRun.status, 1);
    t.match(rootRun.stdout, `kept ${digest.root}, log gives`);

    const progress = run('verify-chain', ['--progress']);
    t.match(progress.stderr, /verify-chain \[/, 'a progress bar on stderr');
    t.notMatch(progress.stdout, /verify-chain \[/);
  },
);

t.test('--against never migrates: exit 2 on a schema that was never migrated', async (t) => {
  const res = run('verify-chain', ['--against', 'ab'.repeat(32)], 'never_migrated_schema');
  t.equal(res.status, 2, res.stderr);
  const digest = run('digest', [], 'never_migrated_schema');
  t.equal(digest.status, 2, digest.stderr);
});
