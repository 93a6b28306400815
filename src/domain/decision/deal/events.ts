import type { DomainEvent } from '../../decider.js';
import type { ConcludeDeal } from './schemas.js';

/** The deal as state keeps it: what the command brought and when it was recorded. */
export type Deal = Omit<ConcludeDeal['data'], 'parcelId'> & { readonly concludedAt: string };

export type DealConcluded = DomainEvent<'DealConcluded', { readonly parcelId: string } & Deal>;
