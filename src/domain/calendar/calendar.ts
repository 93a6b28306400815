/**
 * The working calendar periods are counted on: the national layer and any regional overlays
 * (DOMAIN.md §11.1, §11.4.1), folded from the log. Its `version` names the layers and how many
 * events of each were folded ('CN.24', 'CN.24+CN-XZ.2'), so a version is immutable content and a
 * stored deadline can always be recomputed on the calendar it was computed with.
 *
 * Rule (§11.4.2): a day in a year the national layer has published is a working day if it is a
 * make-up working day, or Mon–Fri and not an off day. An overlay publishes extra days for its
 * region: its off days rest and its make-up days work, over the national rule. A year the
 * national layer has not published follows the provisional rule (§11.4.4, provisional.ts) and
 * every result that consulted such a day is `provisional`.
 */
import { fail } from '../errors.js';
import type { CivilDate } from './iso-date.js';
import { formatIsoDate, fromEpochDay, weekdayOfEpochDay } from './iso-date.js';
import type { CalendarLayer } from './layer.js';
import { isProvisionalWorkingDay } from './provisional.js';

export interface DayStatus {
  readonly working: boolean;
  readonly provisional: boolean;
}

export interface Calendar {
  readonly version: string;
  readonly layers: readonly CalendarLayer[];
  dayStatus(epochDay: number): DayStatus;
}

/** 'CN.24' for one layer, 'CN.24+CN-XZ.2' with an overlay. */
export const calendarVersionOf = (layers: readonly CalendarLayer[]): string =>
  layers.map((l) => `${l.scope}.${l.revision}`).join('+');

const LAYER = /^(CN(?:-[A-Z0-9]+)*)\.(\d+)$/;

/** The layers a version names, each as scope and revision: 'CN.24+CN-XZ.2' → [CN 24, CN-XZ 2]. */
export const parseCalendarVersion = (version: string): { scope: string; revision: number }[] =>
  version.split('+').map((part) => {
    const match = LAYER.exec(part);
    if (match === null)
      return fail('CALENDAR_VERSION', `Not a calendar version: ${JSON.stringify(version)}`, { value: version });
    return { scope: match[1] as string, revision: Number(match[2]) };
  });

const officialStatus = (layer: CalendarLayer, civil: CivilDate): boolean | null => {
  const year = layer.years.get(civil.year);
  if (year === undefined) return null;
  const key = formatIsoDate(civil);
  if (year.makeUpWorkDays.has(key)) return true;
  if (year.offDays.has(key)) return false;
  return null;
};

/** A calendar over `layers`, national first. */
export const calendarOf = (layers: readonly CalendarLayer[]): Calendar => {
  const [national, ...overlays] = layers;
  if (national === undefined || national.scope !== 'CN')
    return fail('CALENDAR_VERSION', 'A calendar starts with the national layer (CN)', { value: layers.length });
  const statusCache = new Map<number, DayStatus>();
  const compute = (epochDay: number): DayStatus => {
    const civil = fromEpochDay(epochDay);
    const weekday = weekdayOfEpochDay(epochDay);
    const published = national.years.has(civil.year);
    let working = published
      ? (officialStatus(national, civil) ?? (weekday >= 1 && weekday <= 5))
      : isProvisionalWorkingDay(civil, weekday);
    for (const overlay of overlays) working = officialStatus(overlay, civil) ?? working;
    return { working, provisional: !published };
  };
  return {
    version: calendarVersionOf(layers),
    layers,
    dayStatus: (epochDay) => {
      let status = statusCache.get(epochDay);
      if (status === undefined) {
        status = compute(epochDay);
        statusCache.set(epochDay, status);
      }
      return status;
    },
  };
};

/** The scopes whose layers apply to a jurisdiction code, national first: 'CN-XZ-5401' → CN, CN-XZ, CN-XZ-5401. */
export const scopesFor = (jurisdiction: string): string[] => {
  const parts = jurisdiction.split('-');
  return parts.map((_, i) => parts.slice(0, i + 1).join('-')).filter((s) => s.startsWith('CN'));
};
