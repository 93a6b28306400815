/**
 * The calendar book read concurrently: every projection runner refreshes it before its batch, so
 * refreshes of one book overlap; each event of the log must be in the book once, whatever the order.
 */
import t from 'tap';
import { calendarBookOf } from '../../src/calendar/book.js';
import { ensureCalendarSeeded } from '../../src/calendar/seed.js';
import { SEED_VERSION } from '../../src/domain/working-calendar/seed-calendar.js';
import { postgresTestStore } from '../helpers/postgres.js';

t.test('overlapping refreshes add each calendar event once', async (t) => {
  const db = await postgresTestStore({ poolMax: 10 });
  t.teardown(() => db.close());
  await ensureCalendarSeeded(db.store);
  const book = calendarBookOf(db.store);
  await Promise.all(Array.from({ length: 8 }, () => book.refresh()));
  t.equal(book.current('CN-JS-3201').version, SEED_VERSION, 'the seed, 24 events, not 24 per refresh');
});
