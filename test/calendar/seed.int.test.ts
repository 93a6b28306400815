/**
 * The seed at migration (src/calendar/seed.ts): the chinese-days years become the first events of
 * calendar-CN once, even when two processes migrate at the same time; the book reads the same
 * version before and after they are written, and a notice published later builds on them.
 */
import t from 'tap';
import { createCalendarBook } from '../../src/calendar/book.js';
import { ensureCalendarSeeded } from '../../src/calendar/seed.js';
import { isWorkingDay } from '../../src/domain/calendar/index.js';
import { SEED_COMMANDS, SEED_REVISION, SEED_VERSION } from '../../src/domain/working-calendar/index.js';
import { handleCalendarCommand } from '../../src/eventstore/aggregate-handlers.js';
import { verifyStream } from '../../src/eventstore/hash-chain.js';
import { postgresTestStore } from '../helpers/postgres.js';

t.test('two migrations at once write the seed once; the version is the same before and after', async (t) => {
  const ctx = await postgresTestStore({ poolMax: 6 });
  t.teardown(() => ctx.close());
  const unseeded = createCalendarBook(ctx.store);
  await unseeded.refresh();
  t.equal(unseeded.current('CN-JS-3201').version, SEED_VERSION, 'an empty log reads as the seed');

  const written = await Promise.all([ensureCalendarSeeded(ctx.store), ensureCalendarSeeded(ctx.store)]);
  t.same(written.sort(), [0, SEED_REVISION], 'one of them wrote the seed, the other found it');
  t.equal(await ensureCalendarSeeded(ctx.store), 0, 'a later migration writes nothing');
  const stream = await ctx.store.readStream('calendar-CN');
  t.equal(stream.length, SEED_REVISION);
  t.equal(verifyStream(stream).intact, true, 'hash chain intact');
  t.match(stream.at(-1), { type: 'CalendarYearPublished', data: { year: 2026, publishedOn: '2025-11-04' } });
  t.match(
    stream.filter((e) => e.data['year'] === 2020).map((e) => e.type),
    ['CalendarYearPublished', 'CalendarAmended'],
    '2020 as it happened: the notice, then the Spring Festival extension',
  );
  t.match(stream[0]?.metadata, { actor: { id: 'system:calendar-seed' } });

  const seeded = createCalendarBook(ctx.store);
  await seeded.refresh();
  t.equal(seeded.current('CN').version, SEED_VERSION, 'the written seed is the same version');
  t.equal(isWorkingDay(seeded.at(SEED_VERSION), '2020-02-03'), true);
  t.equal(isWorkingDay(seeded.at(SEED_VERSION), '2020-02-01'), false, 'the amended 2020');
  // The version just before the 2020 amendment: Saturday 2020-02-01 was still a make-up working day.
  const beforeAmendment = SEED_COMMANDS.findIndex((c) => c.type === 'AmendCalendar');
  t.equal(isWorkingDay(seeded.at(`CN.${beforeAmendment}`), '2020-02-01'), true, 'an older version still answers');
});

t.test('a notice sent before any migration builds on the seed', async (t) => {
  const ctx = await postgresTestStore({ poolMax: 4 });
  t.teardown(() => ctx.close());
  const now = new Date('2026-11-26T10:00:00+08:00');
  await handleCalendarCommand({
    store: ctx.store,
    id: 'CN',
    command: {
      type: 'PublishCalendarYear',
      data: {
        scope: 'CN',
        year: 2027,
        sourceUrl: 'https://www.gov.cn/zhengce/content/test-2027.htm',
        documentNo: '测试数据',
        offDays: ['2027-01-01'],
        makeUpWorkDays: [],
      },
      context: { now: now.toISOString(), actor: { id: 'ministry-1', role: 'MINISTRY' } },
    },
    envelope: { correlationId: 'test' },
    clock: () => now,
  });
  const stream = await ctx.store.readStream('calendar-CN');
  t.equal(stream.length, SEED_REVISION + 1);
  t.match(stream.at(-1), { type: 'CalendarYearPublished', data: { year: 2027, yearVersion: 1 } });
  const book = createCalendarBook(ctx.store);
  await book.refresh();
  t.equal(book.current('CN').version, `CN.${SEED_REVISION + 1}`);
});
