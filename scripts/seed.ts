/**
 * Seeds a running service over HTTP with realistic, varied parcel lifecycles, as a client would
 * (with each transfer batch's supply announcement and one or two linkage areas per province):
 *
 *   npm run seed -- --url http://127.0.0.1:3000 --parcels 50 [--seed 1] [--concurrency 6] [--token-secret S]
 *
 * Tokens are signed with AUTH_SECRET, or --token-secret, or the secret the service generated
 * under DATA_DIR (embedded default; run with the same DATA_DIR as the service). The same seed
 * sends the same requests with the same Idempotency-Keys, so a re-run replays. Progress on
 * stderr, one summary line on stdout; exit 1 if any command the scenario expected to succeed failed.
 */
import cliProgress from 'cli-progress';
import { authSecret } from '../src/api/auth/secrets.js';
import { loadConfig } from '../src/config.js';
import { Tokens } from './seed/actors.js';
import { parseSeedArgs } from './seed/args.js';
import { Client } from './seed/client.js';
import { HORIZON, shanghaiToday } from './seed/dates.js';
import { announcementIdOf, announcementItems } from './seed/announcement.js';
import { decisionItems } from './seed/decision.js';
import { linkageAreas } from './seed/linkage.js';
import { makeBatches, seedTag } from './seed/plan.js';
import { pool, runScope } from './seed/runner.js';
import { parcelScenario } from './seed/scenario.js';
import { Stats } from './seed/stats.js';

/** Waits up to 60 s for GET /health (the embedded database takes a while to start). */
const waitForService = async (url: string): Promise<void> => {
  for (let waited = 0; ; waited += 500) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (waited >= 60_000) throw new Error(`${url}/health did not answer within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

const main = async (): Promise<number> => {
  const args = parseSeedArgs(process.argv.slice(2));
  await waitForService(args.url);
  if (shanghaiToday() <= HORIZON)
    throw new Error(`the scenarios run up to ${HORIZON}; the clock says ${shanghaiToday()}`);
  const secret = args.tokenSecret ?? authSecret(loadConfig());
  const stats = new Stats();
  const client = new Client(args.url, new Tokens(secret), stats);
  const batches = makeBatches(args.seed, args.parcels);
  const tag = seedTag(args.seed);
  const bar = new cliProgress.SingleBar(
    {
      format: 'seed [{bar}] {value}/{total} parcels | {commands} commands | {failed} unexpected | {eta_formatted}',
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(args.parcels, 0, { commands: 0, failed: 0 });
  let incomplete = 0;
  await pool(batches, args.concurrency, async (batch) => {
    const decided = await runScope(client, `${tag}:${batch.decisionId}`, decisionItems(args.seed, batch));
    if (!decided.completed) incomplete++;
    // The batch's supply announcement (transfer only) is its own scope, beside its parcels'.
    const announced = announcementItems(args.seed, batch);
    await Promise.all([
      ...(announced.length === 0
        ? []
        : [
            runScope(client, `${tag}:${announcementIdOf(batch)}`, announced).then((r) => {
              if (!r.completed) incomplete++;
            }),
          ]),
      ...batch.parcels.map(async (parcel) => {
        // A parcel whose decision failed is still tried: its grant will show what the decision lacked.
        const result = await runScope(
          client,
          `${tag}:${parcel.parcelId}`,
          parcelScenario(args.seed, batch, parcel).sorted(),
        );
        if (!result.completed) incomplete++;
        bar.increment(1, { commands: stats.sent, failed: stats.failures.length });
      }),
    ]);
  });
  // Linkage project areas: one or two per province, each its own scope.
  const areas = linkageAreas(args.seed, batches);
  await pool(areas, args.concurrency, async (area) => {
    const result = await runScope(client, `${tag}:${area.linkageId}`, area.items);
    if (!result.completed) incomplete++;
  });
  bar.stop();
  for (const f of stats.failures.slice(0, 50)) {
    process.stderr.write(
      `UNEXPECTED ${f.status} ${f.code} POST ${f.path} as ${f.actor}: ${f.detail}\n  body ${JSON.stringify(f.body)}\n`,
    );
  }
  if (stats.failures.length > 50) process.stderr.write(`… and ${stats.failures.length - 50} more\n`);
  if (stats.rejectedByCode.has('TOKEN_INVALID')) {
    process.stderr.write(
      "hint: tokens were refused; run with the service's DATA_DIR or AUTH_SECRET, or pass --token-secret\n",
    );
  }
  process.stdout.write(
    `${stats.summary(args.parcels, batches.length, {
      announcements: batches.filter((b) => b.kind === 'TRANSFER').length,
      linkage_areas: areas.length,
    })} incomplete_scopes=${incomplete}\n`,
  );
  return stats.failures.length === 0 ? 0 : 1;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
