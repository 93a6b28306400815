/** V1, V2, V3, V8: areas and amounts, in exact decimal arithmetic (S3-A3 notes 8, 11–13, 17). */
import { PAYMENT_MODES, SUPPLY_METHODS, type SupplyAreaKey } from './enumerations.js';
import { decimalFraction, divideHalfUp, fixedUnits, formatFixed } from './decimal.js';
import { AMOUNT_PATHS, amountAt, failure, type SupplyRecord, type SupplyRecordFailure } from './record.js';

const AREA_DP = 4;
const WAN_YUAN_DP = 2;
const AREA_KEYS: readonly ('total' | SupplyAreaKey)[] = ['total', ...SUPPLY_METHODS.map((method) => method.areaKey)];

/** V2: every area has exactly 4 decimals, every amount exactly 2 (万元). Signs are V8's business. */
export const checkFormats = (record: SupplyRecord): SupplyRecordFailure[] => {
  const failures: SupplyRecordFailure[] = [];
  for (const key of AREA_KEYS) {
    if (fixedUnits(record.areas[key], AREA_DP) === null) {
      failures.push(failure('V2', `areas.${key}`, `'${record.areas[key]}' is not hectares with exactly 4 decimals`));
    }
  }
  for (const path of AMOUNT_PATHS) {
    const amount = amountAt(record, path);
    if (amount !== null && fixedUnits(amount, WAN_YUAN_DP) === null) {
      failures.push(failure('V2', path, `'${amount}' is not 万元 with exactly 2 decimals`));
    }
  }
  return failures;
};

/** V1: the total equals the six supply-method areas, to the ten-thousandth of a hectare. */
export const checkAreaSum = (record: SupplyRecord): SupplyRecordFailure[] => {
  const parts = SUPPLY_METHODS.map((method) => fixedUnits(record.areas[method.areaKey], AREA_DP));
  const total = fixedUnits(record.areas.total, AREA_DP);
  // An unreadable area is already a V2 failure; a sum over it would say nothing more.
  if (total === null || parts.some((part) => part === null)) return [];
  const sum = parts.reduce<bigint>((acc, part) => acc + (part ?? 0n), 0n);
  if (sum === total) return [];
  return [
    failure(
      'V1',
      'areas.total',
      `total ${record.areas.total} ha ≠ sum of supply-method areas ${formatFixed(sum, AREA_DP)} ha`,
    ),
  ];
};

type TransferMethod = Extract<(typeof SUPPLY_METHODS)[number], { amount: 'CONTRACT' }>;

/** V8 for 招拍挂 / 协议出让: contract amount and a known payment mode (notes 11, 12). */
const checkTransferAmounts = (record: SupplyRecord, method: TransferMethod): SupplyRecordFailure[] => {
  const slot =
    method.code === 'TENDER_AUCTION_LISTING' ? record.amounts.tenderAuctionListing : record.amounts.negotiatedTransfer;
  const base = `amounts.${method.areaKey}`;
  const failures: SupplyRecordFailure[] = [];
  if (slot.contractAmount === null)
    failures.push(failure('V8', `${base}.contractAmount`, `${method.zh} needs the contract amount`));
  if (slot.paymentMode === null) {
    failures.push(failure('V8', `${base}.paymentMode`, `${method.zh} needs the payment mode`));
  } else if (!PAYMENT_MODES.some((mode) => mode.code === slot.paymentMode)) {
    const modes = PAYMENT_MODES.map((mode) => mode.code).join(', ');
    failures.push(failure('V8', `${base}.paymentMode`, `payment mode must be one of ${modes}`));
  }
  return failures;
};

/** V8: no negative area, some area supplied, and the amounts each supplied method needs. */
export const checkSupplyMethods = (record: SupplyRecord): SupplyRecordFailure[] => {
  const failures: SupplyRecordFailure[] = [];
  let supplied = false;
  let allReadable = true;
  for (const method of SUPPLY_METHODS) {
    const area = fixedUnits(record.areas[method.areaKey], AREA_DP);
    if (area === null) {
      allReadable = false;
      continue;
    }
    if (area < 0n) failures.push(failure('V8', `areas.${method.areaKey}`, `${method.zh} area must not be negative`));
    if (area <= 0n) continue;
    supplied = true;
    if (method.amount === 'CONTRACT') failures.push(...checkTransferAmounts(record, method));
    if (method.code === 'LEASE' && record.amounts.lease.rent === null) {
      failures.push(failure('V8', 'amounts.lease.rent', '租赁 needs the rent'));
    }
  }
  if (!supplied && allReadable) {
    failures.push(failure('V8', 'areas', 'at least one supply-method area must be greater than zero'));
  }
  return failures;
};

/**
 * V3: a foreign-currency amount is converted at the rate of the contract date; the recorded
 * 万元 must be original × rate ÷ 10 000, half-up to 2 decimals, and the contract date must be
 * the date of one of the source documents.
 */
export const checkForeignCurrency = (record: SupplyRecord): SupplyRecordFailure[] => {
  const failures: SupplyRecordFailure[] = [];
  const documentDates = new Set(record.project.sourceDocuments.map((doc) => doc.signedOn));
  record.foreignCurrency.forEach((foreign, i) => {
    const at = `foreignCurrency[${i}]`;
    if (!(AMOUNT_PATHS as readonly string[]).includes(foreign.field)) {
      failures.push(failure('V3', `${at}.field`, `'${foreign.field}' is not an amount of the form`));
      return;
    }
    if (!/^[A-Z]{3}$/.test(foreign.currency) || foreign.currency === 'CNY') {
      failures.push(failure('V3', `${at}.currency`, 'currency must be a foreign ISO 4217 code'));
    }
    if (!documentDates.has(foreign.rateDate)) {
      failures.push(failure('V3', `${at}.rateDate`, 'the exchange rate must be the one of the contract date'));
    }
    const original = decimalFraction(foreign.originalAmount);
    const rate = decimalFraction(foreign.rateToCny);
    if (original === null) failures.push(failure('V3', `${at}.originalAmount`, 'original amount must be a decimal'));
    if (rate === null || rate.num === 0n)
      failures.push(failure('V3', `${at}.rateToCny`, 'rate must be a positive decimal'));
    const recorded = amountAt(record, foreign.field);
    if (original === null || rate === null || rate.num === 0n) return;
    // yuan = original × rate, and 0.01 万元 = 100 yuan, so the 2-dp units are original × rate / 100.
    const expected = formatFixed(divideHalfUp(original.num * rate.num, original.den * rate.den * 100n), WAN_YUAN_DP);
    if (recorded !== expected) {
      const sum = `${foreign.originalAmount} ${foreign.currency} × ${foreign.rateToCny} = ${expected} 万元`;
      failures.push(failure('V3', foreign.field, `${sum}, recorded ${String(recorded)}`));
    }
  });
  return failures;
};
