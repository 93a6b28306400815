/**
 * Where the seeded parcels lie: mostly Jiangsu cities (the Jiangsu overlay applies), some under
 * national rules only. Token jurisdictions are division-code prefixes ('3201', '32', 'CN').
 */
export interface City {
  /** 'CN-JS-3201' */
  readonly jurisdiction: string;
  /** '3201': the code a city official's token carries. */
  readonly code: string;
  /** '32': the province reviewer's token. */
  readonly province: string;
  readonly name: string;
  /** Short name for document numbers: 宁, 锡, 苏 … */
  readonly short: string;
  readonly jiangsu: boolean;
}

const js = (code: string, name: string, short: string): City => ({
  jurisdiction: `CN-JS-${code}`,
  code,
  province: '32',
  name,
  short,
  jiangsu: true,
});

export const CITIES: readonly (readonly [City, number])[] = [
  [js('3201', '南京市', '宁'), 22],
  [js('3202', '无锡市', '锡'), 12],
  [js('3204', '常州市', '常'), 8],
  [js('3205', '苏州市', '苏'), 18],
  [js('3206', '南通市', '通'), 8],
  [js('3211', '镇江市', '镇'), 6],
  [{ jurisdiction: 'CN-HA-4101', code: '4101', province: '41', name: '郑州市', short: '郑', jiangsu: false }, 14],
  [{ jurisdiction: 'CN-ZJ-3301', code: '3301', province: '33', name: '杭州市', short: '杭', jiangsu: false }, 12],
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭'];
const GIVEN = ['建国', '立新', '海燕', '志强', '文静', '晓明', '国华', '丽娟', '永刚', '春梅', '宏伟', '秀英'];

export const personName = (i: number): string =>
  `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;

const FIRMS = ['置业', '房地产开发', '实业', '城市建设', '科技产业园', '智能制造', '商业管理', '新材料'];

export const firmName = (city: City, i: number): string =>
  `${city.name.replace('市', '')}${['华', '恒', '瑞', '鼎', '盛', '祥', '嘉', '润'][i % 8]}${['宇', '泰', '远', '丰', '达', '安'][i % 6]}${FIRMS[i % FIRMS.length]}有限公司`;
