import t from 'tap';
import { instantNanos, requireInstant } from '../../src/eventstore/instant.js';

t.test('instants: ISO 8601 with an offset only, compared to the nanosecond', async (t) => {
  t.equal(instantNanos('1970-01-01T00:00:00Z'), 0n);
  t.equal(instantNanos('1970-01-01T08:00:00+08:00'), 0n);
  t.equal(instantNanos('1970-01-01T00:00:00.000000001Z'), 1n);
  t.equal(instantNanos('1970-01-01T00:00+0000'), 0n, 'seconds and the colon in the offset are optional');
  t.equal(instantNanos('2026-07-01T10:00:00.000+08:00'), BigInt(Date.parse('2026-07-01T02:00:00Z')) * 1_000_000n);
  for (const text of [
    'Jan 1 2026',
    '2026-01-01',
    '2026-01-01T10:00:00',
    '2026-02-30T10:00:00Z',
    '2026-01-01T24:00:00Z',
    '',
  ]) {
    t.equal(instantNanos(text), null, text);
  }
  t.throws(() => requireInstant('Jan 1 2026', 'until'), { name: 'InvalidEventError', field: 'until' });
  t.throws(() => requireInstant(42, 'until'), { name: 'InvalidEventError' });
});
