/**
 * Every event that stores a computed date says whether that date is provisional: it consulted a
 * year without a published holiday notice (2027 onwards with the installed data, §11.4.4).
 */
import t from 'tap';
import { given, history } from './fixtures/spec.js';
import { command, confirmDeal, deliver, HALF, pay, signTransfer, toCertified, toDelivered } from './fixtures/parcel.js';

t.test('DealConfirmed: a signing deadline in 2027 is provisional', async (t) => {
  given([])
    .when(confirmDeal())
    .thenMatches(t, [{ type: 'DealConfirmed', data: { signingDeadline: '2026-03-02', provisional: false } }]);
  // 2026-12-24 + 10 wd: Dec 25, 28–31, Jan 4–8 (Jan 1 2027 by the fixed-date rule).
  given([])
    .when(confirmDeal({ confirmedOn: '2026-12-24' }, '2026-12-24'))
    .thenMatches(t, [{ type: 'DealConfirmed', data: { signingDeadline: '2027-01-08', provisional: true } }]);
});

t.test('certificate and site publicity: a due date rolled in 2027 is provisional (Jiangsu T10)', async (t) => {
  const late = history(...toDelivered(), pay(2, HALF, '2026-04-08'));
  const issue = (issuedOn: string) =>
    command('IssueLandApprovalCertificate', { certificateNo: 'PZS-1', issuedOn }, issuedOn);
  given(late)
    .when(issue('2026-12-20'))
    .thenMatches(t, [
      { type: 'LandApprovalCertificateIssued', data: { sitePublicityDueDate: '2027-01-19', provisional: true } },
    ]);
  given(late)
    .when(issue('2026-04-10'))
    .thenMatches(t, [{ type: 'LandApprovalCertificateIssued', data: { provisional: false } }]);
  const post = (postedOn: string) => command('RecordSitePublicity', { postedOn }, postedOn);
  given(history(...late, issue('2026-12-20')))
    .when(post('2027-01-05'))
    .thenMatches(t, [{ type: 'SitePublicityPosted', data: { dueDate: '2027-01-19', late: false, provisional: true } }]);
  given(history(...toCertified()))
    .when(post('2026-05-01'))
    .thenMatches(t, [{ type: 'SitePublicityPosted', data: { provisional: false } }]);
});

t.test('ExtensionRequested: the Jiangsu 30 wd count back from 2028 is provisional', async (t) => {
  const request = (kind: 'START' | 'COMPLETION', requestedDate: string, on: string) =>
    command('RequestExtension', { requestId: 'r1', kind, requestedOn: on, requestedDate, reason: 'rain' }, on);
  // 30 wd before Tue 2026-09-01: Aug 31 … Aug 3 are 21, Jul 31 … Jul 21 the other 9.
  given(history(signTransfer(), deliver()))
    .when(request('START', '2026-12-01', '2026-06-01'))
    .thenMatches(t, [{ type: 'ExtensionRequested', data: { latestFilingDate: '2026-07-21', provisional: false } }]);
  given(history(signTransfer(), deliver()))
    .when(request('COMPLETION', '2029-03-01', '2026-06-01'))
    .thenMatches(t, [{ type: 'ExtensionRequested', data: { provisional: true } }]);
});

t.test('dates from pure calendar arithmetic are never provisional', async (t) => {
  // T08 threshold (due + 60 cd, no roll) and T09 threshold, even when they fall in 2027.
  const contract = signTransfer({
    instalments: [
      { no: 1, dueDate: '2026-03-20', amountFen: HALF },
      { no: 2, dueDate: '2027-02-20', amountFen: HALF },
    ],
  });
  const demanded = history(
    contract,
    pay(1, HALF, '2026-03-20'),
    command('ServePaymentDemand', { demandId: 'd2', instalmentNo: 2, servedOn: '2027-03-01' }, '2027-03-01'),
  );
  given(demanded)
    .when(
      command(
        'TerminateContract',
        { instalmentNo: 2, terminatedOn: '2027-04-30', governmentApprovalRef: 'g', reason: 'unpaid' },
        '2027-04-30',
      ),
    )
    .thenMatches(t, [{ type: 'ContractTerminated', data: { thresholdDate: '2027-04-21', provisional: false } }]);
});
