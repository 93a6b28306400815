/**
 * Code lists of Attachment 3 (国有建设用地供应情况备案表), DOMAIN.md §8.3, as data so that a new
 * edition (e.g. GB/T 21010-2017) is a data change. Values are the form's own Chinese terms
 * where the form prints them; codes are ours where the form has none.
 */

/** S3-A3 note 3: exactly seven investor natures; 4, 5 and 6 need a sub-type. */
export const INVESTOR_NATURES = [
  { code: '1', zh: '机关法人', en: 'government organ', subTypes: [] },
  { code: '2', zh: '事业法人', en: 'public institution', subTypes: [] },
  { code: '3', zh: '社团法人（含村委会）', en: 'association, incl. village committees', subTypes: [] },
  {
    code: '4',
    zh: '内资企业',
    en: 'domestic enterprise',
    subTypes: [
      '国有企业',
      '集体企业',
      '股份合作企业',
      '联营企业',
      '有限责任公司',
      '股份有限公司',
      '私营企业',
      '其他企业',
    ],
  },
  {
    code: '5',
    zh: '港澳台投资企业',
    en: 'HK/Macao/Taiwan-invested enterprise',
    subTypes: ['合资经营企业', '合作经营企业', '独资经营企业', '投资股份有限公司'],
  },
  {
    code: '6',
    zh: '外商投资企业',
    en: 'foreign-invested enterprise',
    subTypes: ['中外合资经营企业', '中外合作经营企业', '外商独资企业', '外商投资股份有限公司'],
  },
  { code: '7', zh: '个人', en: 'individual', subTypes: [] },
] as const satisfies readonly { code: string; zh: string; en: string; subTypes: readonly string[] }[];

export type InvestorNatureCode = (typeof INVESTOR_NATURES)[number]['code'];

/** Source-of-right documents (权源文件, note 10). APPROVAL_DOCUMENT for 作价出资/授权经营 is [U]. */
export const SOURCE_DOCUMENT_KINDS = [
  { code: 'ALLOCATION_DECISION', zh: '国有建设用地划拨决定书' },
  { code: 'TRANSFER_CONTRACT', zh: '国有建设用地使用权出让合同' },
  { code: 'LEASE_CONTRACT', zh: '土地租赁合同' },
  { code: 'APPROVAL_DOCUMENT', zh: '批准文件' },
] as const;
export type SourceDocumentKind = (typeof SOURCE_DOCUMENT_KINDS)[number]['code'];

/**
 * The six supply methods, i.e. the six area columns (header, note 8), each with the key of its
 * area in the record, the document that proves it (note 10, V5) and the amount it carries (V8).
 */
export const SUPPLY_METHODS = [
  { code: 'ALLOCATION', zh: '划拨', areaKey: 'allocation', documentKind: 'ALLOCATION_DECISION', amount: 'NONE' },
  {
    code: 'TENDER_AUCTION_LISTING',
    zh: '招标拍卖挂牌出让',
    areaKey: 'tenderAuctionListing',
    documentKind: 'TRANSFER_CONTRACT',
    amount: 'CONTRACT',
  },
  {
    code: 'NEGOTIATED_TRANSFER',
    zh: '协议出让',
    areaKey: 'negotiatedTransfer',
    documentKind: 'TRANSFER_CONTRACT',
    amount: 'CONTRACT',
  },
  { code: 'LEASE', zh: '租赁', areaKey: 'lease', documentKind: 'LEASE_CONTRACT', amount: 'RENT' },
  {
    code: 'CAPITAL_CONTRIBUTION',
    zh: '作价出资或入股',
    areaKey: 'capitalContribution',
    documentKind: 'APPROVAL_DOCUMENT',
    amount: 'AMOUNT',
  },
  {
    code: 'AUTHORIZED_OPERATION',
    zh: '授权经营',
    areaKey: 'authorizedOperation',
    documentKind: 'APPROVAL_DOCUMENT',
    amount: 'AMOUNT',
  },
] as const satisfies readonly {
  code: string;
  zh: string;
  areaKey: string;
  documentKind: SourceDocumentKind;
  amount: 'NONE' | 'CONTRACT' | 'RENT' | 'AMOUNT';
}[];
export type SupplyMethod = (typeof SUPPLY_METHODS)[number]['code'];
export type SupplyAreaKey = (typeof SUPPLY_METHODS)[number]['areaKey'];

/**
 * GB/T 21010-2007 construction-land first-level classes allowed on a supply record (§8.3
 * recommendation: 05–11; 10 and 11 only in part, which a first-level code cannot express).
 */
export const LAND_USE_CODE_LIST_VERSION = 'GB/T 21010-2007';
export const LAND_USE_CLASSES = [
  { code: '05', zh: '商服用地', en: 'commercial & service' },
  { code: '06', zh: '工矿仓储用地', en: 'industrial, mining, storage' },
  { code: '07', zh: '住宅用地', en: 'residential' },
  { code: '08', zh: '公共管理与公共服务用地', en: 'public administration & services' },
  { code: '09', zh: '特殊用地', en: 'special' },
  { code: '10', zh: '交通运输用地', en: 'transport (except 104 农村道路)' },
  { code: '11', zh: '水域及水利设施用地', en: 'water facilities (113, 118 only)' },
] as const;
export type LandUseCode = (typeof LAND_USE_CLASSES)[number]['code'];
export const RESIDENTIAL_LAND_USE: LandUseCode = '07';

/** S3-A3 note 6: residential (07) is split into five sub-classes, numbered as in the note. */
export const RESIDENTIAL_SUBCLASSES = [
  { code: 1, zh: '高档住宅用地', en: 'high-end housing' },
  { code: 2, zh: '中低价位、中小套型普通商品住房用地', en: 'low/mid-price small/medium-unit ordinary housing' },
  { code: 3, zh: '其他普通商品住房用地', en: 'other ordinary commercial housing' },
  { code: 4, zh: '经济适用住房用地', en: 'affordable housing' },
  { code: 5, zh: '廉租住房用地', en: 'low-rent housing' },
] as const;
export type ResidentialSubclass = (typeof RESIDENTIAL_SUBCLASSES)[number]['code'];

/** S3-A3 note 5: the list ends in 「等」, so it is open; the meanings are [U]. */
export const DEVELOPMENT_DEGREES = [
  { code: '三通一平', en: 'water, power, road + levelled' },
  { code: '五通一平', en: '三通 + telecom, drainage (or gas) + levelled' },
  { code: '七通一平', en: 'water, drainage, power, telecom, gas, heat, road + levelled' },
  { code: '其他', en: 'other (describe)' },
] as const;

/** S3-A3 note 12. */
export const PAYMENT_MODES = [
  { code: 'LUMP_SUM', zh: '一次性支付' },
  { code: 'INSTALMENTS', zh: '分期支付' },
] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number]['code'];

/** §8.2 land source: values not in the seed; these are landchina.com's [U]. Not validated. */
export const LAND_SOURCES = ['现有建设用地', '新增建设用地', '新增建设用地(来自存量库)'] as const;
