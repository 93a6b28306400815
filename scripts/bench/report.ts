/**
 * Output of the store benchmark: one JSON object per line on stdout and nothing else there, so the
 * result can be piped into a comparison tool; progress goes to stderr.
 */

export type Unit = 'events/s' | 'commands/s' | 'rows/s' | 'ms' | 'count' | 'ratio' | 'bytes';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: Unit;
}

export const emit = (name: string, value: number, unit: Unit): Figure => {
  const figure: Figure = { name, value: round(value, unit), unit };
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  return figure;
};

export const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

/** A ratio line; 0 when the denominator is 0 so a broken side shows up as an obvious figure, not NaN. */
export const emitRatio = (name: string, numerator: number, denominator: number): Figure =>
  emit(name, denominator === 0 ? 0 : numerator / denominator, 'ratio');

const round = (value: number, unit: Unit): number => {
  switch (unit) {
    case 'count':
    case 'bytes':
      return Math.round(value);
    case 'events/s':
    case 'commands/s':
    case 'rows/s':
      return Math.round(value);
    case 'ms':
      return Math.round(value * 1000) / 1000;
    case 'ratio':
      return Math.round(value * 1000) / 1000;
    default: {
      const _never: never = unit;
      return _never;
    }
  }
};
