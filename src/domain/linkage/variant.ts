/**
 * Which text of S2 governs a project area (§9.3, §14 Q7): Sichuan's forwarding notice (川国资办发
 * 〔2014〕17号) for areas in Sichuan, the ministry's (国土资厅函〔2014〕134号) elsewhere.
 */
import { divisionCodeOf } from '../jurisdiction.js';
import type { LinkageVariant } from './events.js';

const SICHUAN_DIVISION = '51';

/** null when the jurisdiction is not a city or county ('CN-SC-5101', 'CN-JS-320115'). */
export const linkageVariantFor = (jurisdiction: string): LinkageVariant | null => {
  const code = divisionCodeOf(jurisdiction);
  if (code === null || code.length < 4) return null;
  return code.startsWith(SICHUAN_DIVISION) ? 'SICHUAN' : 'MLR';
};
