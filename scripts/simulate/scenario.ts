/**
 * A simulation scenario (JSON): the commands a department would send, each on its date. Parcel
 * commands are checked against their API schema, so a mistake in a scenario reads like a 400.
 *
 *   { "name": "…", "start": "2026-03-01", "until": "2029-12-31",
 *     "steps": [ { "on": "2026-03-10", "parcel": "P-1", "command": "ConfirmDeal", "data": { … } } ] }
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PARCEL_COMMANDS, type ParcelCommandType } from '../../src/domain/parcel/index.js';
import { isoDate } from '../../src/domain/schema/fields.js';

const stepSchema = z.object({
  on: isoDate,
  parcel: z.string().min(1),
  command: z
    .string()
    .refine((name) => name in PARCEL_COMMANDS, 'must be a parcel command (src/domain/parcel/README.md)'),
  data: z.record(z.string(), z.unknown()),
  /** Who sends it; default an officer of the parcel's department. */
  role: z.string().optional(),
  note: z.string().optional(),
});

export const scenarioSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  /** The virtual clock starts at 00:00 of this day (Asia/Shanghai). */
  start: isoDate,
  /** Nothing after the end of this day is run. */
  until: isoDate,
  /** The acting department's division, e.g. 'CN-JS-3201'. */
  jurisdiction: z.string(),
  steps: z.array(stepSchema),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioStep = Scenario['steps'][number];

export const DEFAULT_SCENARIO_FILE = fileURLToPath(new URL('./default-scenario.json', import.meta.url));

/** Reads and checks a scenario file; every step's data is parsed by its command's schema. */
export const loadScenario = async (file: string = DEFAULT_SCENARIO_FILE): Promise<Scenario> => {
  const scenario = scenarioSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  scenario.steps.forEach((step, i) => {
    const spec = PARCEL_COMMANDS[step.command as ParcelCommandType];
    const parsed = spec.schema.safeParse(step.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${file}: steps[${i}] ${step.command} on ${step.on}: data.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`,
      );
    }
  });
  return scenario;
};
