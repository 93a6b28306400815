import type pg from 'pg';
import { ConcurrencyError, DuplicateEventIdError, StoreIntegrityError } from '../errors.js';
import type {
  Backlog,
  BacklogOptions,
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  WaitOptions,
} from '../types.js';
import { requireInstant } from '../instant.js';
import { DEFAULT_MAX_APPEND_BYTES, validateNewEvents, type SerializedEvent } from '../validate.js';
import { compareCheckpoints, formatCheckpoint, parseCheckpoint } from './checkpoint.js';
import { EventWaiter } from './event-waiter.js';
import { Notifier } from './notifier.js';
import { prefixPattern, statementsFor, type Statements } from './sql.js';

export interface PostgresEventStoreOptions {
  readonly pool: pg.Pool;
  readonly schema: string;
  /**
   * How waiting readers learn of new events. 'listen': LISTEN/NOTIFY on a dedicated connection
   * (several processes share the database). 'local': only appends made through this object wake
   * readers (embedded PGlite, where this process is the only writer). Both fall back to polling.
   */
  readonly wakeUp: 'listen' | 'local';
  /** Connection settings for the LISTEN connection (required for 'listen'). */
  readonly listenConnection?: pg.ClientConfig;
  /**
   * Never let an expected outcome (conflict, duplicate) surface as a server error: needed on
   * embedded PGlite, whose socket server drops the connection on an error in a prepared statement.
   */
  readonly avoidServerErrors?: boolean;
  /** Largest whole append in bytes (default DEFAULT_MAX_APPEND_BYTES, EventStoreDB's 1 MiB). */
  readonly maxAppendBytes?: number;
}

interface EventRow {
  xid: string;
  position: string;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  data: RecordedEvent['data'];
  metadata: RecordedEvent['metadata'];
  tail: string | null;
}

/** The outcomes of append_events (appendFunctionSql in schema-sql.ts). */
type AppendStatus = 'appended' | 'duplicate' | 'conflict' | 'foreign';

const UNIQUE_VIOLATION = '23505';
const MAX_ATTEMPTS = 5;

export class PostgresEventStore implements EventStore {
  private readonly sql: Statements;
  private readonly waiter: EventWaiter;
  private readonly channel: string;
  private readonly notifier: Notifier | null;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.sql = statementsFor(options.schema);
    this.channel = `${options.schema}_events`;
    this.waiter = new EventWaiter({
      probe: (after) => this.probe(after),
      channel: options.wakeUp === 'listen' ? this.channel : null,
      listenConnection: options.listenConnection,
    });
    this.notifier =
      options.wakeUp === 'listen' && options.listenConnection
        ? new Notifier(options.listenConnection, this.channel)
        : null;
  }

  /** Refuses to serve a log whose transaction ids are not below this cluster's (a restored dump). */
  async assertTransactionIdsSane(): Promise<void> {
    const { rows } = await this.options.pool.query<{ max_xid: string | null; xmax: string; unsafe: boolean | null }>(
      this.sql.xidSanity,
    );
    const row = rows[0];
    if (row?.unsafe) {
      throw new StoreIntegrityError(
        `stored transaction ids reach ${row.max_xid} but this cluster is at ${row.xmax}: the event log was ` +
          'restored into another cluster. Readers would skip or stall on events; restore with pg_upgrade or ' +
          'a physical backup, or re-import the events through append, before starting.',
      );
    }
  }

  /**
   * Every append is a single autocommit statement, so it is always the first write of its
   * transaction (see schema-sql.ts for why that matters).
   */
  async append(
    stream: string,
    events: readonly NewEvent[],
    { expectedRevision }: AppendOptions,
  ): Promise<AppendResult> {
    const serialized = validateNewEvents(stream, events, {
      maxAppendBytes: this.options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES,
    });
    if (expectedRevision !== 'any') {
      const first = expectedRevision === 'no_stream' ? 0 : expectedRevision + 1;
      try {
        const { rows } = await this.options.pool.query<{ xid: string; position: string }>(
          this.appendAtQuery(stream, first, events, serialized),
        );
        if (rows.length === events.length) {
          this.appended();
          const last = rows.reduce((a, b) => (BigInt(b.position) > BigInt(a.position) ? b : a));
          return { nextRevision: first + events.length - 1, position: formatCheckpoint(last) };
        }
        // Nothing inserted: the stream is not where the caller expected. Classify below.
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return this.appendCarefully(stream, expectedRevision, events, serialized);
  }

  private appendAtQuery(
    stream: string,
    first: number,
    events: readonly NewEvent[],
    serialized: readonly SerializedEvent[],
  ): pg.QueryConfig {
    const variant =
      `${events.length === 1 ? 'appendOneAt' : 'appendManyAt'}${this.options.avoidServerErrors ? 'WithoutErrors' : ''}` as const;
    const name = `${variant}:${this.options.schema}`;
    const [event] = events;
    if (events.length === 1 && event) {
      const [json] = serialized as [SerializedEvent];
      return { name, text: this.sql[variant], values: [stream, first, event.id, event.type, json.data, json.metadata] };
    }
    // One JSON array, built from the validator's serialization instead of stringifying again.
    const batch = `[${events.map((e, i) => `{"id":${JSON.stringify(e.id)},"type":${JSON.stringify(e.type)},"data":${serialized[i]?.data},"metadata":${serialized[i]?.metadata}}`).join(',')}]`;
    return { name, text: this.sql[variant], values: [stream, first, batch] };
  }

  /** The server-side function: 'any' appends, duplicates, conflicts (see appendFunctionSql). */
  private async appendCarefully(
    stream: string,
    expectedRevision: AppendOptions['expectedRevision'],
    events: readonly NewEvent[],
    serialized: readonly SerializedEvent[],
  ): Promise<AppendResult> {
    const params = [
      stream,
      typeof expectedRevision === 'number' ? expectedRevision : -1,
      expectedRevision === 'any',
      events.map((e) => e.id),
      events.map((e) => e.type),
      serialized.map((e) => e.data),
      serialized.map((e) => e.metadata),
    ];
    for (let attempt = 1; ; attempt++) {
      try {
        const { rows } = await this.options.pool.query<{
          status: AppendStatus;
          revision: number | null;
          last_position: string | null;
          xid: string | null;
        }>({ name: `append:${this.options.schema}`, text: this.sql.append, values: params });
        const row = rows[0];
        switch (row?.status) {
          case 'appended':
          case 'duplicate': {
            if (row.status === 'appended') this.appended();
            return {
              nextRevision: row.revision as number,
              position: formatCheckpoint({ xid: row.xid as string, position: row.last_position as string }),
            };
          }
          case 'conflict':
            throw new ConcurrencyError(
              stream,
              expectedRevision,
              row.revision === -1 ? 'no_stream' : (row.revision as number),
            );
          case 'foreign':
            throw new DuplicateEventIdError(events.map((e) => e.id));
          case undefined:
          default:
            throw new Error(`append_events returned ${JSON.stringify(row)}`);
        }
      } catch (error) {
        // A concurrent append of the same revision or ids won the race: ask again, the function
        // now answers 'conflict' or 'duplicate' (or, for 'any', appends after the winner).
        if (isUniqueViolation(error) && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  private appended(): void {
    this.waiter.notifyLocal();
    this.notifier?.poke();
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    // Read strictly here, not by timestamptz (which takes "Jan 1 2026" and zone-less text).
    if (options.until !== undefined) requireInstant(options.until, 'until');
    const { rows } = await this.options.pool.query<EventRow>({
      name: `readStream:${this.options.schema}`,
      text: this.sql.readStream,
      values: [stream, options.fromRevision ?? 0, options.toRevision ?? 2147483647, options.until ?? null],
    });
    return rows.map(toRecorded);
  }

  async readAll({ after = null, limit, streamPrefix, types }: ReadAllOptions): Promise<ReadAllResult> {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
    const from = parseCheckpoint(after);
    const base: unknown[] = [from.xid, from.position, limit];
    const [name, text, values] =
      streamPrefix !== undefined && types !== undefined
        ? ['readAllByPrefixAndTypes', this.sql.readAllByPrefixAndTypes, [...base, prefixPattern(streamPrefix), types]]
        : streamPrefix !== undefined
          ? ['readAllByPrefix', this.sql.readAllByPrefix, [...base, prefixPattern(streamPrefix)]]
          : types !== undefined
            ? ['readAllByTypes', this.sql.readAllByTypes, [...base, types]]
            : ['readAll', this.sql.readAll, base];
    const { rows } = await this.options.pool.query<EventRow>({ name: `${name}:${this.options.schema}`, text, values });
    const events = rows.filter((r) => r.event_id !== null).map(toRecorded);
    if (name !== 'readAll') events.sort((a, b) => compareCheckpoints(a.position, b.position));
    const last = events.at(-1)?.position ?? after;
    const tail = rows.find((r) => r.event_id === null)?.tail ?? null;
    // Page not full: everything readable up to the tail was either returned or filtered out.
    const next = events.length < limit && tail !== null && compareCheckpoints(tail, last) > 0 ? tail : last;
    return { events, next };
  }

  waitForEvents(after: Checkpoint | null, options: WaitOptions): Promise<void> {
    return this.waiter.wait(after, options);
  }

  compareCheckpoints(a: Checkpoint | null, b: Checkpoint | null): number {
    return compareCheckpoints(a, b);
  }

  async backlog(after: Checkpoint | null, { types, cap }: BacklogOptions): Promise<Backlog> {
    const from = parseCheckpoint(after);
    // Planned with its values each time, as the probe (a generic plan may scan the whole log).
    const { rows } = await this.options.pool.query<{ events: number; oldest: string | null }>(this.sql.backlog, [
      from.xid,
      from.position,
      types ?? null,
      cap,
    ]);
    const events = rows[0]?.events ?? 0;
    return { events, capped: events >= cap, oldestRecordedAt: rows[0]?.oldest ?? null };
  }

  async ping(): Promise<boolean> {
    try {
      await this.options.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.notifier?.close();
    await this.waiter.close();
  }

  private async probe(after: Checkpoint | null): Promise<{ readable: boolean; inFlight: boolean }> {
    const from = parseCheckpoint(after);
    // Not a named (prepared) statement: after five runs PostgreSQL would switch to a generic plan,
    // and for these EXISTS the generic plan is a scan of the whole log (measured 200 ms at 750k
    // events against 0.15 ms with the actual values), run by every idle reader at each wake-up.
    const { rows } = await this.options.pool.query<{ readable: boolean; any: boolean }>(this.sql.probe, [
      from.xid,
      from.position,
    ]);
    const row = rows[0];
    return { readable: row?.readable ?? false, inFlight: (row?.any ?? false) && !(row?.readable ?? false) };
  }
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  stream: row.stream,
  revision: row.revision,
  position: formatCheckpoint({ xid: row.xid, position: row.position }),
  type: row.type,
  data: row.data,
  metadata: row.metadata,
});

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
