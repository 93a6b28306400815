/**
 * T20 (E1 Art 2 ¶2), type-B idle detection. Its facts (halt date, developed area, investment)
 * come from patrol evidence the parcel state does not carry, so the caller passes them in.
 */
import { PARCEL_DATES } from '../parcel/rules/dates.js';
import { parseHectares } from '../area.js';
import type { IsoDate } from '../calendar/index.js';
import { parseRatio } from '../money.js';
import type { Fen } from '../money.js';
import { anchorAt, obligation } from './build.js';
import type { RuleInput } from './build.js';
import type { Obligation } from './types.js';

/** Patrol facts a type-B detection needs; the parcel state does not carry them yet. */
export interface TypeBProgress {
  /** Last construction activity. */
  readonly haltedSince: IsoDate;
  readonly haltedEventId: string | null;
  /** 4-decimal hectares. */
  readonly developedAreaHa: string;
  readonly areaToDevelopHa: string;
  readonly investedFen: Fen;
}

const below = (part: bigint, whole: bigint, rate: string): boolean => {
  const r = parseRatio(rate);
  return part * r.den < whole * r.num;
};

/**
 * T20 (E1 Art 2 ¶2): started but below one third of the area or a quarter of the investment,
 * and halted; the threshold is one year of halt. Only while no case is open.
 */
export const typeBDetection = (input: RuleInput, progress: TypeBProgress | null): Obligation[] => {
  const { status, facts, policy } = input;
  if (progress === null || status !== 'STARTED' || facts.idleCase !== null) return [];
  const area = below(
    BigInt(parseHectares(progress.developedAreaHa)),
    BigInt(parseHectares(progress.areaToDevelopHa)),
    policy.idleTypeBDevelopedAreaBelow,
  );
  const total = facts.terms.totalInvestmentFen;
  const investment = total > 0 && below(BigInt(progress.investedFen), BigInt(total), policy.idleTypeBInvestmentBelow);
  if (!area && !investment) return [];
  return [
    obligation(
      {
        ruleId: 'T20',
        kind: 'threshold',
        anchor: anchorAt(progress.haltedSince, progress.haltedEventId),
        date: PARCEL_DATES.idleTypeBThreshold,
        description: 'Construction halted one year below the development thresholds: suspected idle land (type B)',
      },
      policy,
    ),
  ];
};
