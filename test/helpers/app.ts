/**
 * The whole API on a fresh schema of real PostgreSQL, for `app.inject` tests: built before the
 * test, closed (and the schema dropped) in its teardown, as fastify/demo's test/helper.ts does.
 * The clock is a settable instant, so tests decide what "now" is.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino, type Logger } from 'pino';
import type { Test } from 'tap';
import { buildApp } from '../../src/api/app.js';
import type { Role } from '../../src/api/auth/roles.js';
import { signToken } from '../../src/api/auth/token.js';
import { createSealer } from '../../src/api/commands/reserve-price-seal.js';
import { openReadSide } from '../../src/projections/read-side.js';
import { postgresTestStore, type TestStore } from './postgres.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
export const TEST_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly db: TestStore;
  /** Sets the server's clock (ISO instant). */
  setNow(iso: string): void;
  /** A bearer token for that person; jurisdiction defaults to Nanjing (3201). */
  token(role: Role, options?: { sub?: string; jurisdiction?: string; name?: string; ttl?: string }): Promise<string>;
  /** POST a command as `role` (token made on the fly unless `auth` is given). */
  command(
    path: string,
    body: unknown,
    options?: {
      role?: Role;
      auth?: string;
      headers?: Record<string, string>;
      sub?: string;
      jurisdiction?: string;
      name?: string;
    },
  ): Promise<LightMyRequestResponse>;
}

export const buildTestApp = async (
  t: Test,
  start = '2026-03-02T09:00:00+08:00',
  options: { readSide?: boolean; /** The app's logger (default: silent, or TEST_LOG's level). */ logger?: Logger } = {},
): Promise<TestApp> => {
  const db = await postgresTestStore({ poolMax: 10 });
  let now = new Date(start);
  const clock = () => now;
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG ?? 'silent' });
  // The read side with its projection runners in-process, as the service runs it.
  const readSide = options.readSide
    ? await openReadSide({
        connection: db.connection,
        embedded: false,
        schema: db.schema,
        store: db.store,
        logger,
        runProjections: true,
      })
    : undefined;
  const app = await buildApp({
    logger,
    readiness: [],
    commands: { store: db.store, authSecret: TEST_SECRET, sealer: createSealer(TEST_KEY), clock },
    ...(readSide ? { queries: { readSide, schema: db.schema, store: db.store } } : {}),
  });
  t.teardown(async () => {
    await app.close();
    await readSide?.stop();
    await db.close();
  });
  const token: TestApp['token'] = (role, options = {}) =>
    signToken(
      {
        sub: options.sub ?? `${role.toLowerCase()}-1`,
        name: options.name ?? `测试${role}`,
        role,
        jurisdiction: options.jurisdiction ?? '3201',
      },
      TEST_SECRET,
      options.ttl ?? '1h',
      now,
    );
  return {
    app,
    db,
    setNow: (iso) => {
      now = new Date(iso);
    },
    token,
    command: async (path, body, options = {}) => {
      const auth = options.auth ?? `Bearer ${await token(options.role ?? 'GRANTOR_ADMIN', options)}`;
      return app.inject({
        method: 'POST',
        url: path,
        headers: { authorization: auth, ...options.headers },
        payload: body as Record<string, unknown>,
      });
    },
  };
};

/** How many events the test schema holds (to prove a rejected request appended nothing). */
export const eventCount = async (h: TestApp): Promise<number> => {
  const { rows } = await h.db.connection.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${h.db.schema}".events`);
  return Number(rows[0]?.n ?? 0);
};
