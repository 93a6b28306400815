/** What the seed counts, and its one-line summary. */
import type { Step } from './client.js';

export interface Failure {
  readonly path: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly body: Record<string, unknown>;
  readonly actor: string;
}

export class Stats {
  sent = 0;
  acceptedNew = 0;
  replayed = 0;
  /** Accepted with nothing to record: the fact was there already (e.g. a credit entry the system's saga added first). */
  unchanged = 0;
  expected = 0;
  readonly expectedByCode = new Map<string, number>();
  readonly rejectedByCode = new Map<string, number>();
  readonly failures: Failure[] = [];
  readonly latencies: number[] = [];
  /** Commands sent per resource family (the path's first segment: parcels, decisions, announcements …). */
  readonly byFamily = new Map<string, number>();
  private readonly startedAt = performance.now();

  /** Counts a command about to be sent under its family. */
  routed(path: string): void {
    const family = path.split('/')[1] ?? '';
    this.byFamily.set(family, (this.byFamily.get(family) ?? 0) + 1);
  }

  accepted(replayed: boolean, ms: number, appended = true): void {
    this.sent++;
    this.latencies.push(ms);
    if (replayed) this.replayed++;
    else if (!appended) this.unchanged++;
    else this.acceptedNew++;
  }

  expectedRejection(code: string, ms: number): void {
    this.sent++;
    this.latencies.push(ms);
    this.expected++;
    this.expectedByCode.set(code, (this.expectedByCode.get(code) ?? 0) + 1);
  }

  unexpected(step: Step, status: number, code: string, detail: string): void {
    this.sent++;
    this.rejectedByCode.set(code, (this.rejectedByCode.get(code) ?? 0) + 1);
    this.failures.push({
      path: step.path,
      status,
      code,
      detail,
      body: step.body,
      actor: `${step.actor.role}@${step.actor.jurisdiction}`,
    });
  }

  get elapsedS(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  /** `world`: further counts of what the seed plays (announcements, linkage areas), printed after the decisions. */
  summary(parcels: number, decisions: number, world: Readonly<Record<string, number>> = {}): string {
    const counts = (m: Map<string, number>) =>
      [...m.entries()]
        .sort()
        .map(([c, n]) => `${c}:${n}`)
        .join(',') || 'none';
    const s = this.elapsedS;
    return [
      `parcels=${parcels}`,
      `decisions=${decisions}`,
      ...Object.entries(world).map(([k, v]) => `${k}=${v}`),
      `commands=${this.sent}`,
      `by_family=${counts(this.byFamily)}`,
      `accepted=${this.acceptedNew}`,
      `replayed=${this.replayed}`,
      `unchanged=${this.unchanged}`,
      `expected_rejections=${this.expected} (${counts(this.expectedByCode)})`,
      `unexpected=${this.failures.length} (${counts(this.rejectedByCode)})`,
      `elapsed=${s.toFixed(1)}s`,
      `commands_per_s=${(this.sent / s).toFixed(1)}`,
    ].join(' ');
  }
}
