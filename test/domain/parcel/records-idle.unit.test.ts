import t from 'tap';
import type { ParcelEvent, ParcelState } from '../../../src/domain/parcel/index.js';
import { given, history, stateOf, stored } from './fixtures/spec.js';
import {
  acceptCause,
  closeCase,
  confirmIdle,
  deregister,
  issueFee,
  issueRecovery,
  openA,
  payFee,
  serveNotice,
  submitMaterials,
} from './fixtures/idle.js';
import { endTemporaryUse, publishIdle, withdrawIdle } from './fixtures/records.js';
import { toCertified, toCompleted } from './fixtures/parcel.js';

const FEE = 46_200_000; // 20 % of 231 000 000 fen
const confirmedA = () => history(...toCertified(), openA(), serveNotice(), confirmIdle());
const allCases = (state: ParcelState) =>
  'facts' in state ? [...state.facts.closedIdleCases, ...(state.facts.idleCase ? [state.facts.idleCase] : [])] : [];

t.test('PublishIdleLand (T26): a confirmed case, once', async (t) => {
  given(confirmedA())
    .when(publishIdle())
    .then(t, [
      {
        type: 'IdleLandPublished',
        data: { caseId: 'idle-1', publishedOn: '2027-10-18', channels: ['portal', '中国土地市场网'] },
      },
    ]);
  given(history(...confirmedA(), issueFee()))
    .when(publishIdle('2027-11-02'))
    .thenMatches(t, [{ type: 'IdleLandPublished' }], 'while the fee is levied');
  given(history(...confirmedA(), publishIdle()))
    .when(publishIdle('2027-10-19'))
    .thenRejects(t, { code: 'IDLE_LAND_ALREADY_PUBLISHED', rule: 'T26' });
  given(history(...toCertified(), openA(), serveNotice()))
    .when(publishIdle())
    .thenRejects(t, {
      code: 'INVALID_IDLE_CASE_STATE',
      details: { caseStatus: 'UNDER_INVESTIGATION' },
    });
  given(history(...toCertified()))
    .when(publishIdle())
    .thenRejects(t, { code: 'NO_OPEN_IDLE_CASE' });
  given(confirmedA())
    .when(publishIdle('2027-10-15'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'publishedOn', rule: 'T26' });
  given(confirmedA())
    .when(publishIdle('2027-10-18', []))
    .thenRejects(t, { code: 'FIELD_REQUIRED', field: 'channels', rule: 'T26' });
  given(confirmedA())
    .when(publishIdle('2027-10-18', ['portal', '']))
    .thenRejects(t, { code: 'FIELD_INVALID', field: 'channels[1]' });
  given([])
    .when(publishIdle())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
});

t.test('WithdrawIdleLandPublication (T26): after the disposal, for a published case', async (t) => {
  const settled = history(...confirmedA(), publishIdle(), issueFee(), payFee(FEE), closeCase('2027-11-25'));
  given(settled)
    .when(withdrawIdle('2027-11-26'))
    .then(t, [
      {
        type: 'IdleLandPublicationWithdrawn',
        data: { caseId: 'idle-1', withdrawnOn: '2027-11-26', disposalCompletedOn: '2027-11-25' },
      },
    ]);
  given(history(...confirmedA(), publishIdle(), issueFee()))
    .when(withdrawIdle('2027-11-26'))
    .thenRejects(t, {
      code: 'DISPOSAL_NOT_COMPLETED',
      rule: 'T26',
      details: { caseStatus: 'FEE_LEVIED' },
    });
  given(history(...confirmedA(), issueFee(), payFee(FEE), closeCase('2027-11-25')))
    .when(withdrawIdle('2027-11-26'))
    .thenRejects(t, {
      code: 'IDLE_LAND_NOT_PUBLISHED',
      rule: 'T26',
    });
  given(history(...settled, withdrawIdle('2027-11-26')))
    .when(withdrawIdle('2027-11-27'))
    .thenRejects(t, { code: 'PUBLICATION_ALREADY_WITHDRAWN', rule: 'T26' });
  given(settled)
    .when(withdrawIdle('2027-11-26', 'idle-9'))
    .thenRejects(t, { code: 'IDLE_CASE_NOT_FOUND', field: 'caseId', rule: 'T26' });
  given(settled)
    .when(withdrawIdle('2027-11-24'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'withdrawnOn', rule: 'T26' });
  given([])
    .when(withdrawIdle('2027-11-26'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });

  // Recovery: the right is deregistered, the parcel RECOVERED, and the publication still withdrawn.
  const recovered = history(...confirmedA(), publishIdle(), issueRecovery(), deregister());
  t.equal(stateOf(recovered).status, 'RECOVERED');
  given(recovered)
    .when(withdrawIdle('2028-09-21'))
    .then(t, [
      {
        type: 'IdleLandPublicationWithdrawn',
        data: { caseId: 'idle-1', withdrawnOn: '2028-09-21', disposalCompletedOn: '2028-09-20' },
      },
    ]);
  given(history(...confirmedA(), issueRecovery(), deregister()))
    .when(withdrawIdle('2028-09-21'))
    .thenRejects(t, { code: 'IDLE_LAND_NOT_PUBLISHED' });
});

t.test('publication facts and the case ids the deadline engine anchors on', async (t) => {
  const events = stored(
    history(
      ...confirmedA(),
      publishIdle(),
      issueFee(),
      payFee(FEE),
      closeCase('2027-11-25'),
      withdrawIdle('2027-11-26'),
    ),
  );
  const idOf = (type: ParcelEvent['type']) => events.find((e) => e.type === type)?.id;
  t.match(allCases(stateOf(events)), [
    {
      caseId: 'idle-1',
      status: 'CLOSED',
      publishedOn: '2027-10-18',
      publicationEventId: idOf('IdleLandPublished'),
      closedOn: '2027-11-25',
      closedEventId: idOf('IdleCaseClosed'),
      publicationWithdrawnOn: '2027-11-26',
      publicationWithdrawalEventId: idOf('IdleLandPublicationWithdrawn'),
    },
  ]);
  const recovered = stored(history(...confirmedA(), issueRecovery(), deregister()));
  const deregistration = recovered.find((e) => e.type === 'RightDeregistered')?.id;
  t.match(allCases(stateOf(recovered)), [
    {
      status: 'DEREGISTERED',
      deregisteredOn: '2028-09-20',
      deregistrationEventId: deregistration,
      closedEventId: deregistration,
    },
  ]);
});

const temporaryUse = () =>
  history(
    ...toCertified(),
    openA(),
    serveNotice(),
    submitMaterials(),
    acceptCause({ disposal: 'TEMPORARY_USE', newAgreedStart: '2028-06-01', temporaryUseStartedOn: '2027-11-01' }),
  );

t.test('EndTemporaryUse (T25): within the 2-year limit, flagged beyond it', async (t) => {
  given(temporaryUse())
    .when(endTemporaryUse('2028-05-01'))
    .then(t, [
      {
        type: 'TemporaryUseEnded',
        data: { caseId: 'idle-1', endedOn: '2028-05-01', endsBy: '2029-11-01', late: false },
      },
    ]);
  given(temporaryUse())
    .when(endTemporaryUse('2029-11-02'))
    .thenMatches(t, [{ type: 'TemporaryUseEnded', data: { late: true } }]);
  given(history(...temporaryUse(), closeCase('2027-12-01')))
    .when(endTemporaryUse('2028-05-01'))
    .thenMatches(t, [{ type: 'TemporaryUseEnded' }], 'the case may be closed');
  given(history(...temporaryUse(), endTemporaryUse('2028-05-01')))
    .when(endTemporaryUse('2028-05-02'))
    .thenRejects(t, {
      code: 'TEMPORARY_USE_ALREADY_ENDED',
      rule: 'T25',
    });
  const extended = history(...toCertified(), openA(), serveNotice(), submitMaterials(), acceptCause());
  given(extended)
    .when(endTemporaryUse('2028-05-01'))
    .thenRejects(t, { code: 'NO_TEMPORARY_USE', field: 'caseId', rule: 'T25' });
  given(temporaryUse())
    .when(endTemporaryUse('2028-05-01', 'idle-9'))
    .thenRejects(t, { code: 'IDLE_CASE_NOT_FOUND', rule: 'T25' });
  given(temporaryUse())
    .when(endTemporaryUse('2027-10-31'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'endedOn', rule: 'T25' });
  given(history(...toCompleted()))
    .when(endTemporaryUse('2028-07-01'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'COMPLETED' } });
  given([])
    .when(endTemporaryUse('2028-05-01'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
  const ended = stored(history(...temporaryUse(), endTemporaryUse('2028-05-01')));
  t.match(allCases(stateOf(ended))[0]?.governmentCause, {
    temporaryUseStartedOn: '2027-11-01',
    temporaryUseEndsBy: '2029-11-01',
    temporaryUseEndedOn: '2028-05-01',
    temporaryUseEndEventId: ended.at(-1)?.id,
  });
});
