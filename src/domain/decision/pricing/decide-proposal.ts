/** S4 §六: an e-filed appraisal report is the basis of every price of a parcel of this decision. */
import { fail } from '../errors.js';
import { documentInstant, isBlank, requireMeeting, requireParcelInDecision } from '../guards.js';
import type { DecisionEvent, DecisionState } from '../types.js';
import type { SubmitReservePriceProposal } from './schemas.js';

export const submitProposal = (command: SubmitReservePriceProposal, state: DecisionState): readonly DecisionEvent[] => {
  const { data, context } = command;
  const meeting = requireMeeting(state);
  // The appraisal may precede the meeting that weighs it (S4 §六): only the future is refused.
  documentInstant(
    data.submittedAt,
    'submittedAt',
    context.now,
    'SUBMITTED_AT_IN_FUTURE',
    'a proposal is entered after it was submitted',
  );
  requireParcelInDecision(state, data.parcelId);
  if (isBlank(data.proposalId)) fail('PROPOSAL_ID_REQUIRED', 'proposalId is required', { field: 'proposalId' });
  if (meeting.parcels.some((p) => p.proposals.some((proposal) => proposal.proposalId === data.proposalId))) {
    fail('PROPOSAL_ALREADY_SUBMITTED', `proposal '${data.proposalId}' is already on record`, { field: 'proposalId' });
  }
  if (isBlank(data.appraisalReportId)) {
    fail('APPRAISAL_REPORT_REQUIRED', 'a price proposal rests on an appraisal report', {
      field: 'appraisalReportId',
      rule: 'S4 §六',
    });
  }
  if (isBlank(data.eFilingNo)) {
    fail('APPRAISAL_NOT_E_FILED', 'an appraisal report without e-filing may not be used', {
      field: 'eFilingNo',
      rule: 'S4 §六',
    });
  }
  if (isBlank(data.appraisalInstitution)) {
    fail('APPRAISAL_INSTITUTION_REQUIRED', 'name the appraisal institution', {
      field: 'appraisalInstitution',
      rule: 'S4 §六',
    });
  }
  return [
    {
      type: 'ReservePriceProposalSubmitted',
      data: {
        proposalId: data.proposalId,
        parcelId: data.parcelId,
        appraisalReportId: data.appraisalReportId,
        eFilingNo: data.eFilingNo,
        appraisalInstitution: data.appraisalInstitution,
        submittedAt: data.submittedAt,
      },
    },
  ];
};
