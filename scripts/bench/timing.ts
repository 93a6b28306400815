import { performance } from 'node:perf_hooks';

/** Milliseconds taken by `fn`. */
export const timed = async (fn: () => Promise<void>): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

export const perSecond = (count: number, ms: number): number => (ms <= 0 ? 0 : (count * 1000) / ms);

/** Runs one async worker per group concurrently; rejects with the first failure. */
export const runWorkers = async <T>(
  groups: readonly (readonly T[])[],
  work: (item: T) => Promise<void>,
): Promise<void> => {
  await Promise.all(
    groups.map(async (group) => {
      for (const item of group) await work(item);
    }),
  );
};

/** Nearest-rank percentile of unsorted samples. */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
};
