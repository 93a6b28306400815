/** Every read model the service maintains; a new one is one more entry here. */
import { accessLogProjection } from './access-log/projection.js';
import { creditProjection } from './credit/projection.js';
import { decisionsProjection } from './decisions/projection.js';
import { eventIndexProjection } from './event-index/projection.js';
import { linkageProjection } from './linkage/projection.js';
import { parcelsProjection } from './parcels/projection.js';
import { reportObligationsProjection } from './report-obligations/projection.js';
import type { Projection } from './projection.js';
import { supplyRecordsProjection } from './supply-records/projection.js';

export const PROJECTIONS: readonly Projection[] = [
  parcelsProjection,
  creditProjection,
  decisionsProjection,
  accessLogProjection,
  eventIndexProjection,
  supplyRecordsProjection,
  linkageProjection,
  reportObligationsProjection,
];

export const projectionNamed = (name: string): Projection | undefined => PROJECTIONS.find((p) => p.name === name);
