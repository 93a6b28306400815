import t from 'tap';
import { compareAreas, hectaresString, parseHectares, sumAreas } from '../../src/domain/area.js';

t.test('hectares need exactly 4 decimals (V2)', async (t) => {
  t.equal(parseHectares('12.3456'), 123_456);
  t.equal(parseHectares('0.0001'), 1);
  t.equal(parseHectares('0.0000'), 0);
  for (const bad of ['12.345', '12.34567', '12', '-1.0000', '1,000.0000', '.1234', '1.2345 ']) {
    t.throws(
      () => parseHectares(bad, 'allocationArea'),
      {
        code: 'AREA_FORMAT',
        details: { field: 'allocationArea', rule: 'V2' },
      },
      JSON.stringify(bad),
    );
  }
  t.throws(() => parseHectares('1.23'), { code: 'AREA_FORMAT', details: { field: 'area' } }, 'default field name');
  t.equal(hectaresString(123_456), '12.3456');
  t.equal(hectaresString(1), '0.0001');
  t.equal(hectaresString(100_000), '10.0000');
  t.throws(() => hectaresString(1.5), { code: 'AREA_FORMAT' });
});

t.test('sums and comparisons are exact (V1)', async (t) => {
  // 0.1 + 0.2 ha in floats is 0.30000000000000004; in units it is exact.
  const parts = ['0.1000', '0.2000'].map((a) => parseHectares(a));
  t.equal(sumAreas(parts), parseHectares('0.3000'));
  t.equal(compareAreas(sumAreas(parts), parseHectares('0.3000')), 0);
  t.equal(compareAreas(parseHectares('1.0000'), parseHectares('1.0001')), -1);
  t.equal(compareAreas(parseHectares('2.0000'), parseHectares('1.9999')), 1);
  t.equal(hectaresString(sumAreas(['1.2345', '0.0005', '10.0000'].map((a) => parseHectares(a)))), '11.2350');
  t.equal(sumAreas([]), 0);
});
