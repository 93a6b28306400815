import { z } from 'zod';

/**
 * The service's whole configuration, parsed once from the environment at start and frozen.
 * Anything wrong stops the process with the variable's name and the rule it broke.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .describe('PostgreSQL for read models (and events without EventStoreDB); unset = embedded PGlite under DATA_DIR'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .default('ledger'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  ESDB_CONNECTION_STRING: z
    .string()
    .regex(/^esdb(\+discover)?:\/\/.+/, 'must be an esdb:// or esdb+discover:// connection string')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  AUTH_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe('HS256 secret of the bearer tokens; unset on the embedded default = generated once under DATA_DIR'),
  RESERVE_PRICE_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex characters (32 bytes)')
    .optional()
    .describe('AES-256-GCM key that seals reserve prices until disclosure; unset on the embedded default = generated'),
  MAX_APPEND_BYTES: z.coerce
    .number()
    .int()
    .min(262_144)
    .max(67_108_864)
    .default(1_048_576)
    .describe("Largest append (all its events' data and metadata); EventStoreDB's own limit is 1 MiB by default"),
  PROJECTIONS: z
    .enum(['in-process', 'off'])
    .default('in-process')
    .describe("'off' when separate `npm run projections` processes keep the read models (scale-out)"),
  SAGAS: z
    .enum(['in-process', 'off'])
    .default('in-process')
    .describe("'off': this process runs neither the sagas nor the timer poller (another process does)"),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(16_777_216).default(262_144),
  DIGEST_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3_600_000)
    .describe(
      'How often the saga host records a log digest (Merkle root over every stream head) while the log moves; 0 = never',
    ),
});

export type Config = Readonly<z.infer<typeof schema>>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.keys(schema.shape).flatMap((key) => (env[key] ? [[key, env[key]]] : [])));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
};
