/**
 * Who sees what (issue 9, DOMAIN.md §12): the one check every audit route makes, role by role
 * and subject by subject. Every refusal is a 403 with a stable code.
 */
import t from 'tap';
import { authorizeAuditRead, type AuditSubject, type AuditReadKind } from '../../src/api/audit/access.js';
import { ROLES, type Role } from '../../src/api/auth/roles.js';
import type { Actor } from '../../src/api/auth/token.js';
import { HttpError } from '../../src/api/http-error.js';

const actor = (role: Role, jurisdiction: string, sub = `${role}-1`): Actor => ({ sub, name: sub, role, jurisdiction });

const verdict = (a: Actor, subject: AuditSubject, kind: AuditReadKind = 'history'): string => {
  try {
    authorizeAuditRead(a, subject, kind);
    return 'allowed';
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 403) throw error;
    return error.code;
  }
};

const nanjingParcel: AuditSubject = { kind: 'parcel', id: 'P-1', jurisdiction: 'CN-JS-3201', owner: 'LU-1' };
const nanjingDecision: AuditSubject = { kind: 'decision', id: 'D-1', jurisdiction: 'CN-JS-3201' };
const GOVERNMENT = ROLES.filter((r) => r !== 'LAND_USER');
const OVERSIGHT: readonly Role[] = ['AUDITOR', 'PROVINCE_REVIEWER', 'MINISTRY'];

t.test('history: every government role within its jurisdiction, none outside it', async (t) => {
  for (const role of GOVERNMENT) {
    for (const [jurisdiction, expected] of [
      ['CN', 'allowed'],
      ['32', 'allowed'],
      ['3201', 'allowed'],
      ['320115', 'JURISDICTION_FORBIDDEN'], // a county does not cover the city-level parcel
      ['3202', 'JURISDICTION_FORBIDDEN'],
      ['41', 'JURISDICTION_FORBIDDEN'],
    ] as const) {
      t.equal(verdict(actor(role, jurisdiction), nanjingParcel), expected, `${role} ${jurisdiction} parcel`);
      t.equal(verdict(actor(role, jurisdiction), nanjingDecision), expected, `${role} ${jurisdiction} decision`);
    }
  }
});

t.test('trails: the oversight roles only, within their jurisdiction', async (t) => {
  for (const role of ROLES) {
    const expected = OVERSIGHT.includes(role) ? 'allowed' : 'ROLE_NOT_ALLOWED';
    t.equal(verdict(actor(role, '32'), nanjingDecision, 'trail'), expected, role);
  }
  t.equal(verdict(actor('AUDITOR', '41'), nanjingDecision, 'trail'), 'JURISDICTION_FORBIDDEN');
});

t.test('a land user: its own parcels and archive, nothing else', async (t) => {
  t.equal(verdict(actor('LAND_USER', '3201', 'LU-1'), nanjingParcel), 'allowed');
  t.equal(verdict(actor('LAND_USER', '3201', 'LU-2'), nanjingParcel), 'NOT_OWNER');
  t.equal(verdict(actor('LAND_USER', '3201', 'LU-1'), { kind: 'credit', id: 'LU-1' }), 'allowed');
  t.equal(verdict(actor('LAND_USER', '3201', 'LU-1'), { kind: 'credit', id: 'LU-2' }), 'NOT_OWNER');
  t.equal(verdict(actor('LAND_USER', '3201', 'LU-1'), nanjingDecision), 'NOT_OWNER');
  t.equal(verdict(actor('LAND_USER', '3201', 'LU-1'), { kind: 'national', id: 'calendar-CN' }), 'NOT_OWNER');
});

t.test('national streams, credit archives, the access log and unknown streams', async (t) => {
  t.equal(verdict(actor('PATROL_POST', '41'), { kind: 'credit', id: 'LU-1' }), 'allowed', 'a ban applies everywhere');
  t.equal(verdict(actor('PATROL_POST', '41'), { kind: 'national', id: 'digest-log' }), 'allowed');
  t.equal(verdict(actor('PATROL_POST', 'CN'), { kind: 'access', id: 'access-x' }), 'ROLE_NOT_ALLOWED');
  t.equal(verdict(actor('AUDITOR', '41'), { kind: 'access', id: 'access-x' }), 'allowed');
  t.equal(verdict(actor('AUDITOR', '32'), { kind: 'other', id: 'x-1' }), 'JURISDICTION_FORBIDDEN');
  t.equal(verdict(actor('MINISTRY', 'CN'), { kind: 'other', id: 'x-1' }), 'allowed');
  t.equal(
    verdict(actor('MINISTRY', '32'), { kind: 'parcel', id: 'P-9', jurisdiction: null, owner: null }),
    'JURISDICTION_FORBIDDEN',
    'a subject of unknown jurisdiction: national tokens only',
  );
});
