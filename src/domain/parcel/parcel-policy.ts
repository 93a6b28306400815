/**
 * Parameters the parcel rules need that the shared Policy does not (yet) carry. Kept here,
 * keyed by the policy's jurisdiction, so they can move into src/domain/policy unchanged.
 */
import type { Policy } from '../policy/index.js';
import type { LandUse } from './state.js';

export interface ParcelPolicyExtras {
  /** S4 §十一: termination for non-payment is approved by the city/county government (Jiangsu). */
  readonly terminationRequiresGovernmentApproval: boolean;
  /** E18 [E~]: maximum land-use term in years by GB/T 21010 class. */
  readonly maxTermYears: Readonly<Record<LandUse['code'], number>>;
}

// E18: residential 70; industrial 50; education, science, culture, health, sports 50;
// commercial, tourism, entertainment 40; comprehensive or other 50.
const TERM_MAXIMA: ParcelPolicyExtras['maxTermYears'] = {
  '05': 40,
  '06': 50,
  '07': 70,
  '08': 50,
  '09': 50,
  '10': 50,
  '11': 50,
};

const NATIONAL: ParcelPolicyExtras = { terminationRequiresGovernmentApproval: false, maxTermYears: TERM_MAXIMA };
const JIANGSU: ParcelPolicyExtras = { ...NATIONAL, terminationRequiresGovernmentApproval: true };

const BY_JURISDICTION: Readonly<Record<string, ParcelPolicyExtras>> = { CN: NATIONAL, 'CN-JS': JIANGSU };

export const parcelExtras = (policy: Policy): ParcelPolicyExtras => BY_JURISDICTION[policy.jurisdiction] ?? NATIONAL;
