/**
 * Jurisdiction scoping of read models. Every row that belongs to a place carries `division_code`
 * (GB/T 2260 prefix, '' for the whole country; see src/domain/jurisdiction.ts), stored with the
 * "C" collation so `LIKE 'prefix%'` uses its btree index. A token's jurisdiction 'CN' sees
 * everything; '3201' sees the rows whose code starts with 3201.
 */
import { divisionCodeOf } from '../domain/jurisdiction.js';

/** The division code stored for a jurisdiction; an unreadable one is stored as '?', which no prefix matches. */
export const divisionCodeColumn = (jurisdiction: string): string => divisionCodeOf(jurisdiction) ?? '?';

/** The LIKE pattern matching every code that starts with `prefix` (wildcards in it escaped). */
export const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

/** The LIKE pattern for a division prefix ('CN' → null: no restriction). */
export const divisionPattern = (prefix: string): string | null => (prefix === 'CN' ? null : likePrefix(prefix));
