/**
 * Attachment 3 as a table (§8.2): one column per field of the form, headed with the form's own
 * Chinese wording, coded fields written out with their code tables (§8.3). The same rows feed the
 * JSON list, the CSV and the XLSX, so the three cannot disagree. Corner coordinates are classified
 * (S1 §二: the private network only) and are never exported: the row says how many were filed.
 */
import {
  INDUSTRY_SECTIONS,
  INVESTOR_NATURES,
  LAND_USE_CLASSES,
  PAYMENT_MODES,
  RESIDENTIAL_SUBCLASSES,
  SOURCE_DOCUMENT_KINDS,
  type SupplyRecord,
} from '../domain/filing/index.js';

/** What a filed record's row is made of: the filing's own columns and the form itself. */
export interface FiledSupplyRecord {
  readonly parcelId: string;
  readonly filingRef: string;
  readonly filedOn: string;
  /** Null for filings made before the form was kept with them. */
  readonly record: SupplyRecord | null;
}

export type CellValue = string | number | null;

interface Column {
  readonly key: string;
  readonly header: string;
  readonly value: (filing: FiledSupplyRecord, record: SupplyRecord) => CellValue;
}

const zhOf = <T extends { readonly code: string | number; readonly zh: string }>(
  list: readonly T[],
  code: string | number | null,
): string | null => (code === null ? null : (list.find((item) => item.code === code)?.zh ?? null));

const coded = (code: string | number | null, name: string | null): string | null =>
  code === null ? null : name === null ? String(code) : `${code} ${name}`;

const industry = (code: string): string => {
  const section = INDUSTRY_SECTIONS[code.slice(0, 1)];
  return section === undefined ? code : `${code} ${section}`;
};

const investorNature = (nature: SupplyRecord['project']['investorNature']): string => {
  const name = zhOf(INVESTOR_NATURES, nature.category);
  return [coded(nature.category, name), nature.subType].filter((part) => part !== null).join(' / ');
};

const landUse = (use: SupplyRecord['land']['use']): string => {
  const main = coded(use.code, zhOf(LAND_USE_CLASSES, use.code)) ?? '';
  const sub = use.residentialSubclass === null ? null : zhOf(RESIDENTIAL_SUBCLASSES, use.residentialSubclass);
  return sub === null ? main : `${main}（${use.residentialSubclass} ${sub}）`;
};

const sourceDocuments = (docs: SupplyRecord['project']['sourceDocuments']): string =>
  docs.map((doc) => `${zhOf(SOURCE_DOCUMENT_KINDS, doc.kind) ?? doc.kind} ${doc.no}`).join('；');

const paymentMode = (mode: string | null): string | null =>
  mode === null ? null : (zhOf(PAYMENT_MODES, mode) ?? mode);

const far = (bounds: SupplyRecord['requirements']['far']): string | null =>
  bounds.lowerBound === null && bounds.upperBound === null
    ? null
    : `${bounds.lowerBound ?? ''}–${bounds.upperBound ?? ''}`;

/** The form's columns, left to right, with our filing reference and parcel id first. */
export const SUPPLY_RECORD_COLUMNS: readonly Column[] = [
  { key: 'parcelId', header: '宗地编号', value: (f) => f.parcelId },
  { key: 'filingRef', header: '备案编号', value: (f) => f.filingRef },
  { key: 'filedOn', header: '填报时间', value: (f) => f.filedOn },
  {
    key: 'authority',
    header: '填报机关',
    value: (_, r) => `${r.filing.authority.province}${r.filing.authority.city}`,
  },
  { key: 'projectNo', header: '编号', value: (_, r) => r.project.no },
  { key: 'projectName', header: '项目名称', value: (_, r) => r.project.name },
  { key: 'approvalDocNo', header: '批准文号', value: (_, r) => r.project.approvalDocNo },
  { key: 'approvalDate', header: '批准时间', value: (_, r) => r.project.approvalDate },
  { key: 'approvingBody', header: '批准单位', value: (_, r) => r.project.approvingBody },
  { key: 'industry', header: '行业分类', value: (_, r) => industry(r.project.industryCode) },
  { key: 'investorNature', header: '投资主体性质', value: (_, r) => investorNature(r.project.investorNature) },
  { key: 'landUser', header: '土地使用权人', value: (_, r) => r.project.landUser },
  { key: 'sourceDocuments', header: '权源文件及编号', value: (_, r) => sourceDocuments(r.project.sourceDocuments) },
  { key: 'address', header: '宗地位置-座落', value: (_, r) => r.land.address },
  { key: 'boundaries', header: '宗地位置-四至', value: (_, r) => r.land.boundaries },
  {
    key: 'coordinates',
    header: '宗地位置-拐点坐标',
    value: (_, r) => (r.land.coordinates.length === 0 ? null : `${r.land.coordinates.length} 个拐点（涉密，不导出）`),
  },
  { key: 'landSource', header: '土地来源', value: (_, r) => r.land.landSource },
  { key: 'developmentDegree', header: '土地开发程度', value: (_, r) => r.land.developmentDegree },
  { key: 'landUse', header: '土地用途', value: (_, r) => landUse(r.land.use) },
  { key: 'grade', header: '土地级别', value: (_, r) => r.land.grade },
  { key: 'areaTotal', header: '土地面积(公顷)', value: (_, r) => r.areas.total },
  { key: 'termYears', header: '土地使用年限', value: (_, r) => r.land.termYears },
  { key: 'sourceDocSignedOn', header: '权源文件签订时间', value: (_, r) => r.land.sourceDocSignedOn },
  { key: 'allocationArea', header: '划拨-面积', value: (_, r) => r.areas.allocation },
  { key: 'talArea', header: '招拍挂出让-面积', value: (_, r) => r.areas.tenderAuctionListing },
  {
    key: 'talAmount',
    header: '招拍挂出让-合同金额(万元)',
    value: (_, r) => r.amounts.tenderAuctionListing.contractAmount,
  },
  {
    key: 'talPaymentMode',
    header: '招拍挂出让-支付方式',
    value: (_, r) => paymentMode(r.amounts.tenderAuctionListing.paymentMode),
  },
  { key: 'negotiatedArea', header: '协议出让-面积', value: (_, r) => r.areas.negotiatedTransfer },
  {
    key: 'negotiatedAmount',
    header: '协议出让-合同金额(万元)',
    value: (_, r) => r.amounts.negotiatedTransfer.contractAmount,
  },
  {
    key: 'negotiatedPaymentMode',
    header: '协议出让-支付方式',
    value: (_, r) => paymentMode(r.amounts.negotiatedTransfer.paymentMode),
  },
  { key: 'leaseArea', header: '租赁-面积', value: (_, r) => r.areas.lease },
  { key: 'leaseRent', header: '租赁-租金(万元)', value: (_, r) => r.amounts.lease.rent },
  { key: 'capitalArea', header: '作价出资或入股-面积', value: (_, r) => r.areas.capitalContribution },
  { key: 'capitalAmount', header: '作价出资或入股-金额(万元)', value: (_, r) => r.amounts.capitalContribution.amount },
  { key: 'authorizedArea', header: '授权经营-面积', value: (_, r) => r.areas.authorizedOperation },
  { key: 'authorizedAmount', header: '授权经营-金额(万元)', value: (_, r) => r.amounts.authorizedOperation.amount },
  { key: 'far', header: '容积率', value: (_, r) => far(r.requirements.far) },
  { key: 'greenRatio', header: '绿地率', value: (_, r) => r.requirements.greenRatio },
  { key: 'buildingDensity', header: '建筑密度', value: (_, r) => r.requirements.buildingDensity },
  { key: 'totalInvestment', header: '投资总额(万元)', value: (_, r) => r.requirements.totalInvestment },
  { key: 'agreedStart', header: '约定动工时间', value: (_, r) => r.requirements.agreedStart },
  { key: 'agreedCompletion', header: '约定竣工时间', value: (_, r) => r.requirements.agreedCompletion },
  { key: 'remarks', header: '备注', value: (_, r) => r.remarks },
  { key: 'preparer', header: '填表责任人', value: (_, r) => r.signOff.preparer },
  { key: 'reviewer', header: '审核责任人', value: (_, r) => r.signOff.reviewer },
];

const FILING_ONLY = new Set(['parcelId', 'filingRef', 'filedOn']);

/** One filing as a row keyed by column; a filing kept without its form fills only its own columns. */
export const supplyRecordRow = (filing: FiledSupplyRecord): Record<string, CellValue> =>
  Object.fromEntries(
    SUPPLY_RECORD_COLUMNS.map((column) => [
      column.key,
      filing.record === null
        ? FILING_ONLY.has(column.key)
          ? column.value(filing, undefined as unknown as SupplyRecord)
          : null
        : column.value(filing, filing.record),
    ]),
  );

/** The record without what may not leave the private network (S1 §二). */
export const withoutCoordinates = (record: SupplyRecord): SupplyRecord => ({
  ...record,
  land: { ...record.land, coordinates: [] },
});
