export { createParcelDecider, parcelDecider } from './decider.js';
export type { ParcelDecider, ParcelDeciderOptions } from './decider.js';
export type * from './commands.js';
export type * from './events.js';
export * from './state.js';
export { evolve as evolveParcel } from './evolve.js';
export { latestFilingDate } from './extension/decide.js';
export { deliveryTerminationRight } from './delivery/decide.js';
export type { DeliveryTerminationRight } from './delivery/decide.js';
