/**
 * Revocation of a grant (S4 §十, §3.3): where the policy says so, only with the province's
 * written approval.
 */
import type { CommandOf } from '../commands.js';
import { fail } from '../errors.js';
import type { ParcelEvent } from '../events.js';
import { LIVE, notBefore, optionalText, pastDate, requireStatus, requireText, type DecideContext } from '../guards.js';
import type { ParcelState } from '../state.js';

export const decideRevokeGrant = (
  command: CommandOf<'RevokeGrant'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, LIVE);
  const policy = ctx.policyFor(facts.jurisdiction);
  const { data } = command;
  const revokedOn = notBefore(
    pastDate(data.revokedOn, 'revokedOn', ctx.today),
    facts.grantedOn,
    'revokedOn',
    'the grant',
  );
  const approval = optionalText(data.provincialApprovalRef, 'provincialApprovalRef');
  if (approval === null && policy.revocationRequiresProvincialApproval) {
    fail('PROVINCIAL_APPROVAL_REQUIRED', 'Revoking a grant needs the provincial department’s written approval', {
      field: 'provincialApprovalRef',
      rule: 'S4 §十',
    });
  }
  return [
    {
      type: 'GrantRevoked',
      data: {
        revokedOn,
        provincialApprovalRef: approval,
        reason: requireText(data.reason, 'reason'),
        policyVersion: policy.version,
      },
    },
  ];
};
