/**
 * Stream names of the three aggregates (ARCHITECTURE.md "Adapters": `<category>-<id>`, so that
 * EventStoreDB's `$ce-` category streams work).
 */
export const parcelStream = (parcelId: string): string => `parcel-${parcelId}`;
export const decisionStream = (decisionId: string): string => `decision-${decisionId}`;
export const creditStream = (landUserId: string): string => `credit-${landUserId}`;

export const STREAM_CATEGORIES = {
  parcel: 'parcel-',
  decision: 'decision-',
  credit: 'credit-',
  timers: 'timers-',
} as const;

/** The timers of one owner (a parcel): scheduled, rescheduled, cancelled, obsolete firings. */
export const timersStream = (ownerId: string): string => `timers-${ownerId}`;
