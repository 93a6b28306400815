/** V4, V5, V6, V7, V13: dates, source documents and the 3-year remark rule (notes 10, 15, 16). */
import { addYears } from '../calendar/index.js';
import { SOURCE_DOCUMENT_KINDS, SUPPLY_METHODS } from './enumerations.js';
import { fixedUnits, isIsoDate } from './decimal.js';
import { failure, type SupplyRecord, type SupplyRecordContext, type SupplyRecordFailure } from './record.js';

const DATE_FIELDS = [
  ['filing.filedOn', (r: SupplyRecord) => r.filing.filedOn],
  ['project.approvalDate', (r: SupplyRecord) => r.project.approvalDate],
  ['land.sourceDocSignedOn', (r: SupplyRecord) => r.land.sourceDocSignedOn],
  ['requirements.agreedStart', (r: SupplyRecord) => r.requirements.agreedStart],
  ['requirements.agreedCompletion', (r: SupplyRecord) => r.requirements.agreedCompletion],
] as const;

const notADate = (value: string): string => `'${value}' is not a date 'YYYY-MM-DD'`;

/** V4: every date written as the form's 「年-月-日」, i.e. ISO 'YYYY-MM-DD', and a real date. */
export const checkDateFormats = (record: SupplyRecord): SupplyRecordFailure[] => {
  const failures = DATE_FIELDS.filter(([, read]) => !isIsoDate(read(record))).map(([field, read]) =>
    failure('V4', field, notADate(read(record))),
  );
  record.project.sourceDocuments.forEach((doc, i) => {
    if (!isIsoDate(doc.signedOn))
      failures.push(failure('V4', `project.sourceDocuments[${i}].signedOn`, notADate(doc.signedOn)));
  });
  return failures;
};

/** V5: the signing date is the latest document's; each supplied method has its kind of document. */
export const checkSourceDocuments = (record: SupplyRecord): SupplyRecordFailure[] => {
  const docs = record.project.sourceDocuments;
  if (docs.length === 0)
    return [failure('V5', 'project.sourceDocuments', 'at least one source-of-right document is required')];
  const failures: SupplyRecordFailure[] = [];
  const supplied = SUPPLY_METHODS.filter((method) => (fixedUnits(record.areas[method.areaKey], 4) ?? 0n) > 0n);
  docs.forEach((doc, i) => {
    const field = `project.sourceDocuments[${i}].kind`;
    if (!SOURCE_DOCUMENT_KINDS.some((kind) => kind.code === doc.kind)) {
      failures.push(failure('V5', field, `unknown document kind '${doc.kind}'`));
    } else if (!supplied.some((method) => method.documentKind === doc.kind)) {
      failures.push(failure('V5', field, `a ${doc.kind} does not match any supply method with an area`));
    }
  });
  for (const method of supplied) {
    if (!docs.some((doc) => doc.kind === method.documentKind)) {
      failures.push(failure('V5', 'project.sourceDocuments', `${method.zh} needs a ${method.documentKind}`));
    }
  }
  if (docs.every((doc) => isIsoDate(doc.signedOn))) {
    const latest = docs.map((doc) => doc.signedOn).reduce((a, b) => (b > a ? b : a));
    if (record.land.sourceDocSignedOn !== latest) {
      failures.push(failure('V5', 'land.sourceDocSignedOn', `must be the latest document date ${latest}`));
    }
  }
  return failures;
};

/** More than three years apart (note 16 「相距超过三年」), whichever comes first. */
const overThreeYears = (a: string, b: string): boolean => {
  const [earlier, later] = a <= b ? [a, b] : [b, a];
  return later > addYears(earlier, 3).date;
};

const remarksMissing = (record: SupplyRecord): boolean => record.remarks === null || record.remarks.trim() === '';

/** V6, V7: a gap of more than three years must be explained in the remarks. */
export const checkThreeYearRemarks = (record: SupplyRecord, context: SupplyRecordContext): SupplyRecordFailure[] => {
  const failures: SupplyRecordFailure[] = [];
  const conversion = context.farmlandConversionApprovalDate;
  const { approvalDate } = record.project;
  if (conversion !== null && !isIsoDate(conversion)) {
    failures.push(failure('V6', 'context.farmlandConversionApprovalDate', notADate(conversion)));
  } else if (
    conversion !== null &&
    isIsoDate(approvalDate) &&
    overThreeYears(conversion, approvalDate) &&
    remarksMissing(record)
  ) {
    const message = `supply approved ${approvalDate}, over 3 years from farmland conversion ${conversion}: remarks required`;
    failures.push(failure('V6', 'remarks', message));
  }
  const { agreedStart: start, agreedCompletion: completion } = record.requirements;
  if (
    isIsoDate(start) &&
    isIsoDate(completion) &&
    completion >= start &&
    overThreeYears(start, completion) &&
    remarksMissing(record)
  ) {
    failures.push(
      failure(
        'V7',
        'remarks',
        `agreed completion ${completion} is over 3 years after start ${start}: remarks required`,
      ),
    );
  }
  return failures;
};

/** V13: completion is not agreed before start. */
export const checkScheduleOrder = (record: SupplyRecord): SupplyRecordFailure[] => {
  const { agreedStart: start, agreedCompletion: completion } = record.requirements;
  if (!isIsoDate(start) || !isIsoDate(completion) || completion >= start) return [];
  return [
    failure('V13', 'requirements.agreedCompletion', `agreed completion ${completion} is before agreed start ${start}`),
  ];
};
