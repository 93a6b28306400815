import { InvalidEventError } from './errors.js';
import type { JsonValue, NewEvent } from './types.js';

/** Largest serialized event (data + metadata) the store accepts. Documents go elsewhere; events hold facts. */
export const MAX_EVENT_BYTES = 256 * 1024;
/**
 * Largest whole append (the sum of its events' data and metadata) by default: EventStoreDB 24.10
 * refuses more than 1 MiB in one append (its MaxAppendSize), so both stores refuse it here first,
 * with the same error. Configurable (MAX_APPEND_BYTES) for a server set to another limit.
 */
export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;

export interface AppendLimits {
  readonly maxAppendBytes: number;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const STREAM = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9._:-]{1,200}$/;
const TYPE = /^[A-Z][A-Za-z0-9]{0,99}$/;

/**
 * Refuses anything the store should never hold, before it reaches either adapter, so both
 * behave alike: JSON round-trips exactly (no undefined, NaN, Infinity, bigint, Date, class
 * instances), ids are UUIDs, sizes are bounded.
 */
export interface SerializedEvent {
  readonly data: string;
  readonly metadata: string;
}

/** Returns each event's data and metadata as JSON text, so adapters need not serialize again. */
export const validateNewEvents = (
  stream: string,
  events: readonly NewEvent[],
  limits: AppendLimits = { maxAppendBytes: DEFAULT_MAX_APPEND_BYTES },
): SerializedEvent[] => {
  if (!STREAM.test(stream)) {
    throw new InvalidEventError(
      `stream name "${stream}" must look like "<category>-<id>" (e.g. parcel-3201-2026-001)`,
      'stream',
    );
  }
  if (events.length === 0) throw new InvalidEventError('an append needs at least one event', 'events');
  const ids = new Set<string>();
  let total = 0;
  const serialized = events.map((event, i) => {
    const at = `events[${i}]`;
    if (typeof event.id !== 'string' || !UUID.test(event.id))
      throw new InvalidEventError(`${at}.id must be a UUID`, `${at}.id`);
    if (ids.has(event.id.toLowerCase()))
      throw new InvalidEventError(`${at}.id repeats an id of the same append`, `${at}.id`);
    ids.add(event.id.toLowerCase());
    if (typeof event.type !== 'string' || !TYPE.test(event.type)) {
      throw new InvalidEventError(`${at}.type must be a PascalCase name of at most 100 characters`, `${at}.type`);
    }
    assertJsonObject(event.data, `${at}.data`);
    assertJsonObject(event.metadata, `${at}.metadata`);
    const serialized = { data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata) };
    const size = Buffer.byteLength(serialized.data) + Buffer.byteLength(serialized.metadata);
    if (size > MAX_EVENT_BYTES) {
      throw new InvalidEventError(`${at} is ${size} bytes; the limit is ${MAX_EVENT_BYTES}`, `${at}.data`);
    }
    total += size;
    return serialized;
  });
  if (total > limits.maxAppendBytes) {
    throw new InvalidEventError(
      `the append is ${total} bytes in all; the limit is ${limits.maxAppendBytes} (split it into several appends)`,
      'events',
    );
  }
  return serialized;
};

const assertJsonObject = (value: unknown, path: string): void => {
  if (!isPlainObject(value)) throw new InvalidEventError(`${path} must be a JSON object`, path);
  assertJson(value, path, 0);
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

function assertJson(value: unknown, path: string, depth: number): asserts value is JsonValue {
  if (depth > 32) throw new InvalidEventError(`${path} nests deeper than 32 levels`, path);
  if (typeof value === 'string') {
    assertText(value, path);
    return;
  }
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidEventError(`${path} is not a finite number`, path);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertJson(item, `${path}[${i}]`, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      assertText(key, `${path} key "${key}"`);
      assertJson(item, `${path}.${key}`, depth + 1);
    }
    return;
  }
  throw new InvalidEventError(`${path} is not JSON (${typeof value})`, path);
}

/**
 * Text both stores can hold: PostgreSQL jsonb has no NUL and refuses a lone UTF-16 surrogate
 * (half of a pair) with a raw JSON error, so both are refused here, for both stores alike.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const assertText = (text: string, path: string): void => {
  if (text.includes('\u0000')) throw new InvalidEventError(`${path} contains a NUL character`, path);
  if (LONE_SURROGATE.test(text)) throw new InvalidEventError(`${path} contains a lone UTF-16 surrogate`, path);
};
