/**
 * Sends a scope's items (a decision's, or a parcel's in date order) one after another, each with
 * an Idempotency-Key of seed + scope + step, up to the horizon. The first unexpected answer
 * ends the scope (what follows depends on it); the failure is already recorded in the stats.
 */
import { ScenarioFailure, type Client, type Outcome } from './client.js';
import { HORIZON } from './dates.js';
import type { Item } from './timeline.js';

export interface ScopeResult {
  readonly sent: number;
  readonly completed: boolean;
}

export const runScope = async (client: Client, keyPrefix: string, items: readonly Item[]): Promise<ScopeResult> => {
  const results = new Map<string, Outcome>();
  let sent = 0;
  let rerun = false;
  for (const item of items) {
    if (item.on > HORIZON) continue;
    try {
      let body;
      try {
        body = typeof item.body === 'function' ? item.body(results) : item.body;
      } catch (error) {
        client.recordLocal(item.path, (error as Error).message, item.actor);
        return { sent, completed: false };
      }
      const outcome = await client.send({
        path: item.path,
        actor: item.actor,
        body,
        key: `${keyPrefix}:${item.name}`,
        rerun,
        ...(item.expectCode === undefined ? {} : { expectCode: item.expectCode }),
      });
      sent++;
      results.set(item.name, outcome);
      rerun ||= outcome.replayed;
      if (!outcome.asExpected) return { sent, completed: false };
    } catch (error) {
      if (error instanceof ScenarioFailure) return { sent, completed: false };
      throw error;
    }
  }
  return { sent, completed: true };
};

/** Runs `work` over `items` with at most `limit` at a time. */
export const pool = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};
