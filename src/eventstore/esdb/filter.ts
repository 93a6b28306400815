import type { ReadAllOptions } from '../types.js';
import type { EsdbRecordedEvent } from './convert.js';
import { isOurEvent } from './convert.js';

/**
 * Which events of $all a readAll returns. System events ($-prefixed types, such as link
 * events and stream metadata) and $-prefixed streams are never ours; neither is anything
 * that was not written through this port (another application sharing the database).
 */
export const allStreamFilter = (options: Pick<ReadAllOptions, 'streamPrefix' | 'types'>) => {
  const prefix = options.streamPrefix;
  const types = options.types === undefined ? undefined : new Set(options.types);
  return (event: EsdbRecordedEvent): boolean =>
    !event.type.startsWith('$') &&
    !event.streamId.startsWith('$') &&
    (prefix === undefined || event.streamId.startsWith(prefix)) &&
    (types === undefined || types.has(event.type)) &&
    isOurEvent(event);
};
