/**
 * The saga benchmark's figures besides report.ts's units: durations in seconds. Same line format
 * ({"name","value","unit"} on stdout, nothing else there).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { emit } from './report.js';

export const emitSeconds = (name: string, ms: number): void => {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(ms) / 1000, unit: 's' })}\n`);
};

/** The machine facts, as bench-read prints them (plus memory). */
export const emitHost = (): void => {
  const [one, five, fifteen] = loadavg();
  emit('host.load_avg_1m', one ?? 0, 'ratio');
  emit('host.load_avg_5m', five ?? 0, 'ratio');
  emit('host.load_avg_15m', fifteen ?? 0, 'ratio');
  emit('host.cpus', cpus().length, 'count');
  emit('host.memory_bytes', totalmem(), 'bytes');
};

export const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
