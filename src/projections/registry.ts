/** Every read model the service maintains; a new one is one more entry here. */
import { parcelsProjection } from './parcels/projection.js';
import type { Projection } from './projection.js';

export const PROJECTIONS: readonly Projection[] = [parcelsProjection];

export const projectionNamed = (name: string): Projection | undefined => PROJECTIONS.find((p) => p.name === name);
