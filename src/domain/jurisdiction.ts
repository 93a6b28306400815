/**
 * Aggregates name their jurisdiction as 'CN', 'CN-JS' or 'CN-JS-3201' (ISO 3166-2:CN province
 * letters, then the GB/T 2260 administrative-division code); tokens and queries scope by the
 * division code prefix ('32' a province, '3201' a city, '320115' a county). This maps one to the
 * other.
 */
const PROVINCE_CODES: Readonly<Record<string, string>> = {
  BJ: '11',
  TJ: '12',
  HE: '13',
  SX: '14',
  NM: '15',
  LN: '21',
  JL: '22',
  HL: '23',
  SH: '31',
  JS: '32',
  ZJ: '33',
  AH: '34',
  FJ: '35',
  JX: '36',
  SD: '37',
  HA: '41',
  HB: '42',
  HN: '43',
  GD: '44',
  GX: '45',
  HI: '46',
  CQ: '50',
  SC: '51',
  GZ: '52',
  YN: '53',
  XZ: '54',
  SN: '61',
  GS: '62',
  QH: '63',
  NX: '64',
  XJ: '65',
};

/**
 * The division code of an aggregate's jurisdiction: 'CN-JS-3201' → '3201', 'CN-JS' → '32',
 * 'CN' → ''. null when it cannot be read (such a target is covered by 'CN' only).
 */
export const divisionCodeOf = (jurisdiction: string): string | null => {
  if (jurisdiction === 'CN') return '';
  const m = /^CN-([A-Z]{2})(?:-(\d{2,12}))?$/.exec(jurisdiction);
  const province = m ? PROVINCE_CODES[m[1] as string] : undefined;
  if (!m || province === undefined) return null;
  const code = m[2] ?? province;
  return code.startsWith(province) ? code : null;
};
