export { byDueDate, obligationsOf } from './engine.js';
export type { ObligationOptions } from './engine.js';
export type { TypeBProgress } from './idle-type-b.js';
export type * from './types.js';
