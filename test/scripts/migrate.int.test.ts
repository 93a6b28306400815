import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import t from 'tap';
import { testDatabaseUrl } from '../helpers/postgres.js';

/**
 * Only the service start-up and `npm run migrate` migrate. The auditor's read-only verify-chain,
 * pointed at a schema that was never migrated, must say so and leave the database as it found it.
 */
const run = (script: string, schema: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', script], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema },
    encoding: 'utf8',
  });

const client = new pg.Client({ connectionString: testDatabaseUrl() });
const schemas: string[] = [];
const freshSchema = () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return schema;
};
t.before(() => client.connect());
t.teardown(async () => {
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

const schemaExists = async (schema: string) =>
  (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount === 1;
const tablesIn = async (schema: string) =>
  (
    await client.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [
      schema,
    ])
  ).rows.map((r) => r.tablename);

t.test('verify-chain on a schema that does not exist: exit 2, names the fix, creates nothing', async (t) => {
  const schema = freshSchema();
  const result = run('scripts/verify-chain.ts', schema);
  t.equal(result.status, 2, result.stderr);
  t.match(result.stderr, `schema "${schema}" is not migrated`);
  t.match(result.stderr, 'npm run migrate');
  t.equal(await schemaExists(schema), false, 'the schema was not created');
});

t.test('verify-chain on an empty schema: exit 2 and still no tables', async (t) => {
  const schema = freshSchema();
  await client.query(`CREATE SCHEMA "${schema}"`);
  const result = run('scripts/verify-chain.ts', schema);
  t.equal(result.status, 2, result.stderr);
  t.same(await tablesIn(schema), [], 'no table was created');
});

t.test('npm run migrate brings a fresh schema to the latest migration; a second run has nothing to do', async (t) => {
  const schema = freshSchema();
  const first = run('scripts/migrate.ts', schema);
  t.equal(first.status, 0, first.stderr);
  t.match(first.stdout, /ran 2026-11-21T00-00-00_events/);
  t.match(first.stdout, /calendar seed written: 24 events/);
  t.match(await tablesIn(schema), ['events']);
  const second = run('scripts/migrate.ts', schema);
  t.equal(second.status, 0, second.stderr);
  t.match(second.stdout, /nothing to run/);
  t.match(second.stdout, /calendar seed already in the log/);
  const verified = run('scripts/verify-chain.ts', schema);
  t.equal(verified.status, 0, verified.stderr);
  t.match(verified.stdout, /1 streams, 24 events, 0 broken/, 'only the calendar seed (calendar-CN)');
});
