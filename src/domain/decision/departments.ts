/** S4 §二: the departments of the collective supply-decision mechanism, named by the same keys as the policy. */
import { z } from 'zod';
import type { DecisionDepartment } from '../policy/index.js';

export const DEPARTMENTS = {
  GOVERNMENT: '市县人民政府',
  NATURAL_RESOURCES: '自然资源',
  FINANCE: '财政',
  DEVELOPMENT_REFORM: '发改',
  INDUSTRY_IT: '工信',
  COMMERCE: '商务',
  ECOLOGY_ENVIRONMENT: '生态保护',
  HOUSING_CONSTRUCTION: '住建',
  DISCIPLINE_INSPECTION: '纪委监委',
  OTHER: '其他',
} as const satisfies Record<DecisionDepartment, string>;
// The policy names required departments with the same keys; `satisfies` above and this alias keep them one list.
export type Department = DecisionDepartment & keyof typeof DEPARTMENTS;

const DEPARTMENT_KEYS = Object.keys(DEPARTMENTS) as [Department, ...Department[]];

/** A department key, e.g. 'DISCIPLINE_INSPECTION' (纪委监委); shared by meeting participants and the price group. */
export const department = z.enum(DEPARTMENT_KEYS);
