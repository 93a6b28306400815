/** DOMAIN.md §12 "Suggested RBAC mapping": every role a token may carry. */
export const ROLES = [
  'PATROL_POST', // 土地利用科（动态巡查专岗）
  'FIELD_INSPECTOR', // 国土资源所
  'ENFORCEMENT', // 执法监察大队
  'GRANTOR_ADMIN', // 市、县自然资源主管部门（出让人）
  'GOV_APPROVER', // 市、县人民政府
  'RESERVE_PRICE_GROUP', // 底价决策小组
  'PROVINCE_REVIEWER', // 省级自然资源主管部门
  'MINISTRY', // 自然资源部
  'AUDITOR', // 纪委监委、土地督察: read-only
  'LAND_USER', // 土地使用权人 (portal)
] as const;

export type Role = (typeof ROLES)[number];
