/**
 * Generations are decided under the projection's lock: processes starting together agree on one
 * served generation, and a build is resumed rather than made twice.
 */
import t from 'tap';
import { ensureGeneration, listGenerations } from '../../src/projections/generations.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import { bookkeeping, readSideStore } from './fixtures/read-side.js';

t.test('concurrent starts make one served generation; a build is made once and resumed', async (t) => {
  const ctx = await readSideStore(t);
  const db = bookkeeping(ctx);
  const projection = PROJECTIONS[0]!;
  const served = await Promise.all(
    Array.from({ length: 6 }, () => ensureGeneration(db, ctx.schema, projection, 'serve')),
  );
  t.same(
    served.map((s) => [s.generation.generation, s.generation.state]),
    Array.from({ length: 6 }, () => [1, 'active']),
    'every caller got generation 1, active',
  );
  t.equal(served.filter((s) => s.created).length, 1, 'made once');
  const builds = await Promise.all(
    Array.from({ length: 4 }, () => ensureGeneration(db, ctx.schema, projection, 'build')),
  );
  t.same(
    builds.map((b) => [b.generation.generation, b.generation.state]),
    Array.from({ length: 4 }, () => [2, 'building']),
  );
  t.equal(builds.filter((b) => b.created).length, 1, 'one build, the others resume it');
  const all = await listGenerations(db, ctx.schema, projection.name);
  t.same(
    all.map((g) => [g.generation, g.state]),
    [
      [1, 'active'],
      [2, 'building'],
    ],
  );
});
