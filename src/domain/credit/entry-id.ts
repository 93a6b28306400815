import { createHash } from 'node:crypto';
import type { CreditTrigger, EvidenceRef } from './types.js';

/**
 * The entry id is derived from (trigger, evidenceRef), so a saga that re-delivers the same
 * breach, or two officers reporting it, land on the same id and the archive keeps one entry.
 * JSON of an array keeps the parts unambiguous whatever characters the ids contain.
 * createHash is pure computation here (no I/O, no clock, no randomness).
 */
export const creditEntryId = (trigger: CreditTrigger, evidenceRef: EvidenceRef): string => {
  const key = JSON.stringify([trigger, evidenceRef.parcelId, evidenceRef.eventId, evidenceRef.caseId]);
  return `${trigger}-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16)}`;
};
