/** Every read model the service maintains; a new one is one more entry here. */
import { creditProjection } from './credit/projection.js';
import { decisionsProjection } from './decisions/projection.js';
import { parcelsProjection } from './parcels/projection.js';
import type { Projection } from './projection.js';

export const PROJECTIONS: readonly Projection[] = [parcelsProjection, creditProjection, decisionsProjection];

export const projectionNamed = (name: string): Projection | undefined => PROJECTIONS.find((p) => p.name === name);
