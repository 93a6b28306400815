/**
 * The service's Prometheus metrics, one `Metrics` per app: its own prom-client Registry (never the
 * global one), so tests and several apps in one process do not collide. Served at GET /metrics.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';
import { appendedEvents } from './append-metrics.js';
import { requestDurations, type RequestLabels } from './http-metrics.js';
import { projectionGauges, type ProjectionSource } from './projection-metrics.js';

export type { ProjectionFigures, ProjectionSource } from './projection-metrics.js';

export interface Metrics {
  readonly registry: Registry;
  /** One answered HTTP request (`http_request_duration_seconds`). */
  observeRequest(labels: RequestLabels, seconds: number): void;
  /** Events a command appended to `stream` (`ledger_events_appended_total`); never an idempotent replay's. */
  countAppended(stream: string, events: readonly { readonly type: string }[]): void;
  /**
   * Where the `ledger_projection_*` gauges come from: called once per scrape. Until it is set
   * (or after `undefined`), those gauges have no series.
   */
  setProjectionSource(source: ProjectionSource | undefined): void;
}

export interface MetricsOptions {
  /** A projection source that fails: the scrape answers without projection series. */
  readonly onProjectionSourceError?: (error: unknown) => void;
}

export const createMetrics = ({ onProjectionSourceError = () => {} }: MetricsOptions = {}): Metrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    observeRequest: requestDurations(registry),
    countAppended: appendedEvents(registry),
    setProjectionSource: projectionGauges(registry, onProjectionSourceError),
  };
};

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's metrics (src/api/metrics): the read side calls `setProjectionSource` on them. */
    readonly metrics: Metrics;
  }
}
