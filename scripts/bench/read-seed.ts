/**
 * Seeds an event store with realistic lifecycles for read-side benchmarks, straight into the
 * store (no HTTP, no read-before-append): the HTTP seeder's scenarios (scripts/seed/) drive the
 * real deciders through the route factory's command path (read-commands.ts), each stream is
 * built whole in memory and appended once with expectedRevision 'no_stream', `concurrency`
 * appends in flight.
 *
 *   parcel-<id>     one per parcel: deal, grant, payments (some late, some still due),
 *                   delivery, certificate, start/completion verified, extensions, inspections,
 *                   idle cases; a few aborted supplies; the youngest still at DEAL_CONCLUDED
 *   decision-<id>   one per batch of ~5 parcels: meeting, opinions, plan, sealed reserve price,
 *                   deal, disclosure
 *   credit-<user>   the entries (and lifts) of the land users whose parcels breached
 *
 * Deterministic: ids, dates, instants and the reserve-price seals come from PRNGs seeded by
 * `seed`, never from the clock, so a seed always gives the same events whatever `concurrency`.
 */
import { createHash } from 'node:crypto';
import type { CommandDeps } from '../../src/api/commands/aggregate.js';
import { createSealer } from '../../src/api/commands/reserve-price-seal.js';
import { DomainError } from '../../src/domain/errors.js';
import type { ParcelState } from '../../src/domain/parcel/index.js';
import { decisionStream, parcelStream } from '../../src/domain/streams.js';
import {
  handleCreditCommand,
  handleDecisionCommand,
  handleParcelCommand,
} from '../../src/eventstore/aggregate-handlers.js';
import type { EventStore, NewEvent } from '../../src/eventstore/types.js';
import { cityActors } from '../seed/actors.js';
import type { Outcome } from '../seed/client.js';
import { addDays, HORIZON, type IsoDate } from '../seed/dates.js';
import { decisionItems } from '../seed/decision.js';
import { seedTag, type Batch, type ParcelSeed } from '../seed/plan.js';
import { rngFor, type Rng } from '../seed/prng.js';
import { parcelScenario } from '../seed/scenario.js';
import type { Item } from '../seed/timeline.js';
import { prepare, resolve, StreamBuilder, type Prepared, type Request } from './read-commands.js';
import { readBatches } from './read-plan.js';

export interface SeedOptions {
  readonly parcels: number;
  readonly seed: number;
  /** Appends in flight (default 16). */
  readonly concurrency?: number;
  /** After each parcel stream is appended. */
  readonly onProgress?: (parcelsDone: number, eventsDone: number) => void;
}

export interface SeedResult {
  readonly parcels: number;
  /** Every event appended (parcel, decision and credit streams). */
  readonly events: number;
  /** Decision streams. */
  readonly decisions: number;
  /** Credit-archive streams (land users with at least one entry). */
  readonly creditArchives: number;
  /** Final parcel statuses and how many parcels are in each. */
  readonly statuses: Readonly<Record<string, number>>;
  /**
   * Commands the deciders refused although the scenario expected them to pass; the scope
   * (parcel, decision, archive) stops there, as the HTTP seeder's does. 0 on a healthy domain.
   */
  readonly refused: number;
  /** The first few refusals, for diagnosis. */
  readonly refusals: readonly string[];
}

/** One generated stream, ready to append. */
export interface SeededStream {
  readonly stream: string;
  readonly events: readonly NewEvent[];
}

/** Per-seed facts shared by every scope. */
export interface World {
  readonly seed: string;
  readonly tag: string;
  /** The service's reserve-price key, derived from the seed. */
  readonly sealKey: string;
  refused: number;
  readonly refusals: string[];
  /** Sees every command that appended events (the test replays them through handleCommand). */
  readonly onCommand?: (prepared: Prepared, idempotencyKey: string) => void;
}

/** Share of transfer parcels whose winner never signs: the supply is aborted after T01. */
const ABORT_SHARE = 0.03;
/**
 * Share of the scenario's site inspections (each with its hand-over) kept: the HTTP seeder
 * inspects at every key date and twice a year, which would make inspections half the log.
 */
const INSPECTION_SHARE = 0.35;

/** Inspection k of a parcel is kept or dropped whole (the hand-over needs its inspection). */
const keepsInspection = (seed: string, parcel: ParcelSeed) => {
  const kept = new Map<string, boolean>();
  return (name: string): boolean => {
    const k = /^(?:inspect|hand-over)-(\d+)$/.exec(name)?.[1];
    if (k === undefined) return true;
    let keep = kept.get(k);
    if (keep === undefined) {
      keep = rngFor(`${seed}:inspection:${parcel.n}:${k}`).chance(INSPECTION_SHARE);
      kept.set(k, keep);
    }
    return keep;
  };
};

/** The meeting's opinions kept: the host's, the third (sometimes conditional) and the last (often discipline). */
const keepsOpinion = (name: string, participants: number): boolean => {
  const i = /^opinion-(\d+)$/.exec(name)?.[1];
  return i === undefined || ['0', '2', String(participants - 1)].includes(i);
};

const SHANGHAI_MS = 8 * 3_600_000;

/** '2026-03-02' + seconds after midnight in Shanghai → epoch ms. */
const shanghaiMs = (date: IsoDate, seconds: number): number =>
  Date.parse(`${date}T00:00:00Z`) - SHANGHAI_MS + seconds * 1000;

/** Epoch ms → '2026-03-02T10:15:00.000+08:00' (what the route's luxon clock writes). */
const shanghaiIso = (ms: number): string => `${new Date(ms + SHANGHAI_MS).toISOString().slice(0, 23)}+08:00`;

/** Deterministic random bytes for the sealer's salt and IV. */
const bytesFrom =
  (rng: Rng) =>
  (size: number): Buffer => {
    const out = Buffer.alloc(size);
    for (let i = 0; i < size; i++) out[i] = rng.int(0, 255);
    return out;
  };

/**
 * Recording instants of one scope: during office hours on the step's date, or (for documents that
 * carry their own instant) minutes after it; never before the previous step of the scope.
 */
class Clock {
  private last = 0;
  constructor(private readonly rng: Rng) {}

  onDate(date: IsoDate): string {
    return this.advance(shanghaiMs(date, this.rng.int(8.5 * 3600, 17.5 * 3600)));
  }

  after(instantMs: number): string {
    return this.advance(instantMs + this.rng.int(5, 90) * 60_000);
  }

  private advance(ms: number): string {
    this.last = Math.max(ms, this.last + this.rng.int(20, 300) * 1000);
    return shanghaiIso(this.last);
  }
}

const outcomeOf = (events: readonly NewEvent[], created: boolean): Outcome => ({
  ok: true,
  status: created ? 201 : 200,
  code: null,
  events: events.map((e) => ({ id: e.id, type: e.type })),
  replayed: false,
  asExpected: true,
});

/** The latest instant a document body names (heldAt, decidedAt, concludedAt …), or null. */
const documentInstant = (body: Record<string, unknown>): number | null => {
  let latest: number | null = null;
  for (const value of Object.values(body)) {
    if (typeof value === 'string' && value.length > 19 && value[10] === 'T') {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms) && (latest === null || ms > latest)) latest = ms;
    }
  }
  return latest;
};

/**
 * Sends one step into a builder. Returns the events, or null when the decider refused (an
 * expected refusal — a step with `expectCode` — appends nothing and is not counted).
 */
const step = async (
  world: World,
  builder: StreamBuilder,
  request: Request,
  deps: CommandDeps,
  expectCode?: string,
): Promise<NewEvent[] | null> => {
  const resolved = resolve(request);
  if (resolved.stream !== builder.stream) throw new Error(`${request.path} is not on ${builder.stream}`);
  let prepared;
  try {
    prepared = await prepare(request, resolved, deps, () => builder.history());
    const events = builder.apply(prepared.command, prepared.envelope, request.key, prepared.recordedAt);
    if (events.length > 0) world.onCommand?.(prepared, request.key);
    return events;
  } catch (error) {
    const code = error instanceof DomainError ? error.code : null;
    if (expectCode !== undefined && code === expectCode) return null;
    if (!(error instanceof DomainError) && !(error instanceof Error && error.name === 'HttpError')) throw error;
    world.refused++;
    if (world.refusals.length < 20) {
      world.refusals.push(`${request.path} ${code ?? ''}: ${(error as Error).message}`);
    }
    return null;
  }
};

const noStore = (): never => {
  throw new Error('the read seeder reads no store');
};

/** Parcel commands need neither (no body transform); a sealer is made per decision. */
const PARCEL_DEPS: CommandDeps = {
  store: new Proxy({} as CommandDeps['store'], { get: noStore }),
  sealer: { seal: noStore, unseal: noStore },
};

const depsFor = (world: World, label: string): CommandDeps => ({
  store: new Proxy({} as CommandDeps['store'], { get: noStore }),
  sealer: createSealer(world.sealKey, bytesFrom(rngFor(`${world.seed}:seal:${label}`))),
});

/** The decision stream of a batch (decisionItems, in order, as the HTTP seeder sends them). */
export const buildDecision = async (world: World, batch: Batch): Promise<SeededStream> => {
  const all = decisionItems(world.seed, batch);
  const participants = all.filter((item) => item.name.startsWith('opinion-')).length;
  const items = all.filter((item) => keepsOpinion(item.name, participants));
  const builder = new StreamBuilder(decisionStream(batch.decisionId), handleDecisionCommand.decider);
  const clock = new Clock(rngFor(`${world.seed}:decision-clock:${batch.index}`));
  const deps = depsFor(world, batch.decisionId);
  for (const item of items) {
    if (item.on > HORIZON) continue;
    const body = item.body as Record<string, unknown>;
    const at = documentInstant(body);
    const now = at === null ? clock.onDate(item.on) : clock.after(at);
    const events = await step(world, builder, request(item, world, batch.decisionId, now), deps, item.expectCode);
    if (events === null && item.expectCode === undefined) break;
  }
  return { stream: builder.stream, events: builder.events };
};

const request = (item: Item, world: World, scope: string, now: string): Request => ({
  path: item.path,
  actor: item.actor,
  body: typeof item.body === 'function' ? {} : item.body,
  key: `${world.tag}:${scope}:${item.name}`,
  now,
});

/** A credit step waiting for its land user's archive to be built (after every parcel). */
interface CreditStep {
  readonly on: IsoDate;
  readonly order: number;
  readonly request: Request;
}

export interface ParcelBuild {
  readonly stream: SeededStream;
  readonly status: string;
  /** Credit steps, by land user, with their bodies resolved against this parcel's events. */
  readonly credit: readonly CreditStep[];
}

/** One parcel's whole life (parcelScenario), or a supply aborted after the deal. */
export const buildParcel = async (world: World, batch: Batch, parcel: ParcelSeed): Promise<ParcelBuild> => {
  const keep = keepsInspection(world.seed, parcel);
  const items = parcelScenario(world.seed, batch, parcel)
    .sorted()
    .filter((item) => keep(item.name));
  const rng = rngFor(`${world.seed}:parcel-extra:${parcel.n}`);
  const clock = new Clock(rng);
  const deps = PARCEL_DEPS;
  const builder = new StreamBuilder(parcelStream(parcel.parcelId), handleParcelCommand.decider);
  const results = new Map<string, Outcome>();
  const credit: CreditStep[] = [];
  const abort = batch.kind === 'TRANSFER' && rng.chance(ABORT_SHARE);
  for (const [order, item] of items.entries()) {
    if (item.on > HORIZON) continue;
    if (item.path.startsWith('/land-users/')) {
      const body = typeof item.body === 'function' ? item.body(results) : item.body;
      credit.push({
        on: item.on,
        order: parcel.n * 1000 + order,
        request: { ...request(item, world, parcel.parcelId, ''), body },
      });
      continue;
    }
    const body = typeof item.body === 'function' ? item.body(results) : item.body;
    const req = { ...request(item, world, parcel.parcelId, clock.onDate(item.on)), body };
    const created = builder.events.length === 0;
    const events = await step(world, builder, req, deps, item.expectCode);
    if (events === null) {
      if (item.expectCode === undefined) break;
      continue;
    }
    results.set(item.name, outcomeOf(events, created));
    if (abort && item.name === 'confirm-deal') {
      await abortSupply(world, builder, batch, parcel, clock, rng, deps);
      return { stream: { stream: builder.stream, events: builder.events }, status: statusOf(builder), credit: [] };
    }
  }
  return { stream: { stream: builder.stream, events: builder.events }, status: statusOf(builder), credit };
};

/** The winner lets the signing deadline pass; the grantor aborts the supply (T01, §3.3). */
const abortSupply = async (
  world: World,
  builder: StreamBuilder,
  batch: Batch,
  parcel: ParcelSeed,
  clock: Clock,
  rng: Rng,
  deps: CommandDeps,
): Promise<void> => {
  const state = builder.state as ParcelState;
  if (state.status !== 'DEAL_CONCLUDED') return;
  const abortedOn = addDays(state.deal.signingDeadline, rng.int(1, 20));
  if (abortedOn > HORIZON) return;
  await step(
    world,
    builder,
    {
      path: `/parcels/${parcel.parcelId}/abort-supply`,
      actor: cityActors(batch.city).grantor,
      body: { abortedOn, reason: '竞得人未在规定期限内签订出让合同，竞买保证金不予退还' },
      key: `${world.tag}:${parcel.parcelId}:abort-supply`,
      now: clock.onDate(abortedOn),
    },
    deps,
  );
};

const statusOf = (builder: StreamBuilder): string => (builder.state as { status: string }).status;

/** A land user's archive: their parcels' credit steps in date order. */
export const buildCreditArchive = async (world: World, steps: readonly CreditStep[]): Promise<SeededStream> => {
  const sorted = [...steps].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
  const first = resolve(sorted[0]?.request as Request);
  const builder = new StreamBuilder(first.stream, handleCreditCommand.decider);
  const clock = new Clock(rngFor(`${world.seed}:credit-clock:${first.id}`));
  const deps = PARCEL_DEPS;
  for (const s of sorted) {
    await step(world, builder, { ...s.request, now: clock.onDate(s.on) }, deps);
  }
  return { stream: builder.stream, events: builder.events };
};

export const worldFor = (seed: number | string, onCommand?: World['onCommand']): World => ({
  ...(onCommand === undefined ? {} : { onCommand }),
  seed: String(seed),
  tag: seedTag(String(seed)),
  sealKey: createHash('sha256')
    .update(`read-seed:${String(seed)}:reserve-price-key`)
    .digest('hex'),
  refused: 0,
  refusals: [],
});

/**
 * Every stream of the seeded world in a stable order — decisions and parcels batch by batch,
 * then the credit archives — without a store: the test compares two runs and replays streams
 * through the real command handler.
 */
export async function* seededStreams(
  seed: number | string,
  parcels: number,
  world: World = worldFor(seed),
  statuses?: Map<string, number>,
): AsyncGenerator<SeededStream & { readonly kind: 'parcel' | 'decision' | 'credit' }> {
  const credit = new Map<string, CreditStep[]>();
  for (const batch of readBatches(world.seed, parcels)) {
    const decision = await buildDecision(world, batch);
    if (decision.events.length > 0) yield { ...decision, kind: 'decision' };
    for (const parcel of batch.parcels) {
      const built = await buildParcel(world, batch, parcel);
      statuses?.set(built.status, (statuses.get(built.status) ?? 0) + 1);
      for (const s of built.credit) {
        const user = parcel.landUser.id;
        const list = credit.get(user);
        if (list === undefined) credit.set(user, [s]);
        else list.push(s);
      }
      yield { ...built.stream, kind: 'parcel' };
    }
  }
  for (const user of [...credit.keys()].sort()) {
    const archive = await buildCreditArchive(world, credit.get(user) as CreditStep[]);
    if (archive.events.length > 0) yield { ...archive, kind: 'credit' };
  }
}

export const seedLifecycles = async (store: EventStore, options: SeedOptions): Promise<SeedResult> => {
  const concurrency = options.concurrency ?? 16;
  if (!Number.isInteger(options.parcels) || options.parcels < 1) throw new RangeError('parcels must be ≥ 1');
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be ≥ 1');
  const world = worldFor(options.seed);
  const statuses = new Map<string, number>();
  const counts = { parcels: 0, events: 0, decisions: 0, creditArchives: 0 };
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  for await (const seeded of seededStreams(options.seed, options.parcels, world, statuses)) {
    if (seeded.events.length === 0) continue;
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure !== null) break;
    const appended: Promise<void> = store
      .append(seeded.stream, seeded.events, { expectedRevision: 'no_stream' })
      .then(
        () => {
          counts.events += seeded.events.length;
          if (seeded.kind === 'parcel') {
            counts.parcels++;
            options.onProgress?.(counts.parcels, counts.events);
          } else if (seeded.kind === 'decision') counts.decisions++;
          else counts.creditArchives++;
        },
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => inFlight.delete(appended));
    inFlight.add(appended);
  }
  await Promise.all(inFlight);
  if (failure !== null) throw (failure as { error: unknown }).error;
  return {
    ...counts,
    statuses: Object.fromEntries([...statuses.entries()].sort()),
    refused: world.refused,
    refusals: world.refusals,
  };
};
