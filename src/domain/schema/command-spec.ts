/**
 * One source for each command's shape: a zod schema per command, with the facts the API needs
 * to expose it (a valid example, a one-line summary, whether it may start a stream). The
 * command's TypeScript data type is `z.output` of its schema; the API validates with the same
 * schema and generates the OpenAPI document from it.
 */
import type { z } from 'zod';

export interface CommandSpec<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  /** A body that passes the schema (shown in the OpenAPI document and checked by a test). */
  readonly example: z.input<S>;
  readonly summary: string;
  /** May run on a stream that does not exist yet (it starts the aggregate). */
  readonly creates: boolean;
  /**
   * The data field that names the stream's own id (`parcelId`, `decisionId`, `landUserId`), if
   * the command carries it: the API fills it from the path and refuses a body that disagrees.
   */
  readonly idField?: string;
}

/** Every command of one aggregate, keyed by command type. */
export type CommandSpecs<T extends string = string> = { readonly [K in T]: CommandSpec };

/** The data type of one command of a spec table. */
export type DataOf<Specs extends CommandSpecs, K extends keyof Specs> = z.output<Specs[K]['schema']>;

/** Identity with checking: `example` must be an input of `schema`. */
export const commandSpec = <S extends z.ZodType>(spec: CommandSpec<S>): CommandSpec<S> => spec;
