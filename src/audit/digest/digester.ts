/**
 * The digester: records a log digest (the Merkle root over every stream's head at a cut, see
 * merkle.ts) as `LogDigestRecorded` on DIGEST_STREAM, through the command handler, so the digest
 * stream is hash-chained like every other.
 *
 * It keeps every stream's head in memory and reads on from the last position it read (a fresh
 * process reads the log once from the start, at its first digest). Several processes may run one:
 * the event id is derived from the cut (the same cut appends once) and the decider drops a digest
 * computed on top of another than the stream's last (the loser of a race records nothing); a
 * process also skips its turn while the newest digest, whoever recorded it, is younger than the
 * interval. Nothing is recorded when no event outside the digest stream came since the last digest.
 */
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../domain/decider.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { logDigestDecider, type RecordLogDigest } from '../../domain/log-digest/index.js';
import { DIGEST_STREAM } from '../../domain/streams.js';
import { handleCommand } from '../../eventstore/command-handler.js';
import { nameBasedUuid } from '../../eventstore/ids.js';
import type { EventStore, RecordedEvent } from '../../eventstore/types.js';
import { HeadTracker } from './heads.js';
import { MERKLE_ALGORITHM, type StreamHead } from './merkle.js';
import { rememberLeaves } from './leaf-cache.js';
import { digestView, type DigestView } from './view.js';

export const DIGEST_ACTOR = { id: 'system:digest', role: 'SYSTEM' } as const;

/** The store id of the digest of a cut: the same cut, recorded by two processes, appends once. */
export const digestEventId = (upTo: string): string => nameBasedUuid(`${DIGEST_STREAM}\n${upTo}`);

export const readDigests = async (store: EventStore): Promise<RecordedEvent[]> =>
  (await store.readStream(DIGEST_STREAM)).filter((e) => e.type === 'LogDigestRecorded');

export type DigestOutcome =
  | { readonly recorded: true; readonly digest: DigestView; readonly heads: readonly StreamHead[] }
  | {
      readonly recorded: false;
      readonly reason: 'empty-log' | 'unchanged' | 'behind' | 'lost-race';
      readonly latest: DigestView | null;
    };

export interface Digester {
  /**
   * Catches up with the log and records a digest of it now (unless nothing moved). `actor`: who
   * asked for it (POST /digests); the periodic digests are the system's.
   */
  recordNow(signal?: AbortSignal, actor?: CommandContext['actor']): Promise<DigestOutcome>;
  readonly tracker: HeadTracker;
}

export const createDigester = (options: {
  readonly store: EventStore;
  readonly clock: () => Date;
  readonly pageSize?: number;
  readonly onProgress?: (events: number) => void;
}): Digester => {
  const { store, clock } = options;
  const tracker = new HeadTracker();
  return {
    tracker,
    recordNow: async (signal, actor = DIGEST_ACTOR) => {
      await tracker.catchUp(store, {
        ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        ...(signal === undefined ? {} : { signal }),
      });
      const history = await readDigests(store);
      const last = history.at(-1);
      const latest = last === undefined ? null : digestView(last);
      const upTo = tracker.position;
      if (upTo === null) return { recorded: false, reason: 'empty-log', latest };
      if (latest !== null) {
        const order = store.compareCheckpoints(latest.upTo, upTo);
        // Equal: the newest digest is of this very cut (its own event not readable yet: an open
        // transaction somewhere holds readAll back). Ahead: another process digested further.
        if (order === 0) return { recorded: false, reason: 'unchanged', latest };
        if (order > 0) return { recorded: false, reason: 'behind', latest };
        const other = tracker.lastOtherEventPosition;
        if (other === null || store.compareCheckpoints(other, latest.upTo) <= 0)
          return { recorded: false, reason: 'unchanged', latest };
      }
      const heads = tracker.sortedHeads();
      const root = tracker.root();
      const command: RecordLogDigest = {
        type: 'RecordLogDigest',
        data: {
          root,
          upTo,
          streams: heads.length,
          events: tracker.events,
          computedAt: clock().toISOString(),
          algorithm: MERKLE_ALGORITHM,
          previousDigestId: latest?.digestId ?? null,
        },
        context: { now: clock().toISOString(), actor },
      };
      const correlationId = `digest:${upTo}:${randomUUID()}`;
      const result = await handleCommand({
        store,
        stream: DIGEST_STREAM,
        decider: logDigestDecider,
        command,
        // This recording: the event id is the cut's, the same for every process, so a process that
        // lost the race by a hair gets an idempotent replay, not a conflict; the stored event's
        // correlation id tells whose it is.
        envelope: { correlationId },
        eventIdOf: () => digestEventId(upTo),
        clock,
      });
      if (result.events.length === 0 || result.firstRevision === null) {
        return { recorded: false, reason: 'lost-race', latest };
      }
      const [recorded] = await store.readStream(DIGEST_STREAM, {
        fromRevision: result.firstRevision,
        toRevision: result.firstRevision,
      });
      if (recorded?.metadata.correlationId !== correlationId) return { recorded: false, reason: 'lost-race', latest };
      const digest = digestView(recorded);
      rememberLeaves(store, digest, heads);
      return { recorded: true, digest, heads };
    },
  };
};

export interface RunningDigester {
  stop(): Promise<void>;
}

/**
 * Records a digest every `intervalMs` while the log moves. The first turn comes one interval after
 * the newest digest (or after start, when there is none), so a restart does not record at once.
 */
export const startDigester = (options: {
  readonly store: EventStore;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly intervalMs: number;
}): RunningDigester => {
  const { store, clock, logger, intervalMs } = options;
  const controller = new AbortController();
  const { signal } = controller;
  const digester = createDigester({ store, clock });
  const waitFor = async (): Promise<number> => {
    const latest = (await readDigests(store)).at(-1);
    if (latest === undefined) return intervalMs;
    const age = clock().getTime() - Date.parse(latest.metadata.recordedAt);
    return Math.min(intervalMs, Math.max(0, intervalMs - age));
  };
  const loop = async (): Promise<void> => {
    let wait = intervalMs;
    try {
      wait = await waitFor();
    } catch (error) {
      logger.error({ err: error }, 'reading the digest stream failed; first digest after one interval');
    }
    while (!signal.aborted) {
      await sleep(wait, undefined, { signal }).catch(() => undefined);
      if (signal.aborted) break;
      try {
        // Another process may have recorded meanwhile: wait out the rest of its interval.
        const remaining = await waitFor();
        if (remaining > 1000) {
          wait = remaining;
          continue;
        }
        const started = Date.now();
        const outcome = await digester.recordNow(signal);
        if (outcome.recorded) {
          logger.info(
            {
              root: outcome.digest.root,
              upTo: outcome.digest.upTo,
              streams: outcome.digest.streams,
              ms: Date.now() - started,
            },
            'log digest recorded',
          );
        }
      } catch (error) {
        if (signal.aborted) break;
        logger.error({ err: error }, 'log digest failed; retrying next interval');
      }
      wait = intervalMs;
    }
  };
  const done = loop();
  return {
    stop: async () => {
      controller.abort();
      await done;
    },
  };
};
