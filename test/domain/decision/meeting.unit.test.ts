import t from 'tap';
import { fold } from '../../../src/domain/decider.js';
import { createDecisionDecider, decisionDecider, decisionStream } from '../../../src/domain/decision/index.js';
import { deciderSpec } from '../fixtures/decider-spec.js';
import {
  holdMeeting,
  meetingHeld,
  opinion,
  participants,
  proposalSubmitted,
  propose,
  spec,
  T,
} from './fixtures/decision-fixtures.js';

t.test('stream name', async (t) => {
  t.equal(decisionStream('D-2026-007'), 'decision-D-2026-007');
});

t.test('HoldMeeting', async (t) => {
  t.test('accepted: agenda de-duplicated, participants and minutes kept', async (t) => {
    spec.given([]).when(holdMeeting()).then(t, [meetingHeld]);
    const state = fold(decisionDecider, [meetingHeld]);
    t.equal(state.status, 'CONVENED');
  });
  t.test('rejections', async (t) => {
    spec.given([meetingHeld]).when(holdMeeting()).thenRejects(t, { code: 'MEETING_ALREADY_HELD', rule: '§10.1' });
    spec
      .given([])
      .when(holdMeeting({ decisionId: '' }))
      .thenRejects(t, { code: 'DECISION_ID_REQUIRED', field: 'decisionId' });
    spec
      .given([])
      .when(holdMeeting({ jurisdiction: 'XX-1' }))
      .thenRejects(t, { code: 'JURISDICTION_UNKNOWN' });
    spec
      .given([])
      .when(holdMeeting({ heldAt: '2026-03-10T12:00:01+08:00' }))
      .thenRejects(t, { code: 'HELD_AT_IN_FUTURE', field: 'heldAt' });
    spec
      .given([])
      .when(
        holdMeeting({ participants: [...participants, { department: 'POLICE' as 'OTHER', person: 'x', role: 'y' }] }),
      )
      .thenRejects(t, { code: 'UNKNOWN_DEPARTMENT', field: 'participants[4].department' });
    spec
      .given([])
      .when(holdMeeting({ participants: [...participants, { department: 'COMMERCE', person: ' ', role: '参会' }] }))
      .thenRejects(t, { code: 'PARTICIPANT_INCOMPLETE', field: 'participants[4]' });
    spec
      .given([])
      .when(holdMeeting({ participants: participants.filter((p) => p.department !== 'DISCIPLINE_INSPECTION') }))
      .thenRejects(t, { code: 'REQUIRED_DEPARTMENT_ABSENT', rule: '§10.1', field: 'participants' }, 'no 纪委监委');
    spec
      .given([])
      .when(holdMeeting({ participants: participants.filter((p) => p.department !== 'NATURAL_RESOURCES') }))
      .thenRejects(t, { code: 'REQUIRED_DEPARTMENT_ABSENT' }, 'no natural resources');
    spec
      .given([])
      .when(holdMeeting({ agenda: { parcelIds: [], supplyPlanIds: [] } }))
      .thenRejects(t, { code: 'AGENDA_EMPTY', field: 'agenda' });
    spec
      .given([])
      .when(holdMeeting({ minutesNo: '' }))
      .thenRejects(t, { code: 'MINUTES_NO_REQUIRED', rule: 'S4 §七' });
    spec
      .given([])
      .when(holdMeeting({ heldAt: '2026-03-10 09:00' }))
      .thenRejects(t, { code: 'INVALID_INSTANT', field: 'heldAt' });
  });
  t.test('the required departments come from the policy of the jurisdiction', async (t) => {
    const withoutCommission = participants.filter((p) => p.department !== 'DISCIPLINE_INSPECTION');
    spec
      .given([])
      .when(holdMeeting({ participants: withoutCommission }))
      .thenRejects(
        t,
        {
          code: 'REQUIRED_DEPARTMENT_ABSENT',
          details: { department: 'DISCIPLINE_INSPECTION', policyVersion: 'CN-JS-2026.1' },
        },
        'Jiangsu: S4 §二',
      );
    // Nationally only the grantor department is required (policy.requiredDecisionDepartments).
    t.equal(
      spec
        .given([])
        .when(holdMeeting({ jurisdiction: 'CN-HA-4101', participants: withoutCommission }))
        .events().length,
      1,
      'Henan: national',
    );
    spec
      .given([])
      .when(
        holdMeeting({
          jurisdiction: 'CN-HA-4101',
          participants: participants.filter((p) => p.department !== 'NATURAL_RESOURCES'),
        }),
      )
      .thenRejects(
        t,
        {
          code: 'REQUIRED_DEPARTMENT_ABSENT',
          details: { department: 'NATURAL_RESOURCES', policyVersion: 'CN-2026.1' },
        },
        'Henan without natural resources',
      );
  });
  t.test('the required departments can be overridden by a decider option', async (t) => {
    const relaxed = deciderSpec(createDecisionDecider({ requiredDepartments: ['NATURAL_RESOURCES'] }));
    const events = relaxed
      .given([])
      .when(holdMeeting({ participants: participants.filter((p) => p.department !== 'DISCIPLINE_INSPECTION') }))
      .events();
    t.equal(events.length, 1);
  });
});

t.test('RecordOpinion', async (t) => {
  spec
    .given([meetingHeld])
    .when(opinion())
    .then(t, [
      {
        type: 'OpinionRecorded',
        data: {
          person: '赵书记',
          department: 'DISCIPLINE_INSPECTION',
          item: { kind: 'SUPPLY_PLAN', id: 'SP-1' },
          stance: 'CONDITIONAL',
          text: '同意，底价须按保密规定办理',
          recordedAt: T.opinion,
        },
      },
    ]);
  spec.given([]).when(opinion()).thenRejects(t, { code: 'MEETING_NOT_HELD', rule: '§10.1' });
  spec
    .given([meetingHeld])
    .when(opinion({ person: '钱某' }))
    .thenRejects(t, { code: 'NOT_A_PARTICIPANT', field: 'person' });
  spec
    .given([meetingHeld])
    .when(opinion({ department: 'FINANCE' }))
    .thenRejects(t, { code: 'NOT_A_PARTICIPANT' }, 'person and department must match');
  spec
    .given([meetingHeld])
    .when(opinion({ item: { kind: 'PARCEL', id: 'P-9' } }))
    .thenRejects(t, { code: 'NOT_ON_AGENDA', field: 'item' });
  spec
    .given([meetingHeld])
    .when(opinion({ item: { kind: 'SUPPLY_PLAN', id: 'P-1' } }))
    .thenRejects(t, { code: 'NOT_ON_AGENDA' }, 'a parcel id is not a plan id');
  spec
    .given([meetingHeld])
    .when(opinion({ stance: 'MAYBE' as 'AGREE' }))
    .thenRejects(t, { code: 'UNKNOWN_STANCE' });
  spec
    .given([meetingHeld])
    .when(opinion({ text: '' }))
    .thenRejects(t, { code: 'OPINION_TEXT_REQUIRED', field: 'text' });
  const state = fold(decisionDecider, [meetingHeld, ...spec.given([meetingHeld]).when(opinion()).events()]);
  t.equal(state.status === 'NONE' ? 0 : state.opinions.length, 1, 'opinion kept in state');
});

t.test('SubmitReservePriceProposal (appraisal report e-filed, S4 §六)', async (t) => {
  spec.given([meetingHeld]).when(propose()).then(t, [proposalSubmitted]);
  spec.given([]).when(propose()).thenRejects(t, { code: 'MEETING_NOT_HELD' });
  spec
    .given([meetingHeld])
    .when(propose({ parcelId: 'P-9' }))
    .thenRejects(t, { code: 'PARCEL_NOT_IN_DECISION', field: 'parcelId' });
  spec
    .given([meetingHeld])
    .when(propose({ proposalId: '' }))
    .thenRejects(t, { code: 'PROPOSAL_ID_REQUIRED' });
  spec
    .given([meetingHeld, proposalSubmitted])
    .when(propose({ parcelId: 'P-2' }))
    .thenRejects(t, { code: 'PROPOSAL_ALREADY_SUBMITTED', field: 'proposalId' });
  spec
    .given([meetingHeld])
    .when(propose({ appraisalReportId: '' }))
    .thenRejects(t, { code: 'APPRAISAL_REPORT_REQUIRED', rule: 'S4 §六', field: 'appraisalReportId' });
  spec
    .given([meetingHeld])
    .when(propose({ eFilingNo: ' ' }))
    .thenRejects(t, { code: 'APPRAISAL_NOT_E_FILED', rule: 'S4 §六', field: 'eFilingNo' });
  spec
    .given([meetingHeld])
    .when(propose({ appraisalInstitution: '' }))
    .thenRejects(t, { code: 'APPRAISAL_INSTITUTION_REQUIRED' });
});

t.test('evolve ignores events that do not apply', async (t) => {
  t.same(fold(decisionDecider, [proposalSubmitted]), { status: 'NONE' }, 'nothing before the meeting');
  const twice = fold(decisionDecider, [
    meetingHeld,
    { ...meetingHeld, data: { ...meetingHeld.data, decisionId: 'other' } },
  ]);
  t.equal(twice.status === 'NONE' ? '' : twice.decisionId, 'D-2026-007', 'a second meeting event is ignored');
});
