/** Lookups and checks shared by the credit features. */
import { fail } from './errors.js';
import type { CreditArchiveState, CreditEntry } from './types.js';

export const isBlank = (text: string | null | undefined): boolean =>
  text === null || text === undefined || text.trim() === '';

export const entriesOf = (state: CreditArchiveState): readonly CreditEntry[] =>
  state.status === 'CLEAN' ? [] : state.entries;

/** The entry and the archive's owner (an archive with an entry always knows its owner). */
export const findEntry = (state: CreditArchiveState, entryId: string): { entry: CreditEntry; landUserId: string } => {
  const entry = state.status === 'CLEAN' ? undefined : state.entries.find((candidate) => candidate.entryId === entryId);
  if (entry === undefined || state.status === 'CLEAN') {
    return fail('CREDIT_ENTRY_NOT_FOUND', `no credit entry '${entryId}' in this archive`, {
      field: 'entryId',
      rule: '§7.3',
    });
  }
  return { entry, landUserId: state.landUserId };
};
