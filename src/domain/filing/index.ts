export * from './enumerations.js';
export * from './record.js';
export { buildSupplyRecord } from './build.js';
export type { SupplyRecordExtra, SupplyRecordSource } from './build.js';
export { supplySourceFromParcel } from './from-parcel.js';
export type { ParcelFilingOptions } from './from-parcel.js';
export { validateSupplyRecord } from './validate.js';
export { GBT_4754_2002, INDUSTRY_SECTIONS, inCatalogue } from './industry-catalogue.js';
export type { IndustryCatalogue } from './industry-catalogue.js';
