/**
 * Property: whatever a client sends — bodies derived from each command's example with fields
 * removed, retyped, blown up or added, odd path ids, odd headers and content types — the API
 * never answers 5xx, and a rejected request appends nothing. fast-check prints the seed and the
 * shrunk counter-example of a failure (replay with FC_SEED=<seed>).
 */
import fc from 'fast-check';
import t from 'tap';
import { buildTestApp, eventCount } from '../helpers/app.js';
import { COMMAND_ROUTES, type CommandRoute } from './fixtures/command-table.js';
import { approveDecision, at, DECISION, grantParcel, OWNER, PARCEL } from './fixtures/parcel.js';

const weird = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('   '),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.constantFrom('2026-02-30', '2026-13-01', '20260301', '2026-03-01T25:00:00Z', '35%', '1/0', 'NaN', '-0.5', '1e3'),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 2100, maxLength: 2500 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

type Json = unknown;

/** Every path to a value inside a JSON body. */
const pathsOf = (value: Json, prefix: (string | number)[] = []): (string | number)[][] => {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  }
  return [prefix];
};

const edit = (
  body: Json,
  path: (string | number)[],
  change: (parent: Record<string | number, Json>, key: string | number) => void,
): Json => {
  const copy = structuredClone(body) as Record<string | number, Json>;
  if (path.length === 0) return copy;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  change(parent, path.at(-1) as string | number);
  return copy;
};

const mutatedBody = (example: Record<string, unknown>) => {
  const paths = pathsOf(example).filter((p) => p.length > 0);
  const path = fc.constantFrom(...(paths.length > 0 ? paths : [['x']]));
  return fc.oneof(
    fc.tuple(path, weird).map(([p, v]) => edit(example, p, (parent, key) => void (parent[key] = v))),
    path.map((p) =>
      edit(
        example,
        p,
        (parent, key) => void (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key]),
      ),
    ),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), weird).map(([k, v]) => ({ ...example, [k]: v })),
    weird,
    fc.constant(example),
  );
};

/** Targets that exist (set up below), so many requests reach the deciders rather than a 404. */
const EXISTING: Readonly<Record<string, string>> = { parcelId: PARCEL, decisionId: DECISION, landUserId: OWNER };

const pathId = (idParam: string) =>
  fc.oneof({ arbitrary: fc.constant(EXISTING[idParam] as string), weight: 6 }, { arbitrary: anyPathId, weight: 4 });

const anyPathId = fc.oneof(
  fc.constant('PROP-1'),
  fc.constant('PROP-2'),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/),
  fc.constantFrom('%20', 'a%2Fb', '..', '%E5%AE%97%E5%9C%B0', 'x'.repeat(300), '-lead', 'a;b'),
);

const headers = fc.record(
  {
    'if-match': fc.oneof(
      fc.constantFrom('"0"', '"1"', '*', 'W/"2"', '"-1"', 'garbage', '""'),
      fc.string({ maxLength: 10 }),
    ),
    'idempotency-key': fc.oneof(fc.constantFrom('k-1', 'k-2'), fc.string({ maxLength: 12 })),
    'content-type': fc.constantFrom('text/plain', 'application/xml', 'application/json; charset=latin1'),
  },
  { requiredKeys: [] },
);
/** Mostly the headers a client sends; now and then odd ones. */
const someHeaders = fc.oneof({ arbitrary: fc.constant({}), weight: 4 }, { arbitrary: headers, weight: 1 });

const request = fc.constantFrom(...COMMAND_ROUTES).chain((route: CommandRoute) =>
  fc.record({
    route: fc.constant(route),
    role: fc.constantFrom(...route.roles),
    id: pathId(route.idParam),
    body: mutatedBody(route.example),
    headers: someHeaders,
    raw: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  }),
);

t.test('malformed requests never get a 5xx and never append', async (t) => {
  const h = await buildTestApp(t);
  // Some targets exist, so commands also reach the deciders rather than stopping at 404.
  for (const route of COMMAND_ROUTES.filter((r) => r.creates)) {
    await h.command(route.url('PROP-1'), route.example, { role: route.roles[0], jurisdiction: 'CN' });
  }
  await approveDecision(h);
  await grantParcel(h);
  h.setNow(at('2026-07-20'));
  const entry = {
    trigger: 'C4',
    evidenceRef: { parcelId: PARCEL, caseId: 'CASE-1' },
    controllingShareholderIds: [],
    reason: '',
  };
  await h.command(`/land-users/${OWNER}/credit/add-credit-entry`, entry, { role: 'PATROL_POST' });
  h.setNow(at('2026-11-20'));
  const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
  let statuses: Record<number, number> = {};
  await fc.assert(
    fc.asyncProperty(request, async ({ route, role, id, body, headers: extra, raw }) => {
      const before = await eventCount(h);
      const auth = `Bearer ${await h.token(role, { jurisdiction: 'CN', sub: 'prop-user' })}`;
      const res = await h.app.inject({
        method: 'POST',
        url: route.url(id),
        headers: { authorization: auth, 'content-type': 'application/json', ...extra },
        // raw: the body cut short, so it is not JSON at all
        payload: raw ? JSON.stringify(body ?? null).slice(0, 7) : JSON.stringify(body ?? null),
      });
      statuses = { ...statuses, [res.statusCode]: (statuses[res.statusCode] ?? 0) + 1 };
      if (res.statusCode >= 500) throw new Error(`${route.type} ${res.statusCode}: ${res.body}`);
      if (res.statusCode >= 400 && (await eventCount(h)) !== before)
        throw new Error(`${route.type} ${res.statusCode} appended`);
      if (res.statusCode >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json')) {
        throw new Error(`${res.statusCode} without problem+json: ${res.body}`);
      }
      if (res.statusCode >= 400 && res.json<{ status: unknown }>().status !== res.statusCode) {
        throw new Error(`problem status differs from ${res.statusCode}: ${res.body}`);
      }
    }),
    { numRuns: Number(process.env.FC_RUNS ?? 2000), ...(seed === undefined ? {} : { seed }) },
  );
  t.comment(`statuses: ${JSON.stringify(statuses)}`);
  t.ok(
    Object.keys(statuses).some((s) => Number(s) === 400),
    'the generator does produce invalid requests',
  );
});
