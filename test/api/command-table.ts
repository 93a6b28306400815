/**
 * Every command route as data, read from the same tables the app registers its routes from,
 * so the role matrix and the malformed-input property cover each command that exists.
 */
import { COMMAND_AGGREGATES } from '../../src/api/commands/index.js';
import { kebabCase } from '../../src/api/commands/kebab.js';
import type { Role } from '../../src/api/auth/roles.js';
import type { CommandSpec } from '../../src/domain/schema/command-spec.js';

export interface CommandRoute {
  readonly type: string;
  readonly creates: boolean;
  readonly roles: readonly Role[];
  readonly example: Record<string, unknown>;
  readonly idField: string | undefined;
  /** The URL for one target id. */
  readonly url: (id: string) => string;
}

export const COMMAND_ROUTES: readonly CommandRoute[] = COMMAND_AGGREGATES.flatMap((aggregate) =>
  Object.keys(aggregate.specs).map((type) => {
    const domainSpec = aggregate.specs[type] as CommandSpec;
    const spec = aggregate.bodies?.[type]?.spec ?? domainSpec;
    return {
      type,
      creates: domainSpec.creates,
      roles: aggregate.roles[type] as readonly Role[],
      example: spec.example as Record<string, unknown>,
      idField: domainSpec.idField,
      url: (id: string) => `${aggregate.basePath.replace(`:${aggregate.idParam}`, id)}/${kebabCase(type)}`,
    };
  }),
);
