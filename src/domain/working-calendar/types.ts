import type { DomainEvent } from '../decider.js';
import type { IsoDate } from '../calendar/index.js';

export type CalendarSourceRef = {
  readonly kind: 'published' | 'amended';
  readonly documentNo: string;
  readonly sourceUrl: string;
  readonly publishedOn: IsoDate | null;
};

export type CalendarYearPublishedData = {
  readonly scope: string;
  readonly year: number;
  readonly sourceUrl: string;
  readonly documentNo: string;
  readonly publishedOn: IsoDate | null;
  readonly offDays: readonly IsoDate[];
  readonly makeUpWorkDays: readonly IsoDate[];
  readonly yearVersion: number;
  readonly specialCase: { readonly reason: string } | null;
};

export type CalendarChanges = {
  readonly addOffDays: readonly IsoDate[];
  readonly removeOffDays: readonly IsoDate[];
  readonly addMakeUpWorkDays: readonly IsoDate[];
  readonly removeMakeUpWorkDays: readonly IsoDate[];
};

export type CalendarAmendedData = Omit<CalendarYearPublishedData, 'offDays' | 'makeUpWorkDays'> & {
  readonly changes: CalendarChanges;
};

export type WorkingCalendarEvent =
  DomainEvent<'CalendarYearPublished', CalendarYearPublishedData> | DomainEvent<'CalendarAmended', CalendarAmendedData>;

export const CALENDAR_EVENT_TYPES = ['CalendarYearPublished', 'CalendarAmended'] as const;

export interface CalendarYear {
  readonly offDays: readonly IsoDate[];
  readonly makeUpWorkDays: readonly IsoDate[];
  /** 1 when published, +1 per amendment. */
  readonly version: number;
  readonly sources: readonly CalendarSourceRef[];
}

/** Plain JSON: the published years of one scope, and how many events made them. */
export interface WorkingCalendarState {
  readonly scope: string | null;
  readonly revision: number;
  readonly years: Readonly<Record<string, CalendarYear>>;
}
