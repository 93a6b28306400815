/**
 * A calendar as data: the published holiday notices of one scope (the national State Council
 * notice, or a provincial / autonomous-area overlay, DOMAIN.md §11.1), folded from the
 * WorkingCalendar aggregate (src/domain/working-calendar). `revision` is the number of events
 * folded, so a layer and its version name one immutable content.
 */
import type { IsoDate } from './iso-date.js';

export interface CalendarYearDays {
  /** Official days off (放假), weekdays or not. */
  readonly offDays: ReadonlySet<IsoDate>;
  /** Make-up working days (调休上班), usually a Saturday or Sunday. */
  readonly makeUpWorkDays: ReadonlySet<IsoDate>;
}

export interface CalendarLayer {
  /** 'CN' (national) or a jurisdiction code prefix such as 'CN-XZ' for a regional overlay. */
  readonly scope: string;
  /** Events folded into this layer: the layer's version. */
  readonly revision: number;
  /** The published years of this scope. */
  readonly years: ReadonlyMap<number, CalendarYearDays>;
}
