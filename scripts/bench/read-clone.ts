/**
 * Scales a seeded log up by cloning: seeding through the deciders runs at a few thousand events a
 * second (a million parcels would take most of an hour), so the read benchmark seeds a base of
 * real lifecycles (read-seed.ts) and appends copies of its streams. Copy `k` of a stream is the
 * same history under new identities:
 *
 *   - every UUID (event ids, correlation and causation ids, evidence references to event ids) is
 *     replaced by a name-based UUID of (k, original) — the same original always maps to the same
 *     copy, so references between events (and between streams) stay consistent;
 *   - the seed's tag inside business ids (`P-3201-2026-s1-000027`, `D-…-s1-…`, `LU-…-s1-…`,
 *     payment, inspection and document numbers, idempotency keys `s1:…`, the supervision number
 *     `…2026s1000027`) becomes `s1c<k>`, so parcel, decision and land-user ids (and the stream
 *     names built from them) are unique per copy;
 *   - the hash chain is recomputed with the store's own chainEvents (src/eventstore/hash-chain.ts).
 *
 * Everything else (dates, amounts, jurisdictions, sealed prices) is kept, so a copy folds through
 * the real decider to the same state as its original, with the identities renamed.
 */
import { chainEvents } from '../../src/eventstore/hash-chain.js';
import { nameBasedUuid } from '../../src/eventstore/ids.js';
import type { EventMetadata, EventStore, JsonObject, JsonValue, NewEvent } from '../../src/eventstore/types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Renames the identities of one copy (`k` ≥ 1) of a world seeded with tag `tag` ('s1'). */
export class Cloner {
  private readonly dashed: RegExp;
  private readonly keyed: RegExp;
  private readonly packed: RegExp;
  private readonly replacement: { dashed: string; keyed: string; packed: string };
  private readonly uuids = new Map<string, string>();

  constructor(
    tag: string,
    readonly k: number,
  ) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError('copy number must be ≥ 1');
    const t = escape(tag);
    const to = `${tag}c${k}`;
    this.dashed = new RegExp(`-${t}-`, 'g');
    this.keyed = new RegExp(`^${t}:`);
    // Supervision numbers pack the parcel id without dashes: <year><tag><6-digit n>.
    this.packed = new RegExp(`^(\\d+B\\d*\\d{4})${t}(\\d{6})$`);
    this.replacement = { dashed: `-${to}-`, keyed: `${to}:`, packed: `$1${to}$2` };
  }

  uuid(original: string): string {
    let mapped = this.uuids.get(original);
    if (mapped === undefined) {
      mapped = nameBasedUuid(`read-bench-clone:${this.k}:${original.toLowerCase()}`);
      this.uuids.set(original, mapped);
    }
    return mapped;
  }

  text(value: string): string {
    if (value.length === 36 && UUID.test(value)) return this.uuid(value);
    return value
      .replace(this.dashed, this.replacement.dashed)
      .replace(this.keyed, this.replacement.keyed)
      .replace(this.packed, this.replacement.packed);
  }

  json(value: JsonValue): JsonValue {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    const out: JsonObject = {};
    for (const key of Object.keys(value)) out[this.text(key)] = this.json(value[key] as JsonValue);
    return out;
  }

  /** Copy `k` of a whole stream (from revision 0), chained afresh. */
  stream(stream: string, events: readonly NewEvent[]): { stream: string; events: NewEvent[] } {
    const renamed = events.map((event): NewEvent => {
      const { hash: _hash, prevHash: _prevHash, ...metadata } = event.metadata;
      return {
        id: this.uuid(event.id),
        type: event.type,
        data: this.json(event.data) as JsonObject,
        metadata: this.json(metadata as unknown as JsonObject) as unknown as EventMetadata,
      };
    });
    this.uuids.clear();
    return { stream: this.text(stream), events: chainEvents('', 0, renamed) };
  }
}

export interface ReplicateOptions {
  /** The seed's tag (seedTag(String(seed))). */
  readonly tag: string;
  /** Base streams (as appended by the seeder), in order; parcel streams start with 'parcel-'. */
  readonly streams: readonly string[];
  /** Parcels wanted in all: the base's parcel streams plus their copies. */
  readonly parcels: number;
  /** Appends in flight. */
  readonly concurrency: number;
  /** First copy number (copies `first` … ); default 1. */
  readonly firstCopy?: number;
  readonly onProgress?: (events: number) => void;
}

export interface ReplicateResult {
  readonly copies: number;
  readonly streams: number;
  readonly events: number;
  readonly parcels: number;
}

/**
 * Appends copies of the base streams until `parcels` parcel streams exist (the base's included).
 * Each base stream is read once and all its copies appended (whole, expectedRevision 'no_stream'),
 * `concurrency` appends in flight. The last copy may hold only some of the parcels (every
 * decision and credit stream is copied with it).
 */
export const replicate = async (store: EventStore, options: ReplicateOptions): Promise<ReplicateResult> => {
  const baseParcels = options.streams.filter((s) => s.startsWith('parcel-')).length;
  if (baseParcels === 0) throw new Error('no parcel streams to replicate');
  const wanted = Math.max(0, options.parcels - baseParcels);
  const copies = Math.ceil(wanted / baseParcels);
  const lastCopyParcels = wanted - (copies - 1) * baseParcels;
  const first = options.firstCopy ?? 1;
  const counts = { streams: 0, events: 0, parcels: 0 };
  if (copies === 0) return { copies, ...counts };
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let parcelIndex = 0;
  for (const base of options.streams) {
    if (failure !== null) break;
    const isParcel = base.startsWith('parcel-');
    const index = isParcel ? parcelIndex++ : -1;
    const events = await store.readStream(base);
    if (events.length === 0) continue;
    for (let c = 0; c < copies; c++) {
      if (isParcel && c === copies - 1 && index >= lastCopyParcels) break;
      const copy = new Cloner(options.tag, first + c).stream(base, events);
      while (inFlight.size >= options.concurrency) await Promise.race(inFlight);
      if (failure !== null) break;
      const appended: Promise<void> = store
        .append(copy.stream, copy.events, { expectedRevision: 'no_stream' })
        .then(
          () => {
            counts.streams++;
            counts.events += copy.events.length;
            if (isParcel) counts.parcels++;
            options.onProgress?.(counts.events);
          },
          (error: unknown) => {
            failure ??= { error };
          },
        )
        .finally(() => inFlight.delete(appended));
      inFlight.add(appended);
    }
  }
  await Promise.all(inFlight);
  if (failure !== null) throw (failure as { error: unknown }).error;
  return { copies, ...counts };
};
