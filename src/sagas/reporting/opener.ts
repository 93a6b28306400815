/**
 * The report opener (DOMAIN.md §13): for today (Shanghai, by the injected clock) it opens every
 * report obligation whose period has ended (T33/T34: whose year has started) within the lookback,
 * for every jurisdiction that owes it, with one OpenReportObligation per obligation.
 *
 * Level-triggered like the calendar reconciler: each pass recomputes what is owed from the
 * jurisdictions it knows and today's date, so a pass cut short by a crash, or a jurisdiction seen
 * for the first time, is simply found by the next pass. The command carries the idempotency key
 * `open:<obligationId>` (deterministic event ids) and the decider decides nothing for an open
 * obligation: two processes opening the same obligation append once. No lock is needed.
 *
 * Which jurisdictions owe what (the seeds do not list S1's 84 key cities): the jurisdictions of the
 * parcels read model (`parcels.jurisdiction`), plus `extraJurisdictions`. From each: its province
 * (S1, S3), its city (S1; in Jiangsu also T33, T34) and, when it is a county, the county (Jiangsu:
 * T33, T34). So every province and city that supplies land owes S1, every province S3.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { addCalendarDays, shanghaiDate } from '../../domain/calendar/index.js';
import { divisionCodeOf } from '../../domain/jurisdiction.js';
import {
  notOwedBecause,
  obligationIdOf,
  opensOn,
  parsePeriod,
  periodsOfYear,
  REPORT_TYPES,
  type ReportType,
} from '../../domain/reporting/index.js';
import { handleReportCommand } from '../../eventstore/aggregate-handlers.js';
import type { EventStore } from '../../eventstore/types.js';
import type { Clock } from '../clock.js';

export const REPORTS_ACTOR = { id: 'system:reports', role: 'SYSTEM' } as const;

export interface OpenReportsOptions {
  readonly store: EventStore;
  readonly db: Kysely<unknown>;
  /** The schema whose read-model view `parcels` names the jurisdictions. */
  readonly schema: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Jurisdictions that owe reports besides those of the parcels ('CN-JS', 'CN-JS-3201'). */
  readonly extraJurisdictions?: readonly string[];
  /** Obligations owed from a day more than this many days ago are not opened (default 366). */
  readonly lookbackDays?: number;
}

export interface Obligation {
  readonly type: ReportType;
  readonly jurisdiction: string;
  readonly period: string;
}

export interface OpenReportsResult {
  /** Obligations sent an OpenReportObligation. */
  readonly sent: number;
  /** Of them, obligations that recorded ReportDue now. */
  readonly opened: number;
  readonly failed: number;
}

/** A jurisdiction and the ones above it that owe reports: 'CN-JS-320115' → CN-JS, CN-JS-3201, CN-JS-320115. */
export const owingJurisdictions = (jurisdiction: string): string[] => {
  const code = divisionCodeOf(jurisdiction);
  const m = /^CN-([A-Z]{2})/.exec(jurisdiction);
  if (code === null || code === '' || m === null) return [];
  const province = `CN-${m[1] as string}`;
  return [
    province,
    ...(code.length >= 4 ? [`${province}-${code.slice(0, 4)}`] : []),
    ...(code.length === 6 ? [jurisdiction] : []),
  ];
};

/** Every obligation owed on `today` by `jurisdictions`, owed from a day within the lookback. */
export const obligationsOwed = (jurisdictions: readonly string[], today: string, lookbackDays = 366): Obligation[] => {
  const earliest = addCalendarDays(today, -lookbackDays).date;
  const year = Number(today.slice(0, 4));
  const all = new Set(jurisdictions.flatMap(owingJurisdictions));
  const owed: Obligation[] = [];
  for (const type of REPORT_TYPES) {
    const periods = [year - 1, year].flatMap((y) => periodsOfYear(type, y));
    for (const label of periods) {
      const from = opensOn(type, parsePeriod(label));
      if (from > today || from <= earliest) continue;
      for (const jurisdiction of [...all].sort()) {
        if (notOwedBecause(type, jurisdiction) === null) owed.push({ type, jurisdiction, period: label });
      }
    }
  }
  return owed;
};

/** Opens one obligation: true when ReportDue was recorded now. */
export const openObligation = async (store: EventStore, obligation: Obligation, clock: Clock): Promise<boolean> => {
  const obligationId = obligationIdOf(obligation.type, obligation.jurisdiction, obligation.period);
  const result = await handleReportCommand({
    store,
    id: obligationId,
    command: {
      type: 'OpenReportObligation',
      data: { ...obligation },
      context: { now: clock.now().toISOString(), actor: REPORTS_ACTOR },
    },
    envelope: { correlationId: `report:${obligationId}` },
    idempotencyKey: `open:${obligationId}`,
    clock: () => clock.now(),
  });
  return result.events.length > 0 && !result.replayed;
};

/** The jurisdictions of the parcels read model (none while it does not exist yet). */
const parcelJurisdictions = async (db: Kysely<unknown>, schema: string): Promise<string[]> => {
  try {
    const { rows } = await sql<{ jurisdiction: string }>`
      SELECT DISTINCT jurisdiction FROM ${sql.id(schema, 'parcels')}`.execute(db);
    return rows.map((r) => r.jurisdiction);
  } catch (error) {
    // 42P01: the read model is not built yet (a fresh schema); the next pass sees it.
    if ((error as { code?: unknown }).code === '42P01') return [];
    throw error;
  }
};

/**
 * One pass. `known`: obligations this process has seen open (skipped without a read); a fresh
 * process reads each once.
 */
export const openDueReports = async (
  options: OpenReportsOptions,
  known: Set<string> = new Set(),
): Promise<OpenReportsResult> => {
  const { store, clock, logger } = options;
  const jurisdictions = [
    ...(await parcelJurisdictions(options.db, options.schema)),
    ...(options.extraJurisdictions ?? []),
  ];
  const today = shanghaiDate(clock.now().toISOString());
  const owed = obligationsOwed(jurisdictions, today, options.lookbackDays).filter(
    (o) => !known.has(obligationIdOf(o.type, o.jurisdiction, o.period)),
  );
  let opened = 0;
  let failed = 0;
  for (const obligation of owed) {
    const id = obligationIdOf(obligation.type, obligation.jurisdiction, obligation.period);
    try {
      if (await openObligation(store, obligation, clock)) opened += 1;
      known.add(id);
    } catch (error) {
      failed += 1;
      logger.error({ err: error, obligationId: id }, 'opening a report obligation failed; next pass retries');
    }
  }
  if (opened + failed > 0) logger.info({ sent: owed.length, opened, failed }, 'report obligations opened');
  return { sent: owed.length, opened, failed };
};

export interface ReportOpener {
  stop(): Promise<void>;
}

/** Runs a pass every `intervalMs` (default 60 s) until stopped. */
export const startReportOpener = (options: OpenReportsOptions & { readonly intervalMs?: number }): ReportOpener => {
  const controller = new AbortController();
  const known = new Set<string>();
  const loop = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        await openDueReports(options, known);
      } catch (error) {
        if (controller.signal.aborted) break;
        options.logger.warn({ err: error }, 'report opener pass failed; retrying');
      }
      await sleep(options.intervalMs ?? 60_000, undefined, { signal: controller.signal }).catch(() => undefined);
    }
  };
  const done = loop();
  return {
    stop: async () => {
      controller.abort();
      await done;
    },
  };
};
