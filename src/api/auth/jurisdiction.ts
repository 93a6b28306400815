/**
 * Token jurisdictions are administrative-division code prefixes (GB/T 2260): '32' a province,
 * '3201' a city, '320115' a county; 'CN' is the whole country (the ministry). Aggregates'
 * jurisdictions are read as division codes by src/domain/jurisdiction.ts.
 */
import { divisionCodeOf } from '../../domain/jurisdiction.js';

export { divisionCodeOf };

export const TOKEN_JURISDICTION = /^(?:CN|\d{2}(?:\d{2}){0,5})$/;

/** Does a token's jurisdiction cover the target's? 'CN' covers everything. */
export const covers = (tokenJurisdiction: string, targetJurisdiction: string): boolean => {
  if (tokenJurisdiction === 'CN') return true;
  const code = divisionCodeOf(targetJurisdiction);
  return code !== null && code !== '' && code.startsWith(tokenJurisdiction);
};
