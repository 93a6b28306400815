/**
 * The API benchmark's workload: each client owns a collective decision covering its parcels
 * (meeting, approved supply plan), then drives each parcel through 17 real commands, from the
 * deal to the verified start (Jiangsu rules, Nanjing, dates in 2025).
 */
import type { Role } from '../../src/api/auth/roles.js';
import { DECISION_COMMANDS } from '../../src/domain/decision/index.js';
import { PARCEL_COMMANDS } from '../../src/domain/parcel/index.js';

export interface ApiCommand {
  readonly path: string;
  readonly role: Role;
  readonly body: Record<string, unknown>;
}

const JURISDICTION = 'CN-JS-3201';
const PRICE = 2_000_000_000;

export const decisionCommands = (decisionId: string, parcelIds: readonly string[]): ApiCommand[] => [
  {
    path: `/decisions/${decisionId}/hold-meeting`,
    role: 'GRANTOR_ADMIN',
    body: {
      decisionId,
      jurisdiction: JURISDICTION,
      heldAt: '2025-02-10T09:30:00+08:00',
      participants: [
        { department: 'GOVERNMENT', person: '王市长', role: '主持' },
        { department: 'NATURAL_RESOURCES', person: '李局长', role: '汇报' },
        { department: 'DISCIPLINE_INSPECTION', person: '赵书记', role: '监督' },
      ],
      agenda: { parcelIds, supplyPlanIds: [`SP-${decisionId}`] },
      minutesNo: `宁政纪〔2025〕${decisionId}`,
    },
  },
  {
    path: `/decisions/${decisionId}/approve-supply-plan`,
    role: 'GOV_APPROVER',
    // The domain's example plan, for this client's parcels, approved at its meeting.
    body: {
      ...DECISION_COMMANDS.ApproveSupplyPlan.example,
      supplyPlanId: `SP-${decisionId}`,
      parcelIds,
      approvedAt: '2025-02-10T11:00:00+08:00',
    },
  },
];

export const parcelCommands = (parcelId: string, decisionId: string, landUserId: string): ApiCommand[] => {
  const p = (command: string, role: Role, body: Record<string, unknown>): ApiCommand => ({
    path: `/parcels/${parcelId}/${command}`,
    role,
    body,
  });
  const pay = (no: number, paidOn: string) =>
    p('record-payment', 'GRANTOR_ADMIN', {
      paymentId: `${parcelId}-pay-${no}`,
      instalmentNo: no,
      amountFen: PRICE / 2,
      paidOn,
    });
  const info = (no: number, recordedOn: string) =>
    p('record-payment-info', 'PATROL_POST', {
      paymentId: `${parcelId}-pay-${no}`,
      recordedOn,
      voucherRefs: [`PZ-${no}`],
    });
  return [
    p('confirm-deal', 'GRANTOR_ADMIN', {
      parcelId,
      jurisdiction: JURISDICTION,
      winnerId: landUserId,
      confirmedOn: '2025-03-03',
    }),
    p('sign-transfer-contract', 'GRANTOR_ADMIN', {
      parcelId,
      jurisdiction: JURISDICTION,
      supervisionNo: `320113B${parcelId}`,
      documentNo: `HT-${parcelId}`,
      signedOn: '2025-03-05',
      areaHa: '5.0000',
      landUse: { code: '07', residentialSubclass: 3 },
      termYears: 70,
      priceFen: PRICE,
      depositFen: PRICE / 5,
      instalments: [
        { no: 1, dueDate: '2025-03-25', amountFen: PRICE / 2 },
        { no: 2, dueDate: '2025-06-05', amountFen: PRICE / 2 },
      ],
      deliveryDate: '2025-04-15',
      agreedStart: '2025-09-15',
      agreedCompletion: '2027-09-15',
      farMin: '1.2',
      farMax: '2.5',
      greenRatio: '0.30',
      buildingDensity: '0.25',
      totalInvestmentFen: PRICE * 2,
      decisionId,
      landUserId,
      controllingShareholderIds: [],
      contractTemplateVersion: 'GF-2008-2601',
    }),
    p('extract-tracking-card', 'PATROL_POST', { extractedOn: '2025-03-10', trackingCardNo: `GZK-${parcelId}` }),
    p('assign-patrol-task', 'PATROL_POST', {
      assignedOn: '2025-03-11',
      officeId: 'office-1',
      inspectorIds: ['inspector-1'],
    }),
    // §12: the patrol post prepares the supply record, the grantor (another person) files it.
    p('prepare-supply-record', 'PATROL_POST', {
      ...PARCEL_COMMANDS.PrepareSupplyRecord.example,
      preparedOn: '2025-03-11',
      landUserName: landUserId,
      project: { ...PARCEL_COMMANDS.PrepareSupplyRecord.example.project, approvalDate: '2025-02-01' },
    }),
    p('file-supply-record', 'GRANTOR_ADMIN', {
      filedOn: '2025-03-12',
      filingRef: `BA-${parcelId}`,
      landUserNameOnSourceDocument: landUserId,
    }),
    pay(1, '2025-03-20'),
    info(1, '2025-03-24'),
    p('confirm-land-delivery', 'GRANTOR_ADMIN', { deliveredOn: '2025-04-15', confirmationNo: `JD-${parcelId}` }),
    pay(2, '2025-06-01'),
    info(2, '2025-06-04'),
    p('issue-land-approval-certificate', 'GRANTOR_ADMIN', { certificateNo: `PZS-${parcelId}`, issuedOn: '2025-06-10' }),
    p('record-site-publicity', 'FIELD_INSPECTOR', { postedOn: '2025-06-20', photoRefs: ['IMG-1'] }),
    p('declare-start', 'LAND_USER', {
      declarationNo: `DG-${parcelId}`,
      declaredOn: '2025-09-12',
      startedOn: '2025-09-10',
      constructionPermitNo: `SG-${parcelId}`,
    }),
    p('verify-start', 'FIELD_INSPECTOR', { verifiedOn: '2025-09-16', outcome: 'VERIFIED' }),
    p('record-site-inspection', 'FIELD_INSPECTOR', {
      inspectionId: `XC-${parcelId}`,
      inspectedOn: '2025-09-18',
      kind: 'ACTUAL_START',
      inspectorId: 'inspector-1',
      findings: '已开工',
    }),
    p('upload-declaration', 'PATROL_POST', { kind: 'START', uploadedOn: '2025-09-20' }),
    p('hand-over-inspection-record', 'FIELD_INSPECTOR', { inspectionId: `XC-${parcelId}`, handedOverOn: '2025-09-22' }),
  ];
};

/** Commands per parcel (for the scale line). */
export const COMMANDS_PER_PARCEL = parcelCommands('x', 'y', 'z').length;
