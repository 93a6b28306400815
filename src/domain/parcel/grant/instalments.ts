/**
 * Instalment schedule rules (T06) checked when the transfer contract is signed.
 */
import type { IsoDate } from '../../calendar/index.js';
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import type { Fen } from '../../money.js';
import type { Policy } from '../../policy/index.js';
import type { CommandOf } from '../commands.js';
import { requireDate, requireFen, shareBelow } from '../guards.js';
import type { Instalment } from '../state.js';

/**
 * T06 (E5): the instalments add up to the price; at least `firstInstalment.minShare` of it is
 * due within `firstInstalment.within` of signing and the rest within `balanceWithin`. Period
 * ends roll to the next working day (Civil Code Art 203), which only ever widens the window.
 */
export const validateInstalments = (
  raw: CommandOf<'SignTransferContract'>['data']['instalments'],
  priceFen: Fen,
  signedOn: IsoDate,
  policy: Policy,
): readonly Instalment[] => {
  // Callers that skip the schema may send anything; Array.isArray on the typed value would widen it to any[].
  const unchecked: unknown = raw;
  if (!Array.isArray(unchecked) || raw.length === 0) {
    return fail('INSTALMENTS_REQUIRED', 'A transfer contract needs an instalment schedule', {
      field: 'instalments',
      rule: 'T06',
    });
  }
  const instalments = raw.map((item, index): Instalment => {
    const field = `instalments[${index}]`;
    if (item.no !== index + 1)
      fail('INSTALMENT_NUMBERING', `${field}.no must be ${index + 1}`, { field: `${field}.no` });
    const dueDate = requireDate(item.dueDate, `${field}.dueDate`);
    if (dueDate < signedOn)
      fail('INSTALMENT_DUE_BEFORE_SIGNING', `${field} is due before signing`, {
        field: `${field}.dueDate`,
        rule: 'T06',
      });
    const previous = raw[index - 1];
    if (previous !== undefined && dueDate < previous.dueDate) {
      fail('INSTALMENT_ORDER', `${field} is due before the previous instalment`, { field: `${field}.dueDate` });
    }
    return { no: item.no, dueDate, amountFen: requireFen(item.amountFen, `${field}.amountFen`, { positive: true }) };
  });
  const sumFen = instalments.reduce((sum, i) => sum + i.amountFen, 0);
  if (sumFen !== priceFen) {
    fail('INSTALMENTS_SUM_MISMATCH', 'The instalments do not add up to the price', {
      field: 'instalments',
      rule: 'T06',
      sumFen,
      priceFen,
    });
  }
  const firstWithin = dateBy(PARCEL_DATES.firstInstalmentBy, signedOn, policy).date;
  const dueEarlyFen = instalments.filter((i) => i.dueDate <= firstWithin).reduce((sum, i) => sum + i.amountFen, 0);
  if (shareBelow(dueEarlyFen, priceFen, policy.firstInstalment.minShare)) {
    fail(
      'FIRST_INSTALMENT_TOO_SMALL',
      `At least ${policy.firstInstalment.minShare} of the price must be due by ${firstWithin}`,
      {
        field: 'instalments',
        rule: 'T06',
        firstWithin,
        dueEarlyFen,
        minShare: policy.firstInstalment.minShare,
      },
    );
  }
  const balanceBy = dateBy(PARCEL_DATES.balanceBy, signedOn, policy).date;
  const last = instalments[instalments.length - 1];
  if (last !== undefined && last.dueDate > balanceBy) {
    fail('BALANCE_TOO_LATE', `The balance must be due by ${balanceBy}`, {
      field: 'instalments',
      rule: 'T06',
      balanceBy,
    });
  }
  return instalments;
};
