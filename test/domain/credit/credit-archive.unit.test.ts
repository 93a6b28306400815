import t from 'tap';
import { fold } from '../../../src/domain/decider.js';
import {
  creditDecider,
  creditEntryId,
  creditStream,
  type CreditCommand,
  type CreditEvent,
} from '../../../src/domain/credit/index.js';
import { deciderSpec } from '../fixtures/decider-spec.js';

const spec = deciderSpec(creditDecider);
const patrol = { id: 'u-patrol-1', role: 'PATROL_POST' };
const province = { id: 'u-prov-7', role: 'PROVINCE_REVIEWER' };
const NOW = '2026-03-02T09:00:00+08:00';
const ctx = (now = NOW, actor = patrol) => ({ now, actor });

const evidence = { parcelId: 'P-3201-001', eventId: 'evt-overdue-1', caseId: null };
const ENTRY_ID = creditEntryId('C4', evidence);

const addCommand = (
  overrides: Partial<Extract<CreditCommand, { type: 'AddCreditEntry' }>['data']> = {},
): CreditCommand => ({
  type: 'AddCreditEntry',
  data: {
    landUserId: 'LU-100',
    trigger: 'C4',
    evidenceRef: { parcelId: 'P-3201-001', eventId: 'evt-overdue-1' },
    controllingShareholderIds: ['SH-1', 'SH-1', 'SH-2'],
    reason: 'instalment 2 unpaid 61 days',
    ...overrides,
  },
  context: ctx(),
});

const added: CreditEvent = {
  type: 'CreditEntryAdded',
  data: {
    landUserId: 'LU-100',
    entryId: ENTRY_ID,
    trigger: 'C4',
    evidenceRef: evidence,
    controllingShareholderIds: ['SH-1', 'SH-2'],
    reason: 'instalment 2 unpaid 61 days',
    addedAt: NOW,
    expiresAt: null,
  },
};
const liftRequested: CreditEvent = {
  type: 'CreditEntryLiftRequested',
  data: {
    landUserId: 'LU-100',
    entryId: ENTRY_ID,
    requestedAt: '2026-05-01T10:00:00+08:00',
    requestedBy: 'u-patrol-1',
    rectification: 'price and damages paid in full',
  },
};
const verified: CreditEvent = {
  type: 'RectificationVerified',
  data: {
    landUserId: 'LU-100',
    entryId: ENTRY_ID,
    verifiedAt: '2026-05-10T10:00:00+08:00',
    verifiedBy: 'u-prov-7',
    documentNo: '苏自然资函〔2026〕12号',
  },
};
const lifted: CreditEvent = {
  type: 'CreditEntryLifted',
  data: {
    landUserId: 'LU-100',
    entryId: ENTRY_ID,
    liftedAt: '2026-06-01T10:00:00+08:00',
    liftedBy: 'u-prov-7',
    announcementRef: '国土资源部公告2026年第3号',
  },
};

t.test('stream name', async (t) => {
  t.equal(creditStream('LU-100'), 'credit-LU-100');
});

t.test('AddCreditEntry', async (t) => {
  t.test('accepted: entry id derived from trigger + evidence, shareholders de-duplicated', async (t) => {
    spec.given([]).when(addCommand()).then(t, [added]);
    t.match(ENTRY_ID, /^C4-[0-9a-f]{16}$/);
  });
  t.test('idempotent per (trigger, evidenceRef): the same breach twice adds one entry', async (t) => {
    spec.given([added]).when(addCommand()).then(t, []);
    const state = fold(creditDecider, [added, added]);
    t.equal(state.status === 'CLEAN' ? 0 : state.entries.length, 1, 'replaying a duplicate event keeps one entry');
  });
  t.test('a different breach of the same trigger is a second entry', async (t) => {
    const [event] = spec
      .given([added])
      .when(addCommand({ evidenceRef: { parcelId: 'P-3201-001', eventId: 'evt-overdue-2' } }))
      .events();
    t.not(event?.data.entryId, ENTRY_ID);
  });
  t.test('case evidence, default reason from the trigger label, expiry kept', async (t) => {
    const [event] = spec
      .given([])
      .when(
        addCommand({
          trigger: 'C5',
          evidenceRef: { parcelId: 'P-9', caseId: 'IDLE-2026-4' },
          reason: '',
          expiresAt: '2027-03-02T09:00:00+08:00',
        }),
      )
      .events();
    t.same(event?.data, {
      landUserId: 'LU-100',
      entryId: creditEntryId('C5', { parcelId: 'P-9', eventId: null, caseId: 'IDLE-2026-4' }),
      trigger: 'C5',
      evidenceRef: { parcelId: 'P-9', eventId: null, caseId: 'IDLE-2026-4' },
      controllingShareholderIds: ['SH-1', 'SH-2'],
      reason: '存在闲置土地',
      addedAt: NOW,
      expiresAt: '2027-03-02T09:00:00+08:00',
    });
  });
  t.test('rejections', async (t) => {
    spec
      .given([])
      .when(addCommand({ landUserId: ' ' }))
      .thenRejects(t, { code: 'LAND_USER_REQUIRED', field: 'landUserId' });
    spec
      .given([added])
      .when(addCommand({ landUserId: 'LU-999' }))
      .thenRejects(t, { code: 'LAND_USER_MISMATCH', field: 'landUserId' });
    spec
      .given([])
      .when(addCommand({ trigger: 'C9' as 'C1' }))
      .thenRejects(t, { code: 'UNKNOWN_CREDIT_TRIGGER', rule: '§7.1', field: 'trigger' });
    spec
      .given([])
      .when(addCommand({ evidenceRef: { parcelId: 'P-1' } }))
      .thenRejects(t, { code: 'EVIDENCE_REQUIRED', rule: '§7.1', field: 'evidenceRef' });
    spec
      .given([])
      .when(addCommand({ evidenceRef: { parcelId: '', eventId: 'e' } }))
      .thenRejects(t, { code: 'EVIDENCE_REQUIRED' }, 'parcel is part of the evidence');
    spec
      .given([])
      .when(addCommand({ expiresAt: NOW }))
      .thenRejects(t, { code: 'EXPIRY_NOT_AFTER_ENTRY', rule: 'Q9', field: 'expiresAt' });
    spec
      .given([])
      .when(addCommand({ expiresAt: '2027-03-02' }))
      .thenRejects(t, { code: 'INVALID_INSTANT', field: 'expiresAt' }, 'a date is not an instant');
    spec
      .given([])
      .when({ ...addCommand(), context: ctx('2026-03-02T09:00:00') })
      .thenRejects(t, { code: 'INVALID_INSTANT', field: 'context.now' }, 'now without offset');
  });
});

t.test('RequestCreditEntryLift', async (t) => {
  const command = (entryId = ENTRY_ID, rectification = 'price and damages paid in full'): CreditCommand => ({
    type: 'RequestCreditEntryLift',
    data: { entryId, rectification },
    context: ctx('2026-05-01T10:00:00+08:00'),
  });
  spec.given([added]).when(command()).then(t, [liftRequested]);
  spec.given([]).when(command()).thenRejects(t, { code: 'CREDIT_ENTRY_NOT_FOUND', field: 'entryId' });
  spec.given([added]).when(command('C4-0000000000000000')).thenRejects(t, { code: 'CREDIT_ENTRY_NOT_FOUND' });
  spec.given([added, liftRequested]).when(command()).thenRejects(t, { code: 'LIFT_ALREADY_REQUESTED', rule: 'E7' });
  spec
    .given([added, liftRequested, verified, lifted])
    .when(command())
    .thenRejects(t, { code: 'CREDIT_ENTRY_ALREADY_LIFTED' });
  spec
    .given([added])
    .when(command(ENTRY_ID, '  '))
    .thenRejects(t, { code: 'RECTIFICATION_REQUIRED', field: 'rectification' });
});

t.test('VerifyRectification (province only, with document no.)', async (t) => {
  const command = (actor = province, documentNo = '苏自然资函〔2026〕12号'): CreditCommand => ({
    type: 'VerifyRectification',
    data: { entryId: ENTRY_ID, documentNo },
    context: ctx('2026-05-10T10:00:00+08:00', actor),
  });
  spec.given([added, liftRequested]).when(command()).then(t, [verified]);
  spec
    .given([added, liftRequested])
    .when(command(patrol))
    .thenRejects(t, { code: 'ROLE_NOT_ALLOWED', rule: 'E7', field: 'context.actor.role' });
  spec.given([added]).when(command()).thenRejects(t, { code: 'LIFT_NOT_REQUESTED', rule: 'E7' });
  spec
    .given([added, liftRequested, verified])
    .when(command())
    .thenRejects(t, { code: 'RECTIFICATION_ALREADY_VERIFIED' });
  spec
    .given([added, liftRequested, verified, lifted])
    .when(command())
    .thenRejects(t, { code: 'CREDIT_ENTRY_ALREADY_LIFTED' });
  spec
    .given([added, liftRequested])
    .when(command(province, ''))
    .thenRejects(t, { code: 'DOCUMENT_NO_REQUIRED', field: 'documentNo' });
});

t.test('LiftCreditEntry (only after verified rectification, with MLR announcement)', async (t) => {
  const command = (announcementRef = '国土资源部公告2026年第3号'): CreditCommand => ({
    type: 'LiftCreditEntry',
    data: { entryId: ENTRY_ID, announcementRef },
    context: ctx('2026-06-01T10:00:00+08:00', province),
  });
  spec.given([added, liftRequested, verified]).when(command()).then(t, [lifted]);
  spec.given([added]).when(command()).thenRejects(t, { code: 'RECTIFICATION_NOT_VERIFIED', rule: 'E7' });
  spec.given([added, liftRequested]).when(command()).thenRejects(t, { code: 'RECTIFICATION_NOT_VERIFIED' });
  spec
    .given([added, liftRequested, verified, lifted])
    .when(command())
    .thenRejects(t, { code: 'CREDIT_ENTRY_ALREADY_LIFTED' });
  spec
    .given([added, liftRequested, verified])
    .when(command(' '))
    .thenRejects(t, { code: 'ANNOUNCEMENT_REF_REQUIRED', rule: 'E7', field: 'announcementRef' });
});

t.test('state: CLEAN → LISTED → LIFTED, entries are never removed', async (t) => {
  t.same(fold(creditDecider, []), { status: 'CLEAN', landUserId: null });
  const listed = fold(creditDecider, [added, liftRequested, verified]);
  t.equal(listed.status, 'LISTED');
  const after = fold(creditDecider, [added, liftRequested, verified, lifted]);
  t.equal(after.status, 'LIFTED');
  t.same(after.status === 'CLEAN' ? [] : after.entries.map((e) => [e.entryId, e.status]), [[ENTRY_ID, 'LIFTED']]);
  t.test('evolve ignores events that do not apply', async (t) => {
    t.same(fold(creditDecider, [lifted]), { status: 'CLEAN', landUserId: null }, 'lift of an unknown entry');
    const skipped = fold(creditDecider, [added, lifted]);
    t.equal(skipped.status === 'CLEAN' ? '' : skipped.entries[0]?.status, 'ACTIVE', 'lift before verification');
    const foreign = fold(creditDecider, [
      added,
      { ...added, data: { ...added.data, landUserId: 'LU-2', entryId: 'x' } },
    ]);
    t.equal(foreign.status === 'CLEAN' ? 0 : foreign.entries.length, 1, 'an entry of another user');
  });
});
