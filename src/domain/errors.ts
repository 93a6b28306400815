/**
 * A broken business rule. `code` is stable (clients and tests match on it); `rule` names
 * the DOMAIN.md rule it enforces (e.g. 'T17', 'V1', 'S4 §十') where there is one.
 *
 * Every code belongs to one category, which is all the API needs to choose a status:
 * - `input`: the command's data is malformed (a bad date, a missing field, a wrong unit);
 * - `state`: the command makes no sense in the aggregate's current state;
 * - `rule`: a business rule forbids it (a deadline passed, an amount too high, …);
 * - `not_found`: it names something the aggregate does not have (an instalment, a case, an entry).
 */
export type ErrorCategory = 'input' | 'state' | 'rule' | 'not_found';

/** One aggregate's (or shared module's) error codes and their categories. */
export type ErrorCatalogue = Readonly<Record<string, ErrorCategory>>;

export interface DomainErrorDetails {
  readonly field?: string;
  readonly rule?: string;
  readonly [k: string]: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetails = {},
    readonly category: ErrorCategory = 'rule',
  ) {
    super(message);
  }
}

/**
 * A `fail` typed to one catalogue: only its codes compile, and each error carries the category
 * the catalogue gives it. Each aggregate defines its own (`parcel/errors.ts`, …).
 */
export const failWith =
  <K extends string>(catalogue: Readonly<Record<K, ErrorCategory>>) =>
  (code: K, message: string, details?: DomainErrorDetails): never => {
    throw new DomainError(code, message, details, catalogue[code]);
  };

/** Codes of the shared modules (calendar, money, area, instant, policy lookup). */
export const SHARED_ERRORS = {
  DATE_FORMAT: 'input',
  INSTANT_FORMAT: 'input',
  INVALID_INSTANT: 'input',
  MONEY_FORMAT: 'input',
  MONEY_RANGE: 'input',
  RATE_FORMAT: 'input',
  AREA_FORMAT: 'input',
  JURISDICTION_UNKNOWN: 'input',
  DAYS_LATE_INVALID: 'input',
  PERIOD_OFFSET: 'input',
  CALENDAR_VERSION: 'input',
  PERIOD_UNIT_UNSUPPORTED: 'input',
  TRANSFER_METHOD_REQUIRED: 'input',
} as const satisfies ErrorCatalogue;

export type SharedErrorCode = keyof typeof SHARED_ERRORS;

/** The shared modules' fail (typed to SHARED_ERRORS); each aggregate has its own typed one. */
export const fail = failWith(SHARED_ERRORS);
