/**
 * Auditor's tool: checks the hash chain of every stream in the configured store and names the
 * first broken event of each broken stream. Read-only: it never migrates, and refuses a schema
 * that was never migrated.
 *   npm run verify-chain [-- --prefix parcel-] [--progress] [--against <digest.json | root hex>]
 *
 * --against: also recomputes the log digest (the Merkle root over every stream's head, see
 * src/audit/digest/merkle.ts) at the kept digest's cut (`upTo`) from the store and compares it
 * with the kept root. A chain that verifies is not enough: a database rewritten consistently
 * (an event edited and every later hash of its stream recomputed) still verifies, but its heads,
 * and so the root, differ from the digest kept outside. With a file (the JSON of GET /digests/latest
 * or `npm run digest`), it also says whether the digest stream still holds that digest, and when the
 * file lists the heads (`npm run digest -- --heads`) it names the streams whose heads differ. With a
 * bare root, the cut is that of the digest in the log with this root.
 * --progress: a progress bar on stderr (drawn anyway when stderr is a terminal).
 *
 * Exit code 0 = every chain holds (and the root matches), 1 = a break or a different root,
 * 2 = the schema is not migrated (nothing to check).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { readDigests } from '../src/audit/digest/digester.js';
import { HeadTracker } from '../src/audit/digest/heads.js';
import { compareStreamNames, merkleRootOfSorted, type StreamHead } from '../src/audit/digest/merkle.js';
import { digestView, type DigestView } from '../src/audit/digest/view.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/database.js';
import { SchemaNotMigratedError } from '../src/db/migrator.js';
import { openDatabase } from '../src/db/open.js';
import { openEventStore } from '../src/eventstore/open.js';
import type { EventStore } from '../src/eventstore/types.js';
import { verifyLog } from '../src/eventstore/verify-log.js';

const { values } = parseArgs({
  options: {
    prefix: { type: 'string' },
    against: { type: 'string' },
    progress: { type: 'boolean', default: false },
  },
});
const out = (line: string) => process.stdout.write(`${line}\n`);

interface Kept {
  readonly root: string;
  readonly upTo?: string;
  readonly digestId?: string;
  readonly heads?: readonly StreamHead[];
  readonly fromFile: boolean;
}

const readKept = (against: string): Kept => {
  if (/^[0-9a-fA-F]{64}$/.test(against)) return { root: against.toLowerCase(), fromFile: false };
  const json = JSON.parse(readFileSync(against, 'utf8')) as Partial<DigestView>;
  if (typeof json.root !== 'string' || typeof json.upTo !== 'string') {
    throw new Error(`${against}: not a digest (needs "root" and "upTo")`);
  }
  return {
    root: json.root.toLowerCase(),
    upTo: json.upTo,
    ...(typeof json.digestId === 'string' ? { digestId: json.digestId } : {}),
    ...(Array.isArray(json.heads) ? { heads: json.heads } : {}),
    fromFile: true,
  };
};

/** Heads that differ between the kept list and the recomputed one, by stream. */
const diffHeads = (kept: readonly StreamHead[], now: readonly StreamHead[]): string[] => {
  const byStream = new Map(now.map((h) => [h.stream, h]));
  const lines: string[] = [];
  for (const k of [...kept].sort((a, b) => compareStreamNames(a.stream, b.stream))) {
    const n = byStream.get(k.stream);
    byStream.delete(k.stream);
    if (n === undefined) lines.push(`HEAD ${k.stream}: kept revision ${k.revision} ${k.hash}, missing from the log`);
    else if (n.revision !== k.revision || n.hash !== k.hash)
      lines.push(`HEAD ${k.stream}: kept revision ${k.revision} ${k.hash}, log has revision ${n.revision} ${n.hash}`);
  }
  for (const n of byStream.values())
    lines.push(`HEAD ${n.stream}: not in the kept digest, log has revision ${n.revision}`);
  return lines;
};

const config = loadConfig();
const database = await openDatabase<Database>(config);
let store: EventStore | undefined;
let bar: cliProgress.SingleBar | undefined;
try {
  store = await openEventStore(config, database);
  const kept = values.against === undefined ? null : readKept(values.against);
  if (kept !== null && values.prefix !== undefined) throw new Error('--against digests the whole log: drop --prefix');
  const showProgress = values.progress || process.stderr.isTTY === true;

  if (kept === null && values.prefix !== undefined) {
    // A subset of the streams: the filtered reader, as before.
    const verdict = await verifyLog(store, { streamPrefix: values.prefix });
    for (const b of verdict.broken) {
      out(`BROKEN ${b.stream} at revision ${b.revision} (event ${b.eventId}): ${b.reason}`);
    }
    out(`${verdict.streams} streams, ${verdict.events} events, ${verdict.broken.length} broken`);
    process.exitCode = verdict.broken.length === 0 ? 0 : 1;
  } else {
    // The digest in the log: by id from the file, else by root.
    let logDigest: DigestView | null = null;
    if (kept !== null) {
      const digests = (await readDigests(store)).map(digestView);
      logDigest =
        (kept.digestId === undefined
          ? digests.find((d) => d.root === kept.root && (kept.upTo === undefined || d.upTo === kept.upTo))
          : digests.find((d) => d.digestId === kept.digestId)) ?? null;
    }
    const upTo = kept?.upTo ?? logDigest?.upTo ?? null;

    if (showProgress) {
      const total = (await store.backlog(null, { cap: Number.MAX_SAFE_INTEGER })).events;
      bar = new cliProgress.SingleBar(
        {
          format: 'verify-chain [{bar}] {percentage}% | {value}/{total} events | ETA {eta_formatted}',
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 2000,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    }
    const onProgress = (n: number) => {
      if (bar !== undefined && n > bar.getTotal()) bar.setTotal(n);
      bar?.update(n);
    };
    const tracker = new HeadTracker({ verifyChains: true });
    // One pass: up to the cut, take the heads; then on to the end for the chains.
    let atCut: StreamHead[] | null = null;
    if (upTo !== null) {
      await tracker.catchUp(store, { upTo, onProgress });
      atCut = tracker.sortedHeads();
    }
    await tracker.catchUp(store, { onProgress });
    bar?.stop();
    bar = undefined;

    for (const b of tracker.broken)
      out(`BROKEN ${b.stream} at revision ${b.revision} (event ${b.eventId}): ${b.reason}`);
    out(`${tracker.streams} streams, ${tracker.events} events, ${tracker.broken.length} broken`);
    let ok = tracker.broken.length === 0;

    if (kept !== null) {
      if (kept.fromFile) {
        if (logDigest === null) out(`DIGEST ${kept.digestId ?? kept.root}: not in the digest stream of the log`);
        else if (logDigest.root !== kept.root || logDigest.upTo !== kept.upTo)
          out(
            `DIGEST ${logDigest.digestId}: in the log, but altered (log root ${logDigest.root}, upTo ${logDigest.upTo})`,
          );
        else out(`DIGEST ${logDigest.digestId}: still in the digest stream (#${logDigest.sequence}, same root)`);
      }
      if (atCut === null) {
        out(`ROOT ${kept.root}: no digest in the log has this root, so the cut is unknown (give the digest file)`);
        ok = false;
      } else {
        const root = merkleRootOfSorted(atCut);
        if (root === kept.root) {
          out(`ROOT ok: ${root} at ${upTo} (${atCut.length} streams)`);
        } else {
          ok = false;
          out(`ROOT MISMATCH at ${upTo}: kept ${kept.root}, log gives ${root}`);
          if (kept.heads !== undefined) for (const line of diffHeads(kept.heads, atCut)) out(line);
          else out('(the kept digest lists no heads: run `npm run digest -- --heads` to keep them)');
        }
      }
    }
    process.exitCode = ok ? 0 : 1;
  }
} catch (error) {
  bar?.stop();
  if (!(error instanceof SchemaNotMigratedError)) throw error;
  process.stderr.write(`verify-chain: ${error.message}\n`);
  process.exitCode = 2;
} finally {
  await store?.close();
  await database.close();
}
