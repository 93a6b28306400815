import t from 'tap';
import {
  allocatePayment,
  applyRate,
  daysLate,
  fenFromYuan,
  lateDamagesFen,
  parseRatio,
  wanYuanString,
  yuanString,
} from '../../src/domain/money.js';
import { DomainError } from '../../src/domain/errors.js';

t.test('yuan ↔ fen', async (t) => {
  t.equal(fenFromYuan('1155000.00'), 115_500_000);
  t.equal(fenFromYuan('1155000'), 115_500_000);
  t.equal(fenFromYuan('0.1'), 10);
  t.equal(fenFromYuan('0.07'), 7);
  t.equal(fenFromYuan('-12.34'), -1234);
  t.throws(() => fenFromYuan('1.005'), { code: 'MONEY_FORMAT' }, 'sub-fen amount');
  t.throws(() => fenFromYuan('1,000.00'), DomainError);
  t.throws(() => fenFromYuan('1e3'), DomainError);
  t.throws(() => fenFromYuan('99999999999999999.00'), { code: 'MONEY_RANGE' });
  t.equal(yuanString(115_500_000), '1155000.00');
  t.equal(yuanString(7), '0.07');
  t.equal(yuanString(-1234), '-12.34');
  t.throws(() => yuanString(1.5), { code: 'MONEY_FORMAT' });
});

t.test('万元 with 2 decimals, half-up', async (t) => {
  t.equal(wanYuanString(115_500_000), '115.50');
  t.equal(wanYuanString(4_999), '0.00', '49.99 yuan rounds down');
  t.equal(wanYuanString(5_000), '0.01', '50.00 yuan rounds up (half-up)');
  t.equal(wanYuanString(1_234_565_000), '1234.57');
  t.equal(wanYuanString(-5_000), '-0.01', 'ties away from zero');
});

t.test('parseRatio', async (t) => {
  t.same(parseRatio('0.001'), { num: 1n, den: 1000n });
  t.same(parseRatio('0.20'), { num: 1n, den: 5n });
  t.same(parseRatio('1/3'), { num: 1n, den: 3n });
  t.same(parseRatio('0.25'), { num: 1n, den: 4n });
  t.same(parseRatio('2'), { num: 2n, den: 1n });
  t.same(parseRatio('0'), { num: 0n, den: 1n });
  for (const bad of ['', '.5', '1/0', '-0.1', '0.1.2', '1e-3', ' 0.1']) {
    t.throws(() => parseRatio(bad), { code: 'RATE_FORMAT' }, JSON.stringify(bad));
  }
});

t.test('applyRate rounds once, half-up to the fen', async (t) => {
  t.equal(applyRate(100, '1/3'), 33, '33.33… fen');
  t.equal(applyRate(200, '1/3'), 67, '66.66… fen');
  t.equal(applyRate(5, '0.1'), 1, '0.5 fen rounds up');
  t.equal(applyRate(4, '0.1'), 0);
  t.equal(applyRate(15, '0.1', 3), 5, '4.5 → 5: one rounding over the product, not per day');
  t.equal(applyRate(1_000_000_000_00, '0.20'), 20_000_000_000, 'idle fee 20 % of 1e9 yuan');
  // 0.1 + 0.2 style float drift would show here: 10 000 001 × 0.07 = 700 000.07
  t.equal(applyRate(10_000_001, '0.07'), 700_000);
  t.equal(applyRate(-5, '0.1'), -1, 'negative ties away from zero');
  t.throws(() => applyRate(Number.MAX_SAFE_INTEGER, '2'), { code: 'MONEY_RANGE' });
});

t.test('late-payment damages: DOMAIN.md §6 worked example', async (t) => {
  const principal = fenFromYuan('1155000.00');
  const damages = lateDamagesFen(principal, '0.001', 662);
  t.equal(damages, 76_461_000);
  t.equal(yuanString(damages), '764610.00');
  t.equal(lateDamagesFen(principal, '0.001', 0), 0);
  t.equal(lateDamagesFen(123_457, '0.001', 1), 123, '1 ‰ of 1 234.57 yuan = 1.23457 → 1.23');
  t.throws(() => lateDamagesFen(principal, '0.001', -1), { code: 'DAYS_LATE_INVALID' });
});

t.test('daysLate counts from the day after due through the payment day', async (t) => {
  t.equal(daysLate('2026-03-31', '2026-03-31'), 0, 'paid on the due date');
  t.equal(daysLate('2026-03-31', '2026-03-01'), 0, 'paid early');
  t.equal(daysLate('2026-03-31', '2026-04-01'), 1);
  t.equal(daysLate('2024-02-28', '2024-03-01'), 2, 'leap day counts');
  t.equal(daysLate('2023-01-01', '2024-10-24'), 662, 'a 662-day span like the Tiemenguan case');
});

t.test('allocatePayment: damages, then interest, then principal (Guangzhou convention)', async (t) => {
  const due = { damagesFen: 1_000, interestFen: 500, principalFen: 10_000 };
  t.same(allocatePayment(800, due), { damagesFen: 800, interestFen: 0, principalFen: 0, unallocatedFen: 0 });
  t.same(allocatePayment(1_200, due), { damagesFen: 1_000, interestFen: 200, principalFen: 0, unallocatedFen: 0 });
  t.same(allocatePayment(4_000, due), { damagesFen: 1_000, interestFen: 500, principalFen: 2_500, unallocatedFen: 0 });
  t.same(allocatePayment(12_000, due), {
    damagesFen: 1_000,
    interestFen: 500,
    principalFen: 10_000,
    unallocatedFen: 500,
  });
  t.same(allocatePayment(0, due), { damagesFen: 0, interestFen: 0, principalFen: 0, unallocatedFen: 0 });
  t.throws(() => allocatePayment(-1, due), { code: 'MONEY_FORMAT' });
  t.throws(() => allocatePayment(1, { ...due, interestFen: 0.5 }), { code: 'MONEY_FORMAT' });
});
