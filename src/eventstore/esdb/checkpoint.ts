import type { Position } from '@eventstore/db-client';
import { InvalidEventError } from '../errors.js';
import type { Checkpoint } from '../types.js';

/**
 * An EventStoreDB checkpoint is the commit and prepare positions of an event in the
 * transaction log, as "esdb:<commit>:<prepare>". The prefix keeps a PostgreSQL checkpoint
 * ("xid/position") from being mistaken for one of ours after a switch of adapter.
 */
const FORMAT = /^esdb:(\d{1,20}):(\d{1,20})$/;

/** The log is addressed with unsigned 64-bit positions; anything above int64 is a sentinel (-1). */
const MAX_POSITION = 2n ** 63n - 1n;

export const formatCheckpoint = (position: Position): Checkpoint => `esdb:${position.commit}:${position.prepare}`;

export const parseCheckpoint = (checkpoint: Checkpoint): Position => {
  const match = FORMAT.exec(checkpoint);
  const commit = match?.[1];
  const prepare = match?.[2];
  if (commit === undefined || prepare === undefined) {
    throw new InvalidEventError(`checkpoint "${checkpoint}" is not one this store issued`, 'after');
  }
  const position = { commit: BigInt(commit), prepare: BigInt(prepare) };
  if (!isRealPosition(position)) {
    throw new InvalidEventError(`checkpoint "${checkpoint}" is out of range`, 'after');
  }
  return position;
};

/** Orders two log positions: by commit, then by prepare (events of one commit share it). */
export const comparePositions = (a: Position, b: Position): number => {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
};

/** Orders two checkpoints of this store; null (the start of the log) comes first. */
export const compareCheckpoints = (a: Checkpoint | null, b: Checkpoint | null): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return comparePositions(parseCheckpoint(a), parseCheckpoint(b));
};

/**
 * False for the "no position" sentinels some server versions send (e.g. after an
 * idempotent append): -1 travels as the largest uint64.
 */
export const isRealPosition = (position: Position | undefined): position is Position =>
  position !== undefined &&
  position.commit >= 0n &&
  position.prepare >= 0n &&
  position.commit <= MAX_POSITION &&
  position.prepare <= MAX_POSITION;
