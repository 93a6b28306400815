/**
 * The idle-land commands' specs: schema, one-line rule summary and a realistic example body.
 */
import { commandSpec } from '../../schema/command-spec.js';
import * as S from './commands.js';

const CASE = 'XZ-3201-2027-004';

export const IDLE_COMMANDS = {
  OpenIdleCase: commandSpec({
    schema: S.openIdleCaseSchema,
    summary:
      'Open a case: type A not started 1 y after the agreed start, type B halted 1 y below thresholds (T19, T20, E1 Art 2, 30)',
    creates: false,
    example: { caseId: CASE, type: 'A', suspectedOn: '2027-11-05' },
  }),
  ServeIdleInvestigationNotice: commandSpec({
    schema: S.serveIdleInvestigationNoticeSchema,
    summary: 'Serve the 闲置土地调查通知书; stamps the materials due date (T21, T22, E1 Art 5–6)',
    creates: false,
    example: { noticeNo: '宁国土闲调〔2027〕4号', servedOn: '2027-11-20' },
  }),
  SubmitIdleMaterials: commandSpec({
    schema: S.submitIdleMaterialsSchema,
    summary: 'Record the holder’s materials; a late response is flagged (T22, E1 Art 5)',
    creates: false,
    example: { submittedOn: '2027-12-15', summary: '因规划调整未能动工，附规划部门函件' },
  }),
  AcceptGovernmentCause: commandSpec({
    schema: S.acceptGovernmentCauseSchema,
    summary: 'Accept a government cause (E1 Art 8) and choose an Art 12 disposal (§5.2, §5.3, T25)',
    creates: false,
    example: {
      acceptedOn: '2028-01-10',
      cause: 'PLAN_REVISION',
      disposal: 'EXTEND_START',
      agreementRef: '宁国土补协〔2028〕2号',
      newAgreedStart: '2028-09-01',
    },
  }),
  ConfirmIdleLand: commandSpec({
    schema: S.confirmIdleLandSchema,
    summary: 'Issue the 闲置土地认定书 once the materials arrived or their period ran out (E1 Art 9, T22)',
    creates: false,
    example: { confirmedOn: '2028-01-10', confirmationNo: '宁国土闲认〔2028〕1号' },
  }),
  IssueIdleFeeDecision: commandSpec({
    schema: S.issueIdleFeeDecisionSchema,
    summary: 'Levy the idle fee (20 % of the price) with the government’s approval (T23, E1 Art 14(1), 17, Q5)',
    creates: false,
    example: {
      decisionNo: '宁国土闲费〔2028〕1号',
      servedOn: '2028-01-20',
      governmentApprovalRef: '宁政复〔2028〕5号',
    },
  }),
  RecordIdleFeePayment: commandSpec({
    schema: S.recordIdleFeePaymentSchema,
    summary: 'Record payment of exactly the fee; a late payment is flagged (T23, E1 Art 17)',
    creates: false,
    example: { paidOn: '2028-02-14', amountFen: 46_200_000 },
  }),
  IssueRecoveryDecision: commandSpec({
    schema: S.issueRecoveryDecisionSchema,
    summary:
      'Decide free recovery: type A 2 y not started, type B only by a human decision (T24, E1 Art 14(2), 17, Q6)',
    creates: false,
    example: { decisionNo: '宁国土收〔2028〕3号', servedOn: '2028-11-10', approvalRef: '宁政复〔2028〕31号' },
  }),
  DeregisterRight: commandSpec({
    schema: S.deregisterRightSchema,
    summary: 'Deregister the right after recovery; the parcel becomes RECOVERED (T24, E1 Art 17–18)',
    creates: false,
    example: { deregisteredOn: '2028-12-05', method: 'VOLUNTARY' },
  }),
  CloseIdleCase: commandSpec({
    schema: S.closeIdleCaseSchema,
    summary: 'Close a case found not idle, disposed of for a government cause, or settled by the fee (§3.4, §5.4)',
    creates: false,
    example: { closedOn: '2028-02-20', reason: '闲置费已缴清，结案' },
  }),
  PublishIdleLand: commandSpec({
    schema: S.publishIdleLandSchema,
    summary: 'Publish the confirmed idle land, once, on at least one channel (T26, E1 Art 10, S0 §二(七))',
    creates: false,
    example: { publishedOn: '2028-01-15', channels: ['南京市规划和自然资源局门户网站', '中国土地市场网'] },
  }),
  WithdrawIdleLandPublication: commandSpec({
    schema: S.withdrawIdleLandPublicationSchema,
    summary: 'Withdraw a case’s publication once its disposal is completed (T26, E1 Art 10)',
    creates: false,
    example: { caseId: CASE, withdrawnOn: '2028-02-25' },
  }),
  EndTemporaryUse: commandSpec({
    schema: S.endTemporaryUseSchema,
    summary: 'End the government’s temporary use of a case’s land; beyond 2 years is flagged (T25, E1 Art 12(3))',
    creates: false,
    example: { caseId: CASE, endedOn: '2029-06-30' },
  }),
};
