/** V9, V10, V11, V12, V14: code lists, the user's name and Jiangsu's residential FAR (notes 2–4, 6; S4 §五). */
import { INVESTOR_NATURES, LAND_USE_CLASSES, RESIDENTIAL_LAND_USE, RESIDENTIAL_SUBCLASSES } from './enumerations.js';
import { compareFractions, decimalFraction } from './decimal.js';
import { failure, type SupplyRecord, type SupplyRecordContext, type SupplyRecordFailure } from './record.js';
import { inCatalogue } from './industry-catalogue.js';

/** V9: one of the seven natures; 4, 5 and 6 with one of their sub-types, the others without. */
export const checkInvestorNature = (record: SupplyRecord): SupplyRecordFailure[] => {
  const { category, subType } = record.project.investorNature;
  const nature = INVESTOR_NATURES.find((candidate) => candidate.code === category);
  if (nature === undefined) {
    return [
      failure('V9', 'project.investorNature.category', `'${category}' is not one of the 7 investor natures (1–7)`),
    ];
  }
  const subTypes: readonly string[] = nature.subTypes;
  const field = 'project.investorNature.subType';
  if (subTypes.length === 0) return subType === null ? [] : [failure('V9', field, `${nature.zh} has no sub-types`)];
  return subType !== null && subTypes.includes(subType)
    ? []
    : [failure('V9', field, `${nature.zh} needs one of: ${subTypes.join('、')}`)];
};

/** V10: a construction-land first-level class; residential needs one of its five sub-classes. */
export const checkLandUse = (record: SupplyRecord): SupplyRecordFailure[] => {
  const { code, residentialSubclass } = record.land.use;
  if (!LAND_USE_CLASSES.some((landUse) => landUse.code === code)) {
    const allowed = LAND_USE_CLASSES.map((landUse) => landUse.code).join(', ');
    return [failure('V10', 'land.use.code', `'${code}' is not a construction-land class (${allowed})`)];
  }
  const field = 'land.use.residentialSubclass';
  if (code !== RESIDENTIAL_LAND_USE) {
    return residentialSubclass === null ? [] : [failure('V10', field, 'only residential land (07) has a sub-class')];
  }
  return RESIDENTIAL_SUBCLASSES.some((sub) => sub.code === residentialSubclass)
    ? []
    : [failure('V10', field, 'residential land (07) needs sub-class 1–5')];
};

/** V11: the industry code is in the (versioned) catalogue, as listed or as a class of a listed division. */
export const checkIndustry = (record: SupplyRecord, context: SupplyRecordContext): SupplyRecordFailure[] => {
  const { industryCode } = record.project;
  const { codes, version } = context.industryCatalogue;
  return inCatalogue({ codes, version }, industryCode)
    ? []
    : [failure('V11', 'project.industryCode', `'${industryCode}' is not in industry catalogue ${version}`)];
};

/** V12: the user's name exactly as on the source-of-right document (surrounding blanks aside). */
export const checkLandUser = (record: SupplyRecord, context: SupplyRecordContext): SupplyRecordFailure[] => {
  const onDocument = context.landUserNameOnSourceDocument;
  return record.project.landUser.trim() === onDocument.trim()
    ? []
    : [
        failure(
          'V12',
          'project.landUser',
          `'${record.project.landUser}' differs from the source document's '${onDocument}'`,
        ),
      ];
};

/** V14: residential FAR lower bound strictly above the policy minimum (Jiangsu: > 1). */
export const checkResidentialFar = (record: SupplyRecord, context: SupplyRecordContext): SupplyRecordFailure[] => {
  const { residentialMinFarExclusive: minimum, version } = context.policy;
  if (minimum === null || record.land.use.code !== RESIDENTIAL_LAND_USE) return [];
  const lowerBound = decimalFraction(record.requirements.far.lowerBound);
  const threshold = decimalFraction(minimum);
  if (threshold === null) return [];
  if (lowerBound !== null && compareFractions(lowerBound, threshold) > 0) return [];
  const got = String(record.requirements.far.lowerBound);
  const message = `residential FAR lower bound must be greater than ${minimum} (${version}), got ${got}`;
  return [failure('V14', 'requirements.far.lowerBound', message)];
};
