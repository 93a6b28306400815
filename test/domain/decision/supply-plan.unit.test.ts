import t from 'tap';
import { fold } from '../../../src/domain/decider.js';
import { authorisesParcel, decisionDecider, type DecisionEvent } from '../../../src/domain/decision/index.js';
import { approvePlan, meetingHeld, plan, planApproved, spec } from './fixtures/decision-fixtures.js';

const nationalMeeting: DecisionEvent =
  meetingHeld.type === 'CollectiveDecisionMeetingHeld'
    ? { ...meetingHeld, data: { ...meetingHeld.data, jurisdiction: 'CN-HA-4101' } }
    : meetingHeld;

t.test('ApproveSupplyPlan accepted (Jiangsu residential within S4 §五), stamped with the policy version', async (t) => {
  spec.given([meetingHeld]).when(approvePlan()).then(t, [planApproved]);
  const state = fold(decisionDecider, [meetingHeld, planApproved]);
  t.equal(state.status, 'PLAN_APPROVED');
});

t.test('a plan whose id is not on the agenda is approvable when all its parcels were reviewed', async (t) => {
  const [event] = spec
    .given([meetingHeld])
    .when(approvePlan({ supplyPlanId: 'SP-X', parcelIds: ['P-1', 'P-2'] }))
    .events();
  t.same(event?.type === 'SupplyPlanApproved' ? event.data.parcelIds : [], ['P-1', 'P-2']);
});

t.test('national policy: FAR 1.0, villas and large units are not S4 §五 rules there', async (t) => {
  const [event] = spec
    .given([nationalMeeting])
    .when(approvePlan({ farLowerBound: '1.0', villaProduct: true, maxUnitFloorAreaM2: '200' }))
    .events();
  t.equal(event?.type === 'SupplyPlanApproved' ? event.data.policyVersion : '', 'CN-2026.1');
});

t.test('non-residential plans are not held to the residential rules', async (t) => {
  const events = spec
    .given([meetingHeld])
    .when(
      approvePlan({
        landUse: { code: '06', residentialSubclass: null },
        farLowerBound: '0.8',
        maxUnitFloorAreaM2: null,
      }),
    )
    .events();
  t.equal(events.length, 1);
});

t.test('guards', async (t) => {
  spec.given([]).when(approvePlan()).thenRejects(t, { code: 'MEETING_NOT_HELD' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ supplyPlanId: ' ' }))
    .thenRejects(t, { code: 'SUPPLY_PLAN_ID_REQUIRED' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ parcelIds: [] }))
    .thenRejects(t, { code: 'PLAN_PARCELS_REQUIRED', field: 'parcelIds', rule: 'S4 §三' });
  spec
    .given([meetingHeld, planApproved])
    .when(approvePlan())
    .thenRejects(t, { code: 'SUPPLY_PLAN_ALREADY_APPROVED', field: 'supplyPlanId' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ supplyPlanId: 'SP-X', parcelIds: ['P-1', 'P-9'] }))
    .thenRejects(t, { code: 'NOT_ON_AGENDA', rule: 'S4 §二' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ landUse: { code: '01' as '05', residentialSubclass: null } }))
    .thenRejects(t, { code: 'UNKNOWN_LAND_USE', field: 'landUse.code', rule: 'V10' });
  // The schema requires both; a caller that skips it (null) still meets the decider's guard.
  spec
    .given([meetingHeld])
    .when(approvePlan({ approver: null as never }))
    .thenRejects(t, { code: 'APPROVER_REQUIRED', field: 'approver' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ approver: { id: 'u', name: '', office: 'x' } }))
    .thenRejects(t, { code: 'APPROVER_REQUIRED' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ planningConditions: null as never }))
    .thenRejects(t, { code: 'PLANNING_CONDITIONS_MISSING', rule: 'S4 §四', field: 'planningConditions' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ planningConditions: { documentNo: '', issuedBy: 'x' } }))
    .thenRejects(t, { code: 'PLANNING_CONDITIONS_MISSING' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ netLand: { ...plan.netLand, noOwnershipDispute: false } }))
    .thenRejects(t, { code: 'NET_LAND_INCOMPLETE', rule: 'S4 §五', field: 'netLand' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ farLowerBound: '3.0' }))
    .thenRejects(t, { code: 'FAR_BOUNDS_INVERTED', field: 'farLowerBound' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ farLowerBound: '1.00' }))
    .thenRejects(t, { code: 'RESIDENTIAL_FAR_TOO_LOW', rule: 'S4 §五', field: 'farLowerBound' }, 'FAR = 1 is not > 1');
  spec
    .given([meetingHeld])
    .when(approvePlan({ farLowerBound: null }))
    .thenRejects(t, { code: 'RESIDENTIAL_FAR_TOO_LOW' }, 'no lower bound');
  spec
    .given([meetingHeld])
    .when(approvePlan({ villaProduct: true }))
    .thenRejects(t, { code: 'VILLA_PROHIBITED', rule: 'S4 §五', field: 'villaProduct' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ maxUnitFloorAreaM2: null }))
    .thenRejects(t, { code: 'UNIT_AREA_REQUIRED', rule: 'S4 §五' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ maxUnitFloorAreaM2: '144.01' }))
    .thenRejects(t, { code: 'UNIT_AREA_EXCEEDS_LIMIT', rule: 'S4 §五', field: 'maxUnitFloorAreaM2' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ farLowerBound: '1,2' }))
    .thenRejects(t, { code: 'DECIMAL_FORMAT', field: 'farLowerBound' });
});

t.test('large units are fine when no cultivated land is used', async (t) => {
  t.equal(
    spec
      .given([meetingHeld])
      .when(approvePlan({ usesCultivatedLand: false, maxUnitFloorAreaM2: '180' }))
      .events().length,
    1,
  );
});

t.test('authorisesParcel: only parcels of an approved plan', async (t) => {
  t.equal(authorisesParcel(fold(decisionDecider, []), 'P-1'), false, 'no meeting');
  t.equal(authorisesParcel(fold(decisionDecider, [meetingHeld]), 'P-1'), false, 'on the agenda but not approved');
  const approved = fold(decisionDecider, [meetingHeld, planApproved]);
  t.equal(authorisesParcel(approved, 'P-1'), true);
  t.equal(authorisesParcel(approved, 'P-2'), false, 'reviewed, not in the approved plan');
  t.equal(authorisesParcel(approved, 'P-9'), false);
  const replayed = fold(decisionDecider, [meetingHeld, planApproved, planApproved]);
  t.equal(replayed.status === 'NONE' ? -1 : replayed.approvedPlans.length, 1, 'a replayed approval is applied once');
});
