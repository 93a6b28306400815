import t from 'tap';
import type { z } from 'zod';
import { fold, type CommandContext } from '../../../src/domain/decider.js';
import {
  CREDIT_COMMANDS,
  CREDIT_ERRORS,
  creditDecider,
  type CreditCommand,
  type CreditEvent,
} from '../../../src/domain/credit/index.js';
import { DomainError } from '../../../src/domain/errors.js';

type Type = keyof typeof CREDIT_COMMANDS;
const types = Object.keys(CREDIT_COMMANDS) as Type[];

/** The distinct issue paths of a failed parse, as 'a.b.0' strings. */
const issuePaths = (schema: z.ZodType, body: unknown): string[] => {
  const result = schema.safeParse(body);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
};

t.test('every example passes its schema', async (t) => {
  for (const type of types) {
    const { schema, example } = CREDIT_COMMANDS[type];
    const result = schema.safeParse(example);
    t.ok(result.success, `${type}: ${result.success ? 'ok' : JSON.stringify(result.error.issues)}`);
  }
  t.same(
    types.filter((type) => CREDIT_COMMANDS[type].creates),
    ['AddCreditEntry'],
    'only AddCreditEntry opens an archive',
  );
  t.equal(CREDIT_COMMANDS.AddCreditEntry.idField, 'landUserId');
});

t.test('the examples, in order, list and lift one entry', async (t) => {
  const patrol = { id: 'u-patrol-1', role: 'PATROL_POST' };
  const province = { id: 'u-prov-7', role: 'PROVINCE_REVIEWER' };
  const steps: readonly [Type, CommandContext][] = [
    ['AddCreditEntry', { now: '2026-03-02T09:00:00+08:00', actor: patrol }],
    ['RequestCreditEntryLift', { now: '2026-05-01T10:00:00+08:00', actor: patrol }],
    ['VerifyRectification', { now: '2026-05-10T10:00:00+08:00', actor: province }],
    ['LiftCreditEntry', { now: '2026-06-01T10:00:00+08:00', actor: province }],
  ];
  const history: CreditEvent[] = [];
  for (const [type, context] of steps) {
    const data = CREDIT_COMMANDS[type].schema.parse(CREDIT_COMMANDS[type].example);
    const events = creditDecider.decide({ type, data, context } as CreditCommand, fold(creditDecider, history));
    t.equal(events.length, 1, `${type} accepted`);
    history.push(...events);
  }
  t.equal(fold(creditDecider, history).status, 'LIFTED');
});

t.test('malformed bodies fail with the path of the bad field', async (t) => {
  const { AddCreditEntry, RequestCreditEntryLift, VerifyRectification, LiftCreditEntry } = CREDIT_COMMANDS;
  const add = AddCreditEntry.example;
  t.same(issuePaths(AddCreditEntry.schema, { ...add, trigger: 'C9' }), ['trigger']);
  t.same(issuePaths(AddCreditEntry.schema, { ...add, landUserId: ' ' }), ['landUserId']);
  t.same(
    issuePaths(AddCreditEntry.schema, { ...add, evidenceRef: { parcelId: 'P-1' } }),
    ['evidenceRef'],
    'no event, no case',
  );
  t.same(issuePaths(AddCreditEntry.schema, { ...add, evidenceRef: { parcelId: 'P-1', eventId: ' ' } }), [
    'evidenceRef.eventId',
  ]);
  t.same(
    issuePaths(AddCreditEntry.schema, { ...add, evidenceRef: { parcelId: 'P-1', caseId: 'IDLE-2026-4' } }),
    [],
    'a case is evidence',
  );
  t.same(
    issuePaths(AddCreditEntry.schema, { ...add, expiresAt: '2027-03-02' }),
    ['expiresAt'],
    'a date is not an instant',
  );
  t.same(issuePaths(AddCreditEntry.schema, { ...add, controllingShareholderIds: ['SH 1'] }), [
    'controllingShareholderIds.0',
  ]);
  t.same(issuePaths(AddCreditEntry.schema, { ...add, reason: '' }), [], 'blank reason = the standard wording');
  t.same(issuePaths(RequestCreditEntryLift.schema, { ...RequestCreditEntryLift.example, rectification: '  ' }), [
    'rectification',
  ]);
  t.same(issuePaths(VerifyRectification.schema, { entryId: 'C4-1' }), ['documentNo']);
  t.same(issuePaths(LiftCreditEntry.schema, { ...LiftCreditEntry.example, entryId: '' }), ['entryId']);
});

t.test('errors carry the category of the catalogue', async (t) => {
  const context = { now: '2026-05-01T10:00:00+08:00', actor: { id: 'u-1', role: 'PATROL_POST' } };
  const rejected = (command: CreditCommand): DomainError | undefined => {
    try {
      creditDecider.decide(command, creditDecider.initialState());
      return undefined;
    } catch (error) {
      return error instanceof DomainError ? error : undefined;
    }
  };
  const notFound = rejected({
    type: 'RequestCreditEntryLift',
    data: { entryId: 'C4-x', rectification: '已缴清' },
    context,
  });
  t.equal(notFound?.code, 'CREDIT_ENTRY_NOT_FOUND');
  t.equal(notFound?.category, 'not_found');
  const role = rejected({
    type: 'VerifyRectification',
    data: { entryId: 'C4-x', documentNo: '苏〔2026〕1号' },
    context,
  });
  t.equal(role?.code, 'ROLE_NOT_ALLOWED');
  t.equal(role?.category, CREDIT_ERRORS.ROLE_NOT_ALLOWED);
  t.equal(CREDIT_ERRORS.ROLE_NOT_ALLOWED, 'rule');
});
