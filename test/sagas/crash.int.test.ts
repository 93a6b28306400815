/**
 * The saga runners and the timer poller killed with SIGKILL at 20 random moments of a simulated
 * run (each restart resumes from the checkpoints, the due-timer table and the idempotent steps):
 * the same set of fired effects and credit entries as an uninterrupted run, none doubled, none
 * missed. Effect event ids derive from the timer id and credit evidence from those, so the two
 * runs' sets compare exactly.
 */
import { spawn } from 'node:child_process';
import type { Kysely } from 'kysely';
import pino from 'pino';
import t from 'tap';
import type { SagaTables } from '../../src/sagas/bookkeeping.table.js';
import { runSimulation } from '../../scripts/simulate/engine.js';
import { loadScenario } from '../../scripts/simulate/scenario.js';
import { postgresTestStore, testDatabaseUrl, type TestStore } from '../helpers/postgres.js';

const KILLS = 20;

/** Every fired effect (timer id) and credit entry, and how often each was recorded. */
const effectsOf = async ({ connection, schema }: TestStore): Promise<Map<string, number>> => {
  const { rows } = await connection.pool.query<{ key: string; n: number }>(
    `SELECT key, count(*)::int AS n FROM (
       SELECT stream || ' ' || type || ' ' || (data->>'timerId') || ' ' || coalesce(data->>'firedOn', '') AS key
         FROM "${schema}".events WHERE data ? 'timerId' AND type <> 'TimerScheduled' AND type <> 'TimerRescheduled'
           AND type <> 'TimerCancelled'
       UNION ALL
       SELECT stream || ' ' || type || ' ' || (data->>'trigger') || ' ' || (data->'evidenceRef')::text
         FROM "${schema}".events WHERE type = 'CreditEntryAdded'
     ) e GROUP BY key`,
  );
  return new Map(rows.map((r) => [r.key, r.n]));
};

/** Runs the child until it prints "started", then kills it after `delayMs`; resolves 'done' if it finished first. */
const runChild = (schema: string, delayMs: number | null): Promise<'killed' | 'done'> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/simulate-child.ts', testDatabaseUrl(), schema],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (delayMs !== null && timer === undefined && out.includes('started\n'))
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (out.includes('done\n')) resolve('done');
      else if (signal === 'SIGKILL') resolve('killed');
      else reject(new Error(`simulate child exited with ${code ?? signal}`));
    });
  });

t.test(`killed ${KILLS} times, the run fires the same effects as an uninterrupted one`, async (t) => {
  const reference = await postgresTestStore();
  t.teardown(() => reference.close());
  await runSimulation({
    store: reference.store,
    db: reference.connection.db as unknown as Kysely<SagaTables>,
    schema: reference.schema,
    scenario: await loadScenario(),
    logger: pino({ level: 'silent' }),
  });
  const expected = await effectsOf(reference);

  const crashed = await postgresTestStore();
  t.teardown(() => crashed.close());
  // Short lives (the whole run takes about two seconds here), so the kills fall all along it.
  let kills = 0;
  let outcome: 'killed' | 'done' = 'killed';
  while (kills < KILLS && outcome === 'killed') {
    outcome = await runChild(crashed.schema, Math.floor(Math.random() * 300));
    if (outcome === 'killed') kills++;
  }
  t.equal(kills, KILLS, `${kills} kills landed before the run could finish`);
  t.equal(await runChild(crashed.schema, null), 'done', 'a last uninterrupted start finishes the scenario');

  const got = await effectsOf(crashed);
  const missing = [...expected.keys()].filter((k) => !got.has(k));
  const extra = [...got.keys()].filter((k) => !expected.has(k));
  if (missing.length + extra.length > 0) t.comment(JSON.stringify({ missing, extra }, null, 1));
  t.same({ missing, extra }, { missing: [], extra: [] }, 'the same effects, none missed, none extra');
  t.same(
    [...got].filter(([, n]) => n > 1),
    [],
    'none recorded twice',
  );
  t.ok(expected.size > 30, `${expected.size} effects compared`);
});
