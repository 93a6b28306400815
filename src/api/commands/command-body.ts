/**
 * The request body of a command route: the command's own zod schema (the one source of its
 * shape), plus the optional envelope fields that go into the event metadata, closed to unknown
 * top-level keys so that a misspelt optional field is an error, not silently dropped.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CommandSpec } from '../../domain/schema/command-spec.js';
import { id, text } from '../../domain/schema/fields.js';

const ENVELOPE = {
  reason: text.describe('Why (kept in the event metadata)').optional(),
  documentNo: text.describe('The document behind the command, e.g. 合同编号').optional(),
  decisionId: id.describe('The collective decision that authorised it').optional(),
} as const;

export type EnvelopeField = keyof typeof ENVELOPE;

/** Envelope fields the command does not already carry as data. */
export const envelopeFieldsOf = (spec: CommandSpec): EnvelopeField[] => {
  const shape = objectShape(spec.schema);
  return (Object.keys(ENVELOPE) as EnvelopeField[]).filter((key) => !(key in shape));
};

const objectShape = (schema: z.ZodType): Record<string, z.ZodType> => {
  if (!(schema instanceof z.ZodObject)) throw new Error('a command schema must be a z.object');
  return schema.shape;
};

export const bodySchemaFor = (spec: CommandSpec): z.ZodType => {
  const shape = objectShape(spec.schema);
  const extra: Record<string, z.ZodType> = Object.fromEntries(
    envelopeFieldsOf(spec).map((key) => [key, ENVELOPE[key]]),
  );
  // The stream's own id comes from the path; the body may repeat it but need not.
  const idSchema = spec.idField === undefined ? undefined : shape[spec.idField];
  if (spec.idField !== undefined && idSchema !== undefined) extra[spec.idField] = idSchema.optional();
  const schema = spec.schema as z.ZodObject;
  return schema.safeExtend(extra).strict().meta({ example: spec.example });
};

/** JSON with sorted keys, so that the same body always hashes the same. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** What makes two requests "the same" for Idempotency-Key: the route, the target and the body. */
export const requestHash = (route: string, targetId: string, body: unknown): string =>
  createHash('sha256')
    .update(`${route}\n${targetId}\n${canonical(body)}`)
    .digest('hex');
