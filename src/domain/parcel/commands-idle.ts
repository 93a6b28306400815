/**
 * Data of the idle-land commands (DOMAIN.md §3.4, §5); see commands.ts for the conventions.
 */
import type { IsoDate } from '../calendar/index.js';
import type { Fen } from '../money.js';
import type { DeregistrationMethod } from './events.js';
import type { GovernmentCause, GovernmentCauseDisposal, IdleType } from './state.js';

export type OpenIdleCaseData = {
  readonly caseId: string;
  readonly type: IdleType;
  readonly suspectedOn: IsoDate;
  /** Type B facts (T20), from patrol evidence. */
  readonly typeB?: {
    readonly developedAreaHa: string;
    readonly areaToDevelopHa?: string;
    readonly investedFen: Fen;
    readonly haltedSince: IsoDate;
  };
};

export type ServeIdleInvestigationNoticeData = { readonly noticeNo: string; readonly servedOn: IsoDate };
export type SubmitIdleMaterialsData = { readonly submittedOn: IsoDate; readonly summary: string };

export type AcceptGovernmentCauseData = {
  readonly acceptedOn: IsoDate;
  readonly cause: GovernmentCause;
  readonly disposal: GovernmentCauseDisposal;
  /** Supplementary agreement / disposal document. */
  readonly agreementRef: string;
  /** Required for EXTEND_START; optional for other options except PAID_RECOVERY. */
  readonly newAgreedStart?: IsoDate;
  readonly newAgreedCompletion?: IsoDate;
  /** Required for TEMPORARY_USE. */
  readonly temporaryUseStartedOn?: IsoDate;
};

export type ConfirmIdleLandData = { readonly confirmedOn: IsoDate; readonly confirmationNo: string };

export type IssueIdleFeeDecisionData = {
  readonly decisionNo: string;
  readonly servedOn: IsoDate;
  readonly governmentApprovalRef: string;
};

export type RecordIdleFeePaymentData = { readonly paidOn: IsoDate; readonly amountFen: Fen };

export type IssueRecoveryDecisionData = {
  readonly decisionNo: string;
  readonly servedOn: IsoDate;
  /** Approval of the government with approval authority (E1 Art 14(2)). */
  readonly approvalRef: string;
  /** Type B only: the explicit human decision (§14 Q6). */
  readonly typeBHumanDecision?: { readonly decidedBy: string; readonly reason: string };
};

export type DeregisterRightData = { readonly deregisteredOn: IsoDate; readonly method: DeregistrationMethod };
export type CloseIdleCaseData = { readonly closedOn: IsoDate; readonly reason: string };
