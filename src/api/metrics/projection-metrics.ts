/**
 * The read side's figures as gauges, asked for at scrape time (each gauge's `collect`), so a
 * scrape shows the projections as they are then. One scrape asks the source once, however many
 * gauges it fills.
 */
import { Gauge, type Registry } from 'prom-client';

export interface ProjectionFigures {
  readonly name: string;
  readonly version: number;
  readonly status: string;
  /** Events the projection is behind the store's head; null when not known. */
  readonly lagEvents: number | null;
  /** How far behind the projection is, in seconds; null when not known. */
  readonly lagSeconds: number | null;
  readonly deadLetters: number;
}

export type ProjectionSource = () => Promise<readonly ProjectionFigures[]>;

/** Statuses in which a projection is doing its job. */
const UP_STATUSES: ReadonlySet<string> = new Set(['running', 'caught_up']);

export const projectionGauges = (
  registry: Registry,
  onSourceError: (error: unknown) => void,
): ((source: ProjectionSource | undefined) => void) => {
  let source: ProjectionSource | undefined;
  // The gauges of one scrape are collected concurrently: they share the answer in flight.
  let inflight: Promise<readonly ProjectionFigures[]> | undefined;
  const figures = (): Promise<readonly ProjectionFigures[]> => {
    if (source === undefined) return Promise.resolve([]);
    inflight ??= source()
      .catch((error: unknown) => {
        // The rest of the scrape (process, HTTP, appends) is still worth answering.
        onSourceError(error);
        return [];
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };

  const gauge = (name: string, help: string, value: (f: ProjectionFigures) => number | null): void => {
    new Gauge({
      name,
      help,
      labelNames: ['projection'] as const,
      registers: [registry],
      async collect() {
        const all = await figures();
        // A projection that is gone, or a figure that is not known, has no series.
        this.reset();
        for (const f of all) {
          const v = value(f);
          if (v !== null) this.set({ projection: f.name }, v);
        }
      },
    });
  };
  gauge('ledger_projection_lag_events', 'Events the projection is behind the store', (f) => f.lagEvents);
  gauge('ledger_projection_lag_seconds', 'How far behind the store the projection is, in seconds', (f) => f.lagSeconds);
  gauge('ledger_projection_dead_letters', 'Events the projection set aside as failed', (f) => f.deadLetters);
  gauge('ledger_projection_up', "1 while the projection is 'running' or 'caught_up', else 0", (f) =>
    UP_STATUSES.has(f.status) ? 1 : 0,
  );

  return (next) => {
    source = next;
  };
};
