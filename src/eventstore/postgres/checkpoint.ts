import { InvalidEventError } from '../errors.js';

/** A PostgreSQL checkpoint: the (transaction_id, position) pair of an event, as "xid/position". */
export interface PgPosition {
  readonly xid: string;
  readonly position: string;
}

export const START: PgPosition = { xid: '0', position: '0' };

export const formatCheckpoint = (p: PgPosition): string => `${p.xid}/${p.position}`;

export const parseCheckpoint = (checkpoint: string | null | undefined): PgPosition => {
  if (checkpoint === null || checkpoint === undefined) return START;
  const match = /^(\d{1,20})\/(\d{1,19})$/.exec(checkpoint);
  if (!match) throw new InvalidEventError(`checkpoint "${checkpoint}" is not one this store issued`, 'after');
  return { xid: match[1] as string, position: match[2] as string };
};

/** Orders two checkpoints of this store (numeric, both parts). */
export const compareCheckpoints = (a: string | null, b: string | null): number => {
  const pa = parseCheckpoint(a);
  const pb = parseCheckpoint(b);
  const x = BigInt(pa.xid) - BigInt(pb.xid);
  if (x !== 0n) return x < 0n ? -1 : 1;
  const p = BigInt(pa.position) - BigInt(pb.position);
  return p === 0n ? 0 : p < 0n ? -1 : 1;
};
