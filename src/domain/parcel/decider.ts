/**
 * The parcel decider (stream `parcel-<id>`): decide dispatches each command to its rule
 * module; evolve and initialState come from the state modules. Pure: "today" is the date of
 * `context.now` in Asia/Shanghai, the policy is looked up by jurisdiction.
 */
import { shanghaiDate } from '../calendar/index.js';
import type { Decider } from '../decider.js';
import { policyFor as defaultPolicyFor } from '../policy/index.js';
import type { Policy } from '../policy/index.js';
import type { CalendarSource } from '../calendar/index.js';
import { SEED_CALENDARS } from '../working-calendar/seed-calendar.js';
import { parcelPolicyFor } from './calendar/parcel-policy.js';
import type { ParcelCommand } from './commands.js';
import {
  decideDeclareCompletion,
  decideDeclareStart,
  decideRecordSiteInspection,
  decideVerifyCompletion,
  decideVerifyStart,
} from './construction/decide.js';
import { decideIssueLandApprovalCertificate, decideRecordSitePublicity } from './delivery/decide-certificate.js';
import { decideConfirmLandDelivery, decideServeDeliveryDemand } from './delivery/decide.js';
import { decideDecideExtension, decideRequestExtension } from './extension/decide.js';
import {
  decideAbortSupply,
  decideConfirmDeal,
  decideIssueAllocationDecision,
  decideSignTransferContract,
} from './grant/decide.js';
import { decideRevokeGrant } from './grant/decide-revoke.js';
import {
  decideConfirmIdleLand,
  decideOpenIdleCase,
  decideServeIdleInvestigationNotice,
  decideSubmitIdleMaterials,
} from './idle/decide-case.js';
import { decideAcceptGovernmentCause } from './idle/decide-cause.js';
import {
  decideCloseIdleCase,
  decideDeregisterRight,
  decideIssueIdleFeeDecision,
  decideIssueRecoveryDecision,
  decideRecordIdleFeePayment,
} from './idle/decide-disposal.js';
import {
  decideEndTemporaryUse,
  decidePublishIdleLand,
  decideWithdrawIdleLandPublication,
} from './idle/decide-publication.js';
import { decideRecordPayment, decideServePaymentDemand, decideTerminateContract } from './payment/decide.js';
import {
  decideAssignPatrolTask,
  decideExtractTrackingCard,
  decideFileSupplyRecord,
  decideHandOverInspectionRecord,
  decideRecordPaymentInfo,
  decideUploadDeclaration,
} from './records/decide.js';
import type { ParcelEvent } from './events.js';
import { decideFireTimer, decideFireTimers, fireRefusals } from './supervision/decide.js';
import { decideReconcileCalendar, decideResolveDeadlineReview } from './calendar/decide.js';
import { evolve } from './evolve.js';
import type { DecideContext } from './guards.js';
import { initialParcelState } from './state.js';
import type { ParcelState } from './state.js';
import { decidePrepareSupplyRecord } from './records/supply-filing.js';
import {
  decideEnterMarketTransactionInfo,
  decideEnterReserveInfo,
  decideRecordMarketTransaction,
  decideTakeIntoReserve,
} from './market/decide.js';

export type ParcelDecider = Decider<ParcelCommand, ParcelEvent, ParcelState>;

const dispatch = (command: ParcelCommand, state: ParcelState, ctx: DecideContext): readonly ParcelEvent[] => {
  switch (command.type) {
    case 'ConfirmDeal':
      return decideConfirmDeal(command, state, ctx);
    case 'AbortSupply':
      return decideAbortSupply(command, state, ctx);
    case 'SignTransferContract':
      return decideSignTransferContract(command, state, ctx);
    case 'IssueAllocationDecision':
      return decideIssueAllocationDecision(command, state, ctx);
    case 'RecordPayment':
      return decideRecordPayment(command, state, ctx);
    case 'ServePaymentDemand':
      return decideServePaymentDemand(command, state, ctx);
    case 'TerminateContract':
      return decideTerminateContract(command, state, ctx);
    case 'RevokeGrant':
      return decideRevokeGrant(command, state, ctx);
    case 'ConfirmLandDelivery':
      return decideConfirmLandDelivery(command, state, ctx);
    case 'IssueLandApprovalCertificate':
      return decideIssueLandApprovalCertificate(command, state, ctx);
    case 'RecordSitePublicity':
      return decideRecordSitePublicity(command, state, ctx);
    case 'DeclareStart':
      return decideDeclareStart(command, state, ctx);
    case 'VerifyStart':
      return decideVerifyStart(command, state, ctx);
    case 'DeclareCompletion':
      return decideDeclareCompletion(command, state, ctx);
    case 'VerifyCompletion':
      return decideVerifyCompletion(command, state, ctx);
    case 'RecordSiteInspection':
      return decideRecordSiteInspection(command, state, ctx);
    case 'RequestExtension':
      return decideRequestExtension(command, state, ctx);
    case 'DecideExtension':
      return decideDecideExtension(command, state, ctx);
    case 'OpenIdleCase':
      return decideOpenIdleCase(command, state, ctx);
    case 'ServeIdleInvestigationNotice':
      return decideServeIdleInvestigationNotice(command, state, ctx);
    case 'SubmitIdleMaterials':
      return decideSubmitIdleMaterials(command, state, ctx);
    case 'AcceptGovernmentCause':
      return decideAcceptGovernmentCause(command, state, ctx);
    case 'ConfirmIdleLand':
      return decideConfirmIdleLand(command, state, ctx);
    case 'IssueIdleFeeDecision':
      return decideIssueIdleFeeDecision(command, state, ctx);
    case 'RecordIdleFeePayment':
      return decideRecordIdleFeePayment(command, state, ctx);
    case 'IssueRecoveryDecision':
      return decideIssueRecoveryDecision(command, state, ctx);
    case 'DeregisterRight':
      return decideDeregisterRight(command, state, ctx);
    case 'CloseIdleCase':
      return decideCloseIdleCase(command, state, ctx);
    case 'ExtractTrackingCard':
      return decideExtractTrackingCard(command, state, ctx);
    case 'AssignPatrolTask':
      return decideAssignPatrolTask(command, state, ctx);
    case 'RecordMarketTransaction':
      return decideRecordMarketTransaction(command, state, ctx);
    case 'EnterMarketTransactionInfo':
      return decideEnterMarketTransactionInfo(command, state, ctx);
    case 'TakeIntoReserve':
      return decideTakeIntoReserve(command, state, ctx);
    case 'EnterReserveInfo':
      return decideEnterReserveInfo(command, state, ctx);
    case 'PrepareSupplyRecord':
      return decidePrepareSupplyRecord(command, state, ctx);
    case 'FileSupplyRecord':
      return decideFileSupplyRecord(command, state, ctx);
    case 'RecordPaymentInfo':
      return decideRecordPaymentInfo(command, state, ctx);
    case 'UploadDeclaration':
      return decideUploadDeclaration(command, state, ctx);
    case 'HandOverInspectionRecord':
      return decideHandOverInspectionRecord(command, state, ctx);
    case 'ServeDeliveryDemand':
      return decideServeDeliveryDemand(command, state, ctx);
    case 'PublishIdleLand':
      return decidePublishIdleLand(command, state, ctx);
    case 'WithdrawIdleLandPublication':
      return decideWithdrawIdleLandPublication(command, state, ctx);
    case 'EndTemporaryUse':
      return decideEndTemporaryUse(command, state, ctx);
    case 'FireTimer':
      return decideFireTimer(command, state, ctx);
    case 'FireTimers':
      return decideFireTimers(command, state, ctx);
    case 'ReconcileCalendar':
      return decideReconcileCalendar(command, state, ctx);
    case 'ResolveDeadlineReview':
      return decideResolveDeadlineReview(command, state);
    default: {
      const _never: never = command;
      return _never;
    }
  }
};

export interface ParcelDeciderOptions {
  /** Policy lookup; tests may pin a policy. Defaults to src/domain/policy's policyFor. */
  readonly policyFor?: (jurisdiction: string) => Policy;
  /** The calendars of the log (the service's book); defaults to the seed calendar alone. */
  readonly calendars?: CalendarSource;
}

const contextFor = (
  state: ParcelState,
  now: string,
  calendars: CalendarSource,
  policyFor: (jurisdiction: string) => Policy,
): DecideContext => ({
  today: shanghaiDate(now),
  calendars,
  policyFor: parcelPolicyFor(state, calendars, policyFor),
});

export const createParcelDecider = (options: ParcelDeciderOptions = {}): ParcelDecider => {
  const policyFor = options.policyFor ?? defaultPolicyFor;
  const calendars = options.calendars ?? SEED_CALENDARS;
  return {
    decide: (command, state) => dispatch(command, state, contextFor(state, command.context.now, calendars, policyFor)),
    evolve,
    initialState: initialParcelState,
  };
};

export const parcelDecider: ParcelDecider = createParcelDecider();

/** Why the parcel would refuse to fire each timer now (null where it would not): the poller's audit reasons. */
export const explainTimerRefusals = (
  commands: readonly Extract<ParcelCommand, { type: 'FireTimer' }>[],
  state: ParcelState,
  now: string,
  calendars: CalendarSource = SEED_CALENDARS,
) => fireRefusals(commands, state, contextFor(state, now, calendars, defaultPolicyFor));
