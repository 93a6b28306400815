/**
 * The supply announcement's commands (DOMAIN.md §4 T31, T32, T38) as one table: the API builds its
 * routes and the OpenAPI document from it. The examples walk one Nanjing listing (挂牌) announcement
 * of two parcels; who acts and when come from the command context.
 */
import { commandSpec, type CommandSpec } from '../schema/command-spec.js';
import {
  publishAnnouncementSchema,
  publishResultsSchema,
  publishSupplementaryNoticeSchema,
  recordTransactionResultSchema,
  reportAbnormalTransactionSchema,
} from './schemas.js';
import type { AnnouncementCommand } from './types.js';

export const ANNOUNCEMENT_COMMANDS = {
  PublishAnnouncement: commandSpec({
    schema: publishAnnouncementSchema,
    summary:
      'The city/county publishes a supply announcement (出让公告): the activity at least 20 days later, a listing at least 10 days long (T32)',
    creates: true,
    idField: 'announcementId',
    example: {
      announcementId: 'GG-3201-2026-05',
      jurisdiction: 'CN-JS-3201',
      parcelIds: ['NO.2026G05', 'NO.2026G06'],
      method: 'LISTING',
      publishedOn: '2026-02-02',
      activityStartsOn: '2026-02-24',
      listingEndsOn: '2026-03-06',
      documentNo: '宁国土资让〔2026〕5号',
    },
  }),
  PublishSupplementaryNotice: commandSpec({
    schema: publishSupplementaryNoticeSchema,
    summary:
      'A supplementary notice (补充公告); less than 20 days before the activity it postpones the activity to 20 days after the notice (T31, S4 §八)',
    creates: false,
    example: {
      noticeNo: '宁国土资让补〔2026〕1号',
      publishedOn: '2026-02-09',
      changes: ['竞买保证金截止时间调整为2026年3月4日17时'],
    },
  }),
  RecordTransactionResult: commandSpec({
    schema: recordTransactionResultSchema,
    summary:
      "A parcel's deal: winner, price and starting price; results due in 10 working days (T32), an abnormal deal's report in 2 (T38)",
    creates: false,
    example: {
      parcelId: 'NO.2026G05',
      dealOn: '2026-03-06',
      winnerId: 'LU-91320100MA1XXXXX',
      priceFen: 1_520_000_000_00,
      startingPriceFen: 1_000_000_000_00,
      recordPrice: false,
    },
  }),
  PublishResults: commandSpec({
    schema: publishResultsSchema,
    summary: 'The transaction results are published (T32: within 10 working days of the deal; late is flagged)',
    creates: false,
    example: { publishedOn: '2026-03-10', parcelIds: ['NO.2026G05'] },
  }),
  ReportAbnormalTransaction: commandSpec({
    schema: reportAbnormalTransactionSchema,
    summary:
      'An abnormal deal (premium over 50 % or a record price) is reported (T38: within 2 working days; late is flagged)',
    creates: false,
    example: { parcelId: 'NO.2026G05', reportedOn: '2026-03-09', reportNo: '宁国土资异〔2026〕2号' },
  }),
} satisfies Record<AnnouncementCommand['type'], CommandSpec>;
