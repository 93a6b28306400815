/**
 * The supply announcement's command schemas (出让公告; DOMAIN.md §4 T31, T32, T38, §10.3). A
 * command's data type is `z.output` of its schema; the API validates with the same schema. Money is
 * integer fen, dates the date written on the document. The reserve price (底价) is sealed in the
 * decision aggregate and never appears here.
 */
import { z } from 'zod';
import type { Command } from '../decider.js';
import { id, isoDate, jurisdiction, positiveFen, text } from '../schema/fields.js';

/** 招标 / 拍卖 / 挂牌. */
export const SUPPLY_METHODS = ['TENDER', 'AUCTION', 'LISTING'] as const;
export type SupplyMethod = (typeof SUPPLY_METHODS)[number];

export const publishAnnouncementSchema = z.object({
  announcementId: id,
  /** The city or county that publishes it ('CN-JS-3201'). */
  jurisdiction,
  /** The parcels (宗地) the announcement offers. */
  parcelIds: z.array(id).min(1).max(200),
  method: z.enum(SUPPLY_METHODS),
  publishedOn: isoDate,
  /** Tender opening, auction start or listing start (T32: at least 20 days after publication). */
  activityStartsOn: isoDate,
  /** LISTING only: the end of the listing period (T32: at least 10 days after its start). */
  listingEndsOn: isoDate.optional(),
  /** 公告编号. */
  documentNo: text,
});

export const publishSupplementaryNoticeSchema = z.object({
  /** 补充公告编号. */
  noticeNo: text,
  publishedOn: isoDate,
  /** What the notice changes, item by item. */
  changes: z.array(text).min(1).max(100),
});

export const recordTransactionResultSchema = z.object({
  parcelId: id,
  /** The date of the 成交确认书 / 中标通知书. */
  dealOn: isoDate,
  winnerId: id,
  /** 成交价. */
  priceFen: positiveFen,
  /** 起始价 (the public starting price, not the sealed reserve price). */
  startingPriceFen: positiveFen,
  /** The deal sets a record price (地王) for its area or use (T38). */
  recordPrice: z.boolean().default(false),
});

export const publishResultsSchema = z.object({
  publishedOn: isoDate,
  /** The parcels whose results are published; absent: every recorded result not yet published. */
  parcelIds: z.array(id).min(1).max(200).optional(),
});

export const reportAbnormalTransactionSchema = z.object({
  parcelId: id,
  reportedOn: isoDate,
  reportNo: text,
});

type Out<S extends z.ZodType> = z.output<S>;
export type PublishAnnouncement = Command<'PublishAnnouncement', Out<typeof publishAnnouncementSchema>>;
export type PublishSupplementaryNotice = Command<
  'PublishSupplementaryNotice',
  Out<typeof publishSupplementaryNoticeSchema>
>;
export type RecordTransactionResult = Command<'RecordTransactionResult', Out<typeof recordTransactionResultSchema>>;
export type PublishResults = Command<'PublishResults', Out<typeof publishResultsSchema>>;
export type ReportAbnormalTransaction = Command<
  'ReportAbnormalTransaction',
  Out<typeof reportAbnormalTransactionSchema>
>;
