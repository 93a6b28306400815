export * from './types.js';
export { NATIONAL_POLICY } from './national.js';
export { JIANGSU_POLICY } from './jiangsu.js';
export { POLICIES, policyFor } from './policy-for.js';
