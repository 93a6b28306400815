/**
 * Generated from the role table: every command × every role. A role in the table is never
 * refused for its role; any other role gets 403 ROLE_NOT_ALLOWED and nothing is appended.
 */
import t from 'tap';
import { ROLES } from '../../src/api/auth/roles.js';
import { buildTestApp, eventCount } from '../helpers/app.js';
import { COMMAND_ROUTES } from './fixtures/command-table.js';

t.test('role matrix: every command × every role', async (t) => {
  const h = await buildTestApp(t);
  let n = 0;
  for (const route of COMMAND_ROUTES) {
    for (const role of ROLES) {
      const id = `M-${++n}`;
      const before = await eventCount(h);
      const res = await h.command(route.url(id), route.example, { role, jurisdiction: 'CN', sub: `matrix-${role}` });
      const label = `${route.type} as ${role} → ${res.statusCode} ${res.json<{ code?: string }>().code ?? ''}`;
      if (route.roles.includes(role)) {
        t.not(res.statusCode, 403, label);
      } else {
        t.equal(res.statusCode, 403, label);
        t.equal(res.json<{ code: string }>().code, 'ROLE_NOT_ALLOWED', label);
        t.equal(await eventCount(h), before, `${label}: nothing appended`);
      }
    }
  }
  t.ok(
    COMMAND_ROUTES.every((r) => !r.roles.includes('AUDITOR')),
    'AUDITOR sends no command',
  );
});
