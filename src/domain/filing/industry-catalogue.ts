/**
 * V11: the industry catalogue of Attachment 3 note 2, "based on GB/T 4754-2002" 国民经济行业分类.
 * Held at the standard's two upper levels: the 20 sections (门类 A–T) and their divisions (大类,
 * two digits). A code on the form is a section letter with its division ('K72') or with a class
 * under it ('K7210'); the class level (four digits, ~900 entries) is not transcribed here, so a
 * class code is accepted when its division is. Division ranges as recalled from the 2002 text [E~].
 */
export interface IndustryCatalogue {
  readonly version: string;
  readonly codes: readonly string[];
}

/** Section letter → its first and last division (inclusive). */
const SECTIONS: readonly (readonly [string, number, number, string])[] = [
  ['A', 1, 5, '农、林、牧、渔业'],
  ['B', 6, 11, '采矿业'],
  ['C', 13, 43, '制造业'],
  ['D', 44, 46, '电力、燃气及水的生产和供应业'],
  ['E', 47, 50, '建筑业'],
  ['F', 51, 59, '交通运输、仓储和邮政业'],
  ['G', 60, 62, '信息传输、计算机服务和软件业'],
  ['H', 63, 65, '批发和零售业'],
  ['I', 66, 67, '住宿和餐饮业'],
  ['J', 68, 71, '金融业'],
  ['K', 72, 72, '房地产业'],
  ['L', 73, 74, '租赁和商务服务业'],
  ['M', 75, 78, '科学研究、技术服务和地质勘查业'],
  ['N', 79, 81, '水利、环境和公共设施管理业'],
  ['O', 82, 83, '居民服务和其他服务业'],
  ['P', 84, 84, '教育'],
  ['Q', 85, 87, '卫生、社会保障和社会福利业'],
  ['R', 88, 92, '文化、体育和娱乐业'],
  ['S', 93, 97, '公共管理和社会组织'],
  ['T', 98, 98, '国际组织'],
];

const divisions = (): string[] =>
  SECTIONS.flatMap(([letter, from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${letter}${String(from + i).padStart(2, '0')}`),
  );

/** The catalogue the service validates with; its version is stamped on every filing. */
export const GBT_4754_2002: IndustryCatalogue = { version: 'GB/T 4754-2002 门类·大类', codes: divisions() };

/** Section names, for code tables in exports. */
export const INDUSTRY_SECTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  SECTIONS.map(([letter, , , name]) => [letter, name]),
);

const CLASS_CODE = /^([A-T]\d{2})\d{2}$/;

/** A code is in the catalogue as listed, or as a class ('K7210') of a listed division ('K72'). */
export const inCatalogue = (catalogue: IndustryCatalogue, code: string): boolean => {
  if (catalogue.codes.includes(code)) return true;
  const division = CLASS_CODE.exec(code)?.[1];
  return division !== undefined && catalogue.codes.includes(division);
};
