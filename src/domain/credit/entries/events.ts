import type { DomainEvent } from '../../decider.js';
import type { EntryBase } from '../types.js';

/** The entry as listed (its status is ACTIVE). */
export type CreditEntryAdded = DomainEvent<'CreditEntryAdded', { readonly landUserId: string } & EntryBase>;
