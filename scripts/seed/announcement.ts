/**
 * The supply announcement (出让公告; DOMAIN.md §4 T31, T32, T38) behind a transfer batch: one
 * announcement offers the batch's parcels, published between the plan's approval and the deal
 * (tender, auction or listing; the activity at least 20 days after publication, a listing at
 * least 10 days long ending on the deal day), sometimes amended by a supplementary notice early
 * enough (≥ 20 days before the activity) not to postpone it, then each parcel's deal with its
 * public starting price (below the price; a few with a premium over 50 %, reported mostly on time,
 * some late, some never), and the results published (mostly within 10 wd, some late). Every
 * command is the city's GRANTOR_ADMIN's. The sealed reserve price appears nowhere here.
 */
import { kebabCase } from '../../src/api/commands/kebab.js';
import { cityActors } from './actors.js';
import { addDays, daysBetween, type IsoDate } from './dates.js';
import type { Batch, ParcelSeed } from './plan.js';
import { rngFor, type Rng } from './prng.js';
import type { Body, Item } from './timeline.js';

export const announcementIdOf = (batch: Batch): string => batch.decisionId.replace(/^D-/, 'GG-');

type Method = 'TENDER' | 'AUCTION' | 'LISTING';

/** A starting price (multiple of 10 000 yuan) below the price; `abnormal`: premium strictly over 50 %. */
const startingPrice = (rng: Rng, parcel: ParcelSeed, abnormal: boolean): number => {
  const unit = 1_000_000;
  const price = parcel.priceFen;
  if (abnormal) {
    const s = Math.max(unit, Math.floor((price * rng.int(40, 62)) / 100 / unit) * unit);
    return 2 * price > 3 * s ? s : Math.floor((price * 0.6) / unit) * unit || 1;
  }
  const s = Math.round((price * rng.int(72, 96)) / 100 / unit) * unit;
  // Premium at most 50 % and the price above the start (small prices: round up instead).
  if (s > 0 && s < price && 2 * price <= 3 * s) return s;
  return Math.ceil((price * 0.8) / 100) * 100;
};

export const announcementItems = (seed: string, batch: Batch): Item[] => {
  if (batch.kind !== 'TRANSFER') return [];
  const rng = rngFor(`${seed}:announcement:${batch.index}`);
  const o = cityActors(batch.city);
  const announcementId = announcementIdOf(batch);
  const year = batch.dealOn.slice(0, 4);
  const items: Item[] = [];
  const add = (on: IsoDate, name: string, command: string, body: Body, expectCode?: string) =>
    items.push({
      on,
      name,
      path: `/announcements/${announcementId}/${kebabCase(command)}`,
      actor: o.grantor,
      body,
      ...(expectCode ? { expectCode } : {}),
    });
  // Published after the plan's approval (the meeting day): the room before the deal decides the method.
  const room = daysBetween(batch.meetingOn, batch.dealOn) - 1;
  let method = rng.weighted<Method>([
    ['LISTING', 55],
    ['AUCTION', 30],
    ['TENDER', 15],
  ]);
  const listingDays = method === 'LISTING' ? rng.int(10, 14) : 0;
  if (method === 'LISTING' && room < 20 + listingDays) method = 'AUCTION';
  const activityStartsOn = method === 'LISTING' ? addDays(batch.dealOn, -listingDays) : batch.dealOn;
  const lead = rng.int(20, Math.max(20, Math.min(32, room - (method === 'LISTING' ? listingDays : 0))));
  const publishedOn = addDays(activityStartsOn, -lead);
  add(publishedOn, 'publish', 'PublishAnnouncement', {
    announcementId,
    jurisdiction: batch.city.jurisdiction,
    parcelIds: batch.parcels.map((p) => p.parcelId),
    method,
    publishedOn,
    activityStartsOn,
    ...(method === 'LISTING' ? { listingEndsOn: batch.dealOn } : {}),
    documentNo: `${batch.city.short}国土资让〔${publishedOn.slice(0, 4)}〕${batch.index + 1}号`,
  });
  // T31: a notice at least 20 days before the activity changes details without postponing it.
  if (lead >= 21 && rng.chance(0.2)) {
    const noticeOn = addDays(publishedOn, rng.int(1, lead - 20));
    add(noticeOn, 'notice', 'PublishSupplementaryNotice', {
      noticeNo: `${batch.city.short}国土资让补〔${noticeOn.slice(0, 4)}〕${batch.index + 1}号`,
      publishedOn: noticeOn,
      changes: [
        rng.pick([
          '竞买保证金缴纳截止时间调整',
          '补充宗地配建幼儿园的规划条件',
          '更正宗地四至描述',
          '竞买申请受理地点变更',
        ]),
      ],
    });
  }
  let normalDeal: string | null = null;
  for (const p of batch.parcels) {
    const recordPrice = rng.chance(0.03);
    const abnormalPremium = rng.chance(0.1);
    add(batch.dealOn, `result-${p.n}`, 'RecordTransactionResult', {
      parcelId: p.parcelId,
      dealOn: batch.dealOn,
      winnerId: p.landUser.id,
      priceFen: p.priceFen,
      startingPriceFen: startingPrice(rng, p, abnormalPremium),
      recordPrice,
    });
    if (abnormalPremium || recordPrice) {
      // T38 (2 wd): mostly the next day, some late, some never (the timer records it overdue).
      const when = rng.weighted<'on-time' | 'late' | 'missing'>([
        ['on-time', 75],
        ['late', 15],
        ['missing', 10],
      ]);
      if (when !== 'missing') {
        const reportedOn = addDays(batch.dealOn, when === 'on-time' ? 1 : rng.int(7, 25));
        add(reportedOn, `abnormal-report-${p.n}`, 'ReportAbnormalTransaction', {
          parcelId: p.parcelId,
          reportedOn,
          reportNo: `${batch.city.short}国土资异〔${year}〕${p.n}号`,
        });
      }
    } else {
      normalDeal ??= p.parcelId;
    }
  }
  // T38 refuses to report a deal that is not abnormal: shown now and then.
  if (normalDeal !== null && rng.chance(0.12)) {
    const on = addDays(batch.dealOn, 1);
    add(
      on,
      'abnormal-report-normal',
      'ReportAbnormalTransaction',
      { parcelId: normalDeal, reportedOn: on, reportNo: `${batch.city.short}国土资异〔${year}〕误报` },
      'TRANSACTION_NOT_ABNORMAL',
    );
  }
  // T32 (10 wd): within a week mostly; late now and then (flagged, and the timer records it first).
  const resultsOn = addDays(batch.dealOn, rng.chance(0.12) ? rng.int(20, 40) : rng.int(1, 7));
  add(resultsOn, 'results', 'PublishResults', { publishedOn: resultsOn });
  return items
    .map((item, seq) => ({ item, seq }))
    .sort((a, b) => (a.item.on < b.item.on ? -1 : a.item.on > b.item.on ? 1 : a.seq - b.seq))
    .map((x) => x.item);
};
