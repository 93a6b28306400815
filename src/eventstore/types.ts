/**
 * The event store port. Both adapters (PostgreSQL, EventStoreDB) implement it and pass
 * the same contract suite in test/eventstore/contract.ts.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A number (revision of the stream's last event), 'no_stream' or 'any'. */
export type ExpectedRevision = number | 'no_stream' | 'any';

/**
 * Opaque, totally ordered position in the global log. Only the adapter that issued it
 * can interpret it; callers store it and hand it back. `null` means "from the start".
 */
export type Checkpoint = string;

export interface Actor {
  readonly id: string;
  readonly role: string;
  /** Display name and jurisdiction of the token the command came with (API commands). */
  readonly name?: string;
  readonly jurisdiction?: string;
}

/** The envelope every event carries (ARCHITECTURE.md "Metadata envelope"). */
export interface EventMetadata {
  readonly actor: Actor;
  /** Business time of the fact (ISO 8601 with offset). */
  readonly occurredAt: string;
  /** When the command handler recorded it (ISO 8601, UTC). */
  readonly recordedAt: string;
  readonly correlationId: string;
  /** The command or event that caused this one. */
  readonly causationId: string;
  readonly reason?: string;
  /** Document reference, e.g. 合同编号 or 电子监管号. */
  readonly documentNo?: string;
  /** The collective decision that authorised this fact. */
  readonly decisionId?: string;
  readonly policyVersion?: string;
  readonly calendarVersion?: string;
  /** Idempotency-Key of the request, and the sha256 of its method, path and body. */
  readonly idempotencyKey?: string;
  readonly requestHash?: string;
  /** Tamper evidence: hash of the previous event in the stream ('' for the first). */
  readonly prevHash?: string;
  /** sha256(prevHash ‖ canonical JSON of type, data, metadata-without-hash, revision). */
  readonly hash?: string;
}

export interface NewEvent {
  /** UUID; appending an id that already exists is an idempotent no-op. */
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  readonly stream: string;
  /** 0-based position inside the stream. */
  readonly revision: number;
  /** Global position of this event; pass it to readAll({ after }) to continue after it. */
  readonly position: Checkpoint;
}

/** What a caller knows of a stream it has just read whole with readStream (no options). */
export interface KnownStream {
  /** Revision of the last event read (-1: the stream was empty). */
  readonly revision: number;
  /** Ids of every event read. */
  readonly eventIds: readonly string[];
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  /**
   * Optional hint: the stream as the caller has just read it. When `known.revision` is the
   * expected revision, an adapter that has no id index (EventStoreDB) takes the id check from
   * here instead of reading the stream again; a stale hint can only cost that read (the append
   * still checks the revision). Adapters with an index (PostgreSQL) ignore it.
   */
  readonly known?: KnownStream;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append: the next expected revision. */
  readonly nextRevision: number;
  /** Global position of the last appended event. */
  readonly position: Checkpoint;
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  readonly toRevision?: number;
  /** Only events whose metadata.occurredAt is at or before this instant (state "as of"). */
  readonly until?: string;
}

export interface ReadAllOptions {
  /** Continue strictly after this checkpoint; omit or null for the start of the log. */
  readonly after?: Checkpoint | null;
  readonly limit: number;
  /** Only streams whose name starts with this prefix, e.g. 'parcel-'. */
  readonly streamPrefix?: string;
  /** Only these event types. */
  readonly types?: readonly string[];
}

export interface ReadAllResult {
  readonly events: readonly RecordedEvent[];
  /**
   * Where to continue. It may move past `after` even when `events` is empty (filtered
   * events were skipped); it never moves past an event a slower writer could still commit.
   */
  readonly next: Checkpoint | null;
}

export interface WaitOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface BacklogOptions {
  readonly types?: readonly string[];
  /** Count at most this many (the answer says `capped` when there are at least as many). */
  readonly cap: number;
}

/** Committed events after a checkpoint: what a reader has still to read (its lag). */
export interface Backlog {
  readonly events: number;
  readonly capped: boolean;
  /** recordedAt of the oldest of them; null when there are none. */
  readonly oldestRecordedAt: string | null;
}

export interface EventStore {
  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options: ReadAllOptions): Promise<ReadAllResult>;
  /**
   * Resolves when events after `after` may be readable, or when the timeout elapses or the
   * signal aborts (never rejects on those). Lets runners wait without busy polling.
   */
  waitForEvents(after: Checkpoint | null, options: WaitOptions): Promise<void>;
  /**
   * Orders two checkpoints this store issued (null = the start of the log first): negative, 0 or
   * positive. Read models compare their position with a command's (read-your-writes). A string
   * this store did not issue throws InvalidEventError.
   */
  compareCheckpoints(a: Checkpoint | null, b: Checkpoint | null): number;
  /**
   * The committed events after `after` (of `types`, if given), including any that readAll does
   * not return yet because an older transaction is still open: a reader's true lag.
   */
  backlog(after: Checkpoint | null, options: BacklogOptions): Promise<Backlog>;
  /** True when the backing store answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
