/**
 * Request durations by route pattern: `request.routeOptions.url` ('/parcels/:parcelId/confirm-deal'),
 * never the raw URL, so ids do not multiply the series. Requests no route matched share 'unmatched'.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Histogram, type Registry } from 'prom-client';

export const UNMATCHED_ROUTE = 'unmatched';

export interface RequestLabels {
  readonly method: string;
  /** The route pattern, or 'unmatched'. */
  readonly route: string;
  readonly statusCode: number;
}

export const requestDurations = (registry: Registry): ((labels: RequestLabels, seconds: number) => void) => {
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  return ({ method, route, statusCode }, seconds) =>
    histogram.observe({ method, route, status_code: String(statusCode) }, seconds);
};

/** The labels of an answered request (for an onResponse hook). */
export const requestLabels = (request: FastifyRequest, reply: FastifyReply): RequestLabels => ({
  method: request.method,
  // Undefined when no route matched (the not-found handler answered).
  route: request.routeOptions.url ?? UNMATCHED_ROUTE,
  statusCode: reply.statusCode,
});
