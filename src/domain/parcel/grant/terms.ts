/**
 * Validation of the terms captured at grant (§3.2, §3.3, §8.4, T06, T11) into GrantTerms.
 */
import type { DateResult, IsoDate } from '../../calendar/index.js';
import { parseHectares } from '../../area.js';
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import type { Policy } from '../../policy/index.js';
import type { CommonGrantData } from './commands.js';
import type { GrantedData } from '../events.js';
import { compareRates, notBefore, oneOf, requireDate, requireFen, requireRate, requireText } from '../guards.js';
import { LAND_USE_CODES, RESIDENTIAL_SUBCLASSES } from '../state.js';
import type { LandUse } from '../state.js';

/** V10: construction class 05–11; residential (07) names one of the five sub-classes. */
export const validateLandUse = (landUse: unknown): LandUse => {
  const raw = (typeof landUse === 'object' && landUse !== null ? landUse : {}) as Partial<Record<string, unknown>>;
  const code = oneOf(raw['code'], LAND_USE_CODES, 'landUse.code', 'LAND_USE_INVALID', 'V10');
  const sub = raw['residentialSubclass'] ?? null;
  if (code !== '07') {
    if (sub !== null)
      fail('LAND_USE_INVALID', 'Only residential land (07) has a sub-class', {
        field: 'landUse.residentialSubclass',
        rule: 'V10',
      });
    return { code, residentialSubclass: null };
  }
  return {
    code,
    residentialSubclass: oneOf(sub, RESIDENTIAL_SUBCLASSES, 'landUse.residentialSubclass', 'LAND_USE_INVALID', 'V10'),
  };
};

const ratioUpToOne = (value: unknown, field: string): string => {
  const rate = requireRate(value, field);
  if (compareRates(rate, '1') > 0) fail('RATIO_OUT_OF_RANGE', `${field} must be between 0 and 1`, { field, value });
  return rate;
};

/** T11 and T11b: the agreed start (and, for housing, completion) within the policy windows. */
const checkStartWindow = (
  policy: Policy,
  landUse: LandUse,
  deliveryDate: IsoDate,
  agreedStart: IsoDate,
  agreedCompletion: IsoDate,
): { readonly startWindow: GrantedData['startWindow']; readonly computed: readonly DateResult[] } => {
  const housingStart = landUse.code === '07' ? dateBy(PARCEL_DATES.housingStartLimit, deliveryDate, policy) : null;
  if (housingStart !== null) {
    const limit = housingStart.date;
    if (agreedStart > limit) {
      fail('HOUSING_START_TOO_LATE', `Housing must start by ${limit}, one year after delivery`, {
        field: 'agreedStart',
        rule: 'T11b',
        limit,
      });
    }
  }
  const housingCompletion =
    landUse.code === '07' ? dateBy(PARCEL_DATES.housingCompletionLimit, agreedStart, policy) : null;
  if (housingCompletion !== null) {
    const limit = housingCompletion.date;
    if (agreedCompletion > limit) {
      fail('HOUSING_COMPLETION_TOO_LATE', `Housing must be completed by ${limit}`, {
        field: 'agreedCompletion',
        rule: 'T11b',
        limit,
      });
    }
  }
  const normal = dateBy(PARCEL_DATES.startWindowNormal, deliveryDate, policy);
  const max = dateBy(PARCEL_DATES.startWindowMax, deliveryDate, policy);
  if (normal === null || max === null) return { startWindow: null, computed: [] };
  const [normalLimit, maxLimit] = [normal.date, max.date];
  if (agreedStart > maxLimit) {
    fail('START_WINDOW_EXCEEDED', `The agreed start must be no later than ${maxLimit}`, {
      field: 'agreedStart',
      rule: 'T11',
      maxLimit,
      normalLimit,
    });
  }
  return { startWindow: { normalLimit, maxLimit, beyondNormal: agreedStart > normalLimit }, computed: [normal, max] };
};

export interface ValidatedCommon {
  readonly areaHa: string;
  readonly landUse: LandUse;
  readonly deliveryDate: IsoDate;
  readonly agreedStart: IsoDate;
  readonly agreedCompletion: IsoDate;
  readonly farMin: string;
  readonly farMax: string;
  readonly greenRatio: string;
  readonly buildingDensity: string;
  readonly totalInvestmentFen: number;
  readonly lateStartRatePerDay: string | null;
  readonly lateCompletionRatePerDay: string | null;
  readonly decisionId: string;
  readonly landUserId: string;
  readonly controllingShareholderIds: readonly string[];
  readonly documentNo: string;
  readonly supervisionNo: string;
  readonly startWindow: GrantedData['startWindow'];
  /** The computed dates stored in the grant event (for its provisional stamp). */
  readonly computedDates: readonly DateResult[];
}

/** Terms shared by transfer contracts and allocation decisions. */
export const validateCommonTerms = (data: CommonGrantData, policy: Policy): ValidatedCommon => {
  const supervisionNo = requireText(data.supervisionNo, 'supervisionNo', 'SUPERVISION_NO_REQUIRED', 'S4 §十');
  const documentNo = requireText(data.documentNo, 'documentNo');
  const decisionId = requireText(data.decisionId, 'decisionId', 'DECISION_REQUIRED', '§10.1');
  const landUserId = requireText(data.landUserId, 'landUserId');
  const shareholders: unknown = data.controllingShareholderIds;
  if (!Array.isArray(shareholders) || shareholders.some((s) => typeof s !== 'string' || s === '')) {
    fail('FIELD_INVALID', 'controllingShareholderIds must be a list of ids', {
      field: 'controllingShareholderIds',
      rule: '§7.1',
    });
  }
  if (parseHectares(data.areaHa, 'areaHa') <= 0)
    fail('AREA_INVALID', 'areaHa must be positive', { field: 'areaHa', rule: 'V8' });
  const landUse = validateLandUse(data.landUse);
  const deliveryDate = requireDate(data.deliveryDate, 'deliveryDate');
  const agreedStart = notBefore(
    requireDate(data.agreedStart, 'agreedStart'),
    deliveryDate,
    'agreedStart',
    'the delivery date',
    'T11',
  );
  const agreedCompletion = requireDate(data.agreedCompletion, 'agreedCompletion');
  if (agreedCompletion < agreedStart) {
    fail('COMPLETION_BEFORE_START', 'agreedCompletion is before agreedStart', {
      field: 'agreedCompletion',
      rule: 'V13',
    });
  }
  const { startWindow, computed } = checkStartWindow(policy, landUse, deliveryDate, agreedStart, agreedCompletion);
  const farMin = requireRate(data.farMin, 'farMin');
  const farMax = requireRate(data.farMax, 'farMax');
  if (compareRates(farMin, farMax) > 0)
    fail('FAR_RANGE_INVALID', 'farMin is above farMax', { field: 'farMin', rule: '§3.2' });
  const floor = policy.residentialMinFarExclusive;
  if (landUse.code === '07' && floor !== null && compareRates(farMin, floor) <= 0) {
    fail('RESIDENTIAL_FAR_TOO_LOW', `Residential FAR lower bound must be greater than ${floor}`, {
      field: 'farMin',
      rule: 'V14',
      floor,
    });
  }
  return {
    areaHa: data.areaHa,
    landUse,
    deliveryDate,
    agreedStart,
    agreedCompletion,
    farMin,
    farMax,
    greenRatio: ratioUpToOne(data.greenRatio, 'greenRatio'),
    buildingDensity: ratioUpToOne(data.buildingDensity, 'buildingDensity'),
    totalInvestmentFen: requireFen(data.totalInvestmentFen, 'totalInvestmentFen'),
    lateStartRatePerDay: optionalRate(data.lateStartRatePerDay, 'lateStartRatePerDay'),
    lateCompletionRatePerDay: optionalRate(data.lateCompletionRatePerDay, 'lateCompletionRatePerDay'),
    decisionId,
    landUserId,
    controllingShareholderIds: [...data.controllingShareholderIds],
    documentNo,
    supervisionNo,
    startWindow,
    computedDates: computed,
  };
};

export const optionalRate = (value: unknown, field: string): string | null =>
  value === undefined || value === null ? null : requireRate(value, field);

/** E18: term in whole years, at most the maximum for the use. */
export const validateTerm = (
  value: unknown,
  landUse: LandUse,
  maxima: Readonly<Record<LandUse['code'], number>>,
): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    return fail('TERM_INVALID', 'termYears must be a positive whole number of years', { field: 'termYears', value });
  }
  const max = maxima[landUse.code];
  if (value > max)
    fail('TERM_TOO_LONG', `termYears exceeds the ${max}-year maximum for use ${landUse.code}`, {
      field: 'termYears',
      rule: 'E18',
      max,
    });
  return value;
};
