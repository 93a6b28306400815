import t from 'tap';
import { addWorkingDays } from '../../../src/domain/calendar/index.js';
import { SEED_VERSION as CALENDAR_VERSION, SEED_CALENDAR } from '../../../src/domain/working-calendar/seed-calendar.js';
import { DomainError } from '../../../src/domain/errors.js';
import { createParcelDecider } from '../../../src/domain/parcel/index.js';
import type { ExtensionKind, ParcelState } from '../../../src/domain/parcel/index.js';
import { JIANGSU_POLICY } from '../../../src/domain/policy/index.js';
import { given, history, stateOf } from './fixtures/spec.js';
import {
  command,
  declareStart,
  HENAN,
  signTransfer,
  toCompleted,
  toDelivered,
  toStarted,
  verifyStart,
} from './fixtures/parcel.js';

const JS_VERSIONS = { policyVersion: 'CN-JS-2026.1', calendarVersion: CALENDAR_VERSION, provisional: false };
const jiangsuCommands = () => [signTransfer({ agreedStart: '2026-10-12' })];
const jiangsu = () => history(...jiangsuCommands());
const national = () => history(signTransfer({ agreedStart: '2026-10-12', jurisdiction: HENAN }));

/** An application dated `requestedOn`, recorded on `now` (the same day unless given). */
const request = (
  requestedOn: string,
  requestedDate = '2027-01-12',
  requestId = 'r1',
  kind: ExtensionKind = 'START',
  now = requestedOn,
) =>
  command(
    'RequestExtension',
    { requestId, kind, requestedOn, requestedDate, reason: 'demolition dispute on the east boundary' },
    now,
  );
const approve = (decidedOn: string, extra: { approvedDate?: string; approvalRef?: string } = {}, requestId = 'r1') =>
  command(
    'DecideExtension',
    { requestId, decision: 'APPROVE', decidedOn, approvalRef: 'YQ-2026-3', ...extra },
    decidedOn,
  );
const scheduleOf = (state: ParcelState) => ('facts' in state ? state.facts.schedule : undefined);

t.test('Jiangsu lead time: at least 30 working days before expiry (T17, S4 §十二)', async (t) => {
  given(jiangsu())
    .when(request('2026-08-25'))
    .then(t, [
      {
        type: 'ExtensionRequested',
        data: {
          ...JS_VERSIONS,
          requestId: 'r1',
          kind: 'START',
          requestedOn: '2026-08-25',
          currentDate: '2026-10-12',
          requestedDate: '2027-01-12',
          reason: 'demolition dispute on the east boundary',
          latestFilingDate: '2026-08-25',
        },
      },
    ]);
  given(jiangsu())
    .when(request('2026-08-26'))
    .thenRejects(t, {
      code: 'EXTENSION_REQUEST_TOO_LATE',
      rule: 'T17',
      details: { latestFilingDate: '2026-08-25', policyVersion: 'CN-JS-2026.1' },
    });
});

t.test(
  'The application date counts for T17, not the day it is recorded (DOMAIN.md units: documents entered later)',
  async (t) => {
    // Dated on the last filing day, entered into the system a week later: in time.
    given(jiangsu())
      .when(request('2026-08-25', '2027-01-12', 'r1', 'START', '2026-09-01'))
      .thenMatches(t, [
        { type: 'ExtensionRequested', data: { requestedOn: '2026-08-25', latestFilingDate: '2026-08-25' } },
      ]);
    // Dated one day too late, even though it is recorded on the same day as the one above.
    given(jiangsu())
      .when(request('2026-08-26', '2027-01-12', 'r1', 'START', '2026-09-01'))
      .thenRejects(t, {
        code: 'EXTENSION_REQUEST_TOO_LATE',
        field: 'requestedOn',
        rule: 'T17',
        details: { latestFilingDate: '2026-08-25' },
      });
    // An application cannot be dated after the day it is recorded, nor before the grant.
    given(jiangsu())
      .when(request('2026-08-20', '2027-01-12', 'r1', 'START', '2026-08-19'))
      .thenRejects(t, { code: 'DATE_IN_FUTURE', field: 'requestedOn' });
    given(jiangsu())
      .when(request('2026-02-01', '2027-01-12', 'r1', 'START', '2026-08-19'))
      .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'requestedOn' });
  },
);

t.test('National lead time: at least 30 calendar days before the agreed start (T17, E3)', async (t) => {
  given(national())
    .when(request('2026-08-26'))
    .thenMatches(
      t,
      [{ type: 'ExtensionRequested', data: { latestFilingDate: '2026-09-12' } }],
      'too late in Jiangsu, fine nationally',
    );
  given(national())
    .when(request('2026-09-12'))
    .thenMatches(t, [{ type: 'ExtensionRequested', data: { policyVersion: 'CN-2026.1' } }]);
  given(national())
    .when(request('2026-09-13'))
    .thenRejects(t, { code: 'EXTENSION_REQUEST_TOO_LATE', rule: 'T17', details: { latestFilingDate: '2026-09-12' } });
});

t.test('A completion request counts back from the agreed completion', async (t) => {
  const latest = addWorkingDays(SEED_CALENDAR, '2028-09-01', -30).date;
  given(history(...toStarted()))
    .when(request('2026-09-01', '2029-03-01', 'r1', 'COMPLETION'))
    .thenMatches(t, [
      { type: 'ExtensionRequested', data: { kind: 'COMPLETION', currentDate: '2028-09-01', latestFilingDate: latest } },
    ]);
  given(history(...toStarted()))
    .when(request('2026-09-01', '2027-01-12'))
    .thenRejects(t, { code: 'ALREADY_STARTED', field: 'kind' });
});

t.test('RequestExtension guards', async (t) => {
  given(history(...jiangsuCommands(), request('2026-08-01')))
    .when(request('2026-08-02', '2027-01-12', 'r2'))
    .thenRejects(t, { code: 'EXTENSION_ALREADY_PENDING' });
  given(jiangsu())
    .when(request('2026-08-01', '2026-10-12'))
    .thenRejects(t, { code: 'EXTENSION_NOT_LATER', field: 'requestedDate' });
  given(jiangsu())
    .when(request('2026-08-01', '2027-10-13'))
    .thenRejects(t, { code: 'EXTENSION_TOO_LONG', rule: 'T18', details: { maxDate: '2027-10-12' } });
  given(jiangsu())
    .when(request('2026-08-01', '2027-10-12'))
    .thenMatches(t, [{ type: 'ExtensionRequested' }], 'exactly one year is allowed');
  given(history(...jiangsuCommands(), request('2026-08-01'), approve('2026-08-10')))
    .when(request('2026-09-01', '2027-02-12'))
    .thenRejects(t, { code: 'DUPLICATE_REQUEST' });
  given(jiangsu())
    .when(
      command(
        'RequestExtension',
        {
          requestId: 'r1',
          kind: 'BOTH' as ExtensionKind,
          requestedOn: '2026-08-01',
          requestedDate: '2027-01-12',
          reason: 'x',
        },
        '2026-08-01',
      ),
    )
    .thenRejects(t, {
      code: 'FIELD_INVALID',
      field: 'kind',
    });
  given(jiangsu())
    .when(
      command(
        'RequestExtension',
        { requestId: 'r1', kind: 'START', requestedOn: '2026-08-01', requestedDate: '2027-01-12', reason: '' },
        '2026-08-01',
      ),
    )
    .thenRejects(t, {
      code: 'FIELD_REQUIRED',
      field: 'reason',
    });
  given([])
    .when(request('2026-08-01'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
  given(history(...toCompleted()))
    .when(request('2028-07-01', '2029-01-01', 'r1', 'COMPLETION'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'COMPLETED' } });
});

t.test('Approving a start extension moves the start and the completion by the same days (E3)', async (t) => {
  const pending = history(...jiangsuCommands(), request('2026-08-01'));
  given(pending)
    .when(approve('2026-08-10'))
    .then(t, [
      {
        type: 'ExtensionApproved',
        data: {
          ...JS_VERSIONS,
          requestId: 'r1',
          kind: 'START',
          decidedOn: '2026-08-10',
          approvalRef: 'YQ-2026-3',
          previousStart: '2026-10-12',
          previousCompletion: '2028-09-01',
          agreedStart: '2027-01-12',
          agreedCompletion: '2028-12-02',
          shiftDays: 92,
          maxDate: '2027-10-12',
        },
      },
    ]);
  const state = stateOf(history(...jiangsuCommands(), request('2026-08-01'), approve('2026-08-10')));
  t.match(scheduleOf(state), {
    originalStart: '2026-10-12',
    originalCompletion: '2028-09-01',
    agreedStart: '2027-01-12',
    agreedCompletion: '2028-12-02',
    changes: [{ source: 'EXTENSION', reference: 'r1', previousStart: '2026-10-12', agreedStart: '2027-01-12' }],
  });
  t.equal('facts' in state ? state.facts.pendingExtension : 'x', null, 'no request pending');
  given(pending)
    .when(approve('2026-08-10', { approvedDate: '2026-12-12' }))
    .thenMatches(
      t,
      [
        {
          type: 'ExtensionApproved',
          data: { agreedStart: '2026-12-12', agreedCompletion: '2028-11-01', shiftDays: 61 },
        },
      ],
      'approval may grant less than asked',
    );
});

t.test('T18: the maximum is counted from the original date across extensions', async (t) => {
  const once = history(...jiangsuCommands(), request('2026-08-01'), approve('2026-08-10'));
  // After a first extension to 2027-01-12 the limit is still the original 2026-10-12 + 1 y.
  given(once)
    .when(request('2026-11-01', '2027-10-13', 'r2'))
    .thenRejects(t, { code: 'EXTENSION_TOO_LONG', rule: 'T18', details: { maxDate: '2027-10-12' } });
  given(history(...once, request('2026-11-01', '2027-10-12', 'r2')))
    .when(approve('2026-11-05', {}, 'r2'))
    .thenMatches(t, [
      {
        type: 'ExtensionApproved',
        data: {
          previousStart: '2027-01-12',
          agreedStart: '2027-10-12',
          agreedCompletion: '2029-09-01',
          shiftDays: 273,
        },
      },
    ]);
  // A tighter maximum in force at decision time still binds the approval.
  const strict = createParcelDecider({
    policyFor: () => ({ ...JIANGSU_POLICY, extensionMax: { offset: 2, unit: 'month' } }),
  });
  const pending = stateOf(history(...jiangsuCommands(), request('2026-08-01')));
  t.throws(
    () => strict.decide(approve('2026-08-10'), pending),
    new DomainError('EXTENSION_TOO_LONG', 'The extension may not go beyond 2026-12-12'),
  );
});

t.test('Completion extension moves only the completion', async (t) => {
  const pending = history(...toStarted(), request('2026-09-01', '2029-03-01', 'c1', 'COMPLETION'));
  given(pending)
    .when(approve('2026-09-10', {}, 'c1'))
    .thenMatches(t, [
      {
        type: 'ExtensionApproved',
        data: {
          kind: 'COMPLETION',
          agreedStart: '2026-09-01',
          agreedCompletion: '2029-03-01',
          shiftDays: 181,
          maxDate: '2029-09-01',
        },
      },
    ]);
});

t.test('DecideExtension guards and rejection', async (t) => {
  const pending = history(...jiangsuCommands(), request('2026-08-01'));
  given(pending)
    .when(
      command(
        'DecideExtension',
        { requestId: 'r1', decision: 'REJECT', decidedOn: '2026-08-10', reason: 'no valid cause' },
        '2026-08-10',
      ),
    )
    .then(t, [
      { type: 'ExtensionRejected', data: { requestId: 'r1', decidedOn: '2026-08-10', reason: 'no valid cause' } },
    ]);
  const rejected = history(
    ...pending,
    command(
      'DecideExtension',
      { requestId: 'r1', decision: 'REJECT', decidedOn: '2026-08-10', reason: 'x' },
      '2026-08-10',
    ),
  );
  t.match(scheduleOf(stateOf(rejected)), { agreedStart: '2026-10-12', changes: [] }, 'rejection leaves the schedule');
  given(pending)
    .when(command('DecideExtension', { requestId: 'r1', decision: 'REJECT', decidedOn: '2026-08-10' }, '2026-08-10'))
    .thenRejects(t, {
      code: 'FIELD_REQUIRED',
      field: 'reason',
    });
  given(pending)
    .when(command('DecideExtension', { requestId: 'r1', decision: 'APPROVE', decidedOn: '2026-08-10' }, '2026-08-10'))
    .thenRejects(t, {
      code: 'APPROVAL_REF_REQUIRED',
      field: 'approvalRef',
    });
  given(pending)
    .when(approve('2026-08-10', { approvedDate: '2027-01-13' }))
    .thenRejects(t, { code: 'APPROVED_DATE_BEYOND_REQUEST' });
  given(pending)
    .when(approve('2026-08-10', { approvedDate: '2026-10-12' }))
    .thenRejects(t, { code: 'EXTENSION_NOT_LATER' });
  given(pending).when(approve('2026-07-31')).thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'decidedOn' });
  given(pending)
    .when(approve('2026-08-10', {}, 'r9'))
    .thenRejects(t, { code: 'EXTENSION_NOT_PENDING' });
  given(jiangsu()).when(approve('2026-08-10')).thenRejects(t, { code: 'EXTENSION_NOT_PENDING' });
  given([]).when(approve('2026-08-10')).thenRejects(t, { code: 'INVALID_STATE' });
});

t.test('Starting construction makes a pending start request moot', async (t) => {
  const state = stateOf(history(...toDelivered(), request('2026-07-01', '2026-12-01'), declareStart(), verifyStart()));
  t.equal(state.status, 'STARTED');
  t.equal('facts' in state ? state.facts.pendingExtension : 'x', null);
});
