import type { CreditArchiveState, CreditEntry, CreditEvent } from './types.js';

export const initialState = (): CreditArchiveState => ({ status: 'CLEAN', landUserId: null });

const withEntries = (landUserId: string, entries: readonly CreditEntry[]): CreditArchiveState => ({
  status: entries.every((entry) => entry.status === 'LIFTED') ? 'LIFTED' : 'LISTED',
  landUserId,
  entries,
});

/** Replaces one entry via `step`, which returns undefined when the event does not apply to it. */
const updateEntry = (
  state: CreditArchiveState,
  entryId: string,
  step: (entry: CreditEntry) => CreditEntry | undefined,
): CreditArchiveState => {
  if (state.status === 'CLEAN') return state;
  const index = state.entries.findIndex((entry) => entry.entryId === entryId);
  const current = state.entries[index];
  if (current === undefined) return state;
  const next = step(current);
  if (next === undefined) return state;
  return withEntries(
    state.landUserId,
    state.entries.map((entry, i) => (i === index ? next : entry)),
  );
};

export const evolve = (state: CreditArchiveState, event: CreditEvent): CreditArchiveState => {
  switch (event.type) {
    case 'CreditEntryAdded': {
      const { landUserId, ...entry } = event.data;
      if (state.landUserId !== null && state.landUserId !== landUserId) return state;
      const existing = state.status === 'CLEAN' ? [] : state.entries;
      if (existing.some((candidate) => candidate.entryId === entry.entryId)) return state;
      return withEntries(landUserId, [...existing, { ...entry, status: 'ACTIVE' }]);
    }
    case 'CreditEntryLiftRequested': {
      const { landUserId: _owner, entryId, ...liftRequest } = event.data;
      return updateEntry(state, entryId, (entry) =>
        entry.status === 'ACTIVE' ? { ...entry, status: 'LIFT_REQUESTED', liftRequest } : undefined,
      );
    }
    case 'RectificationVerified': {
      const { landUserId: _owner, entryId, ...verification } = event.data;
      return updateEntry(state, entryId, (entry) =>
        entry.status === 'LIFT_REQUESTED' ? { ...entry, status: 'RECTIFICATION_VERIFIED', verification } : undefined,
      );
    }
    case 'CreditEntryLifted': {
      const { landUserId: _owner, entryId, ...lift } = event.data;
      return updateEntry(state, entryId, (entry) =>
        entry.status === 'RECTIFICATION_VERIFIED' ? { ...entry, status: 'LIFTED', lift } : undefined,
      );
    }
    default: {
      const _never: never = event;
      return state;
    }
  }
};
