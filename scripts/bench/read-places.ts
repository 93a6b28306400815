/**
 * Where the read benchmark's parcels lie: the HTTP seeder's cities plus counties and districts
 * (six-digit division codes) in six provinces, so that jurisdiction-scoped queries ('32',
 * '3201', '320115') select very different shares of the table. Jiangsu's overlay applies to
 * 'CN-JS-…'; the rest run under national rules.
 */
import type { City } from '../seed/places.js';

const PROVINCES = {
  JS: { province: '32', jiangsu: true },
  HA: { province: '41', jiangsu: false },
  ZJ: { province: '33', jiangsu: false },
  AH: { province: '34', jiangsu: false },
  SD: { province: '37', jiangsu: false },
  GD: { province: '44', jiangsu: false },
} as const;

const place = (letters: keyof typeof PROVINCES, code: string, name: string, short: string): City => ({
  jurisdiction: `CN-${letters}-${code}`,
  code,
  name,
  short,
  ...PROVINCES[letters],
});

/** [place, weight]: city-level bureaus and the counties/districts under them. */
export const READ_PLACES: readonly (readonly [City, number])[] = [
  [place('JS', '3201', '南京市', '宁'), 10],
  [place('JS', '320115', '南京市江宁区', '宁'), 6],
  [place('JS', '320116', '南京市六合区', '宁'), 3],
  [place('JS', '320117', '南京市溧水区', '宁'), 2],
  [place('JS', '3202', '无锡市', '锡'), 5],
  [place('JS', '320214', '无锡市新吴区', '锡'), 3],
  [place('JS', '320281', '江阴市', '澄'), 3],
  [place('JS', '320412', '常州市武进区', '常'), 4],
  [place('JS', '3205', '苏州市', '苏'), 6],
  [place('JS', '320506', '苏州市吴中区', '苏'), 3],
  [place('JS', '320583', '昆山市', '昆'), 4],
  [place('JS', '320585', '太仓市', '太'), 2],
  [place('JS', '320612', '南通市通州区', '通'), 3],
  [place('JS', '321181', '丹阳市', '丹'), 2],
  [place('HA', '4101', '郑州市', '郑'), 6],
  [place('HA', '410122', '中牟县', '牟'), 2],
  [place('HA', '410181', '巩义市', '巩'), 2],
  [place('HA', '410311', '洛阳市洛龙区', '洛'), 3],
  [place('ZJ', '3301', '杭州市', '杭'), 6],
  [place('ZJ', '330110', '杭州市余杭区', '杭'), 4],
  [place('ZJ', '330212', '宁波市鄞州区', '甬'), 3],
  [place('AH', '3401', '合肥市', '合'), 4],
  [place('AH', '340121', '长丰县', '丰'), 2],
  [place('SD', '3701', '济南市', '济'), 4],
  [place('SD', '370112', '济南市历城区', '济'), 2],
  [place('GD', '4401', '广州市', '穗'), 5],
  [place('GD', '440114', '广州市花都区', '穗'), 3],
];
