import {
  checkIndustry,
  checkInvestorNature,
  checkLandUse,
  checkLandUser,
  checkResidentialFar,
} from './validate-codes.js';
import { checkDateFormats, checkScheduleOrder, checkSourceDocuments, checkThreeYearRemarks } from './validate-dates.js';
import { checkAreaSum, checkForeignCurrency, checkFormats, checkSupplyMethods } from './validate-quantities.js';
import type { SupplyRecord, SupplyRecordContext, SupplyRecordFailure } from './record.js';

const ruleNumber = (failure: SupplyRecordFailure): number => Number(failure.rule.slice(1));

/**
 * Every failure of V1–V14 (DOMAIN.md §8.4), never just the first, ordered by rule. An empty
 * list means the record may be filed. Pure: the facts the form lacks come in `context`.
 */
export const validateSupplyRecord = (
  record: SupplyRecord,
  context: SupplyRecordContext,
): readonly SupplyRecordFailure[] =>
  [
    ...checkAreaSum(record),
    ...checkFormats(record),
    ...checkForeignCurrency(record),
    ...checkDateFormats(record),
    ...checkSourceDocuments(record),
    ...checkThreeYearRemarks(record, context),
    ...checkSupplyMethods(record),
    ...checkInvestorNature(record),
    ...checkLandUse(record),
    ...checkIndustry(record, context),
    ...checkLandUser(record, context),
    ...checkScheduleOrder(record),
    ...checkResidentialFar(record, context),
  ]
    .map((failure, index) => ({ failure, index }))
    .sort((a, b) => ruleNumber(a.failure) - ruleNumber(b.failure) || a.index - b.index)
    .map(({ failure }) => failure);
