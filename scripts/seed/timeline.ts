/**
 * A parcel's scenario as dated commands: each builder adds items with the date of the act; the
 * runner sends them in date order (stable), so the parcel's states follow its own chronology.
 * A body may be computed from earlier answers (a credit entry cites the breach event's id).
 */
import { kebabCase } from '../../src/api/commands/kebab.js';
import type { ActorSpec, CityActors } from './actors.js';
import type { Outcome } from './client.js';
import type { IsoDate } from './dates.js';
import type { Batch, ParcelSeed } from './plan.js';
import type { Rng } from './prng.js';

export type Body = Record<string, unknown>;
export type Results = ReadonlyMap<string, Outcome>;

export interface Item {
  readonly on: IsoDate;
  /** Unique within the parcel; part of the Idempotency-Key. */
  readonly name: string;
  readonly path: string;
  readonly actor: ActorSpec;
  readonly body: Body | ((results: Results) => Body);
  readonly expectCode?: string;
}

export interface ParcelContext {
  readonly batch: Batch;
  readonly parcel: ParcelSeed;
  readonly officials: CityActors;
  readonly user: ActorSpec;
  readonly rng: Rng;
}

export class Timeline {
  readonly items: Item[] = [];
  constructor(readonly ctx: ParcelContext) {}

  /** A parcel command. */
  parcel(on: IsoDate, name: string, command: string, actor: ActorSpec, body: Item['body'], expectCode?: string): void {
    this.push({
      on,
      name,
      path: `/parcels/${this.ctx.parcel.parcelId}/${kebabCase(command)}`,
      actor,
      body,
      ...(expectCode ? { expectCode } : {}),
    });
  }

  /** A credit-archive command on the parcel's land user. */
  credit(on: IsoDate, name: string, command: string, actor: ActorSpec, body: Item['body']): void {
    this.push({
      on,
      name,
      path: `/land-users/${this.ctx.parcel.landUser.id}/credit/${kebabCase(command)}`,
      actor,
      body,
    });
  }

  private push(item: Item): void {
    if (this.items.some((i) => i.name === item.name)) throw new Error(`duplicate step name ${item.name}`);
    this.items.push(item);
  }

  /** Date order; same date keeps the order the builders added them in. */
  sorted(): Item[] {
    return this.items
      .map((item, seq) => ({ item, seq }))
      .sort((a, b) => (a.item.on < b.item.on ? -1 : a.item.on > b.item.on ? 1 : a.seq - b.seq))
      .map((x) => x.item);
  }
}
