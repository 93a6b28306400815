import { InvalidEventError } from './errors.js';
import type { JsonValue, NewEvent } from './types.js';

/** Largest serialized event (data + metadata) the store accepts. Documents go elsewhere; events hold facts. */
export const MAX_EVENT_BYTES = 256 * 1024;
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
export const validateNewEvents = (stream: string, events: readonly NewEvent[]): SerializedEvent[] => {
  if (!STREAM.test(stream)) {
    throw new InvalidEventError(
      `stream name "${stream}" must look like "<category>-<id>" (e.g. parcel-3201-2026-001)`,
      'stream',
    );
  }
  if (events.length === 0) throw new InvalidEventError('an append needs at least one event', 'events');
  const ids = new Set<string>();
  return events.map((event, i) => {
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
    return serialized;
  });
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
    // PostgreSQL jsonb cannot hold NUL; refuse it here so both stores accept the same events.
    if (value.includes('\u0000')) throw new InvalidEventError(`${path} contains a NUL character`, path);
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
    for (const [key, item] of Object.entries(value)) assertJson(item, `${path}.${key}`, depth + 1);
    return;
  }
  throw new InvalidEventError(`${path} is not JSON (${typeof value})`, path);
}
