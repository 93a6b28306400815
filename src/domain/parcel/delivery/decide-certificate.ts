/**
 * The land approval certificate (建设用地批准书) after delivery and its site publicity (S4 §十一,
 * T10, S0 §二(二)). Jiangsu issues the certificate only once the price is paid in full.
 */
import type { DateResult, IsoDate } from '../../calendar/index.js';
import type { Policy } from '../../policy/index.js';
import type { CommandOf } from '../commands.js';
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import type { ParcelEvent } from '../events.js';
import { notBefore, pastDate, requireStatus, requireText, type DecideContext } from '../guards.js';
import { isPaidInFull, outstandingFen } from '../payment/balance.js';
import { versionsOf } from '../stamp.js';
import type { ParcelState } from '../state.js';

/** T10: the site-publicity due date, where the policy sets a period. */
const publicityDue = (certifiedOn: IsoDate, policy: Policy): DateResult | null =>
  dateBy(PARCEL_DATES.sitePublicityDue, certifiedOn, policy);

export const decideIssueLandApprovalCertificate = (
  command: CommandOf<'IssueLandApprovalCertificate'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ['DELIVERED']);
  const policy = ctx.policyFor(facts.jurisdiction);
  const issuedOn = notBefore(
    pastDate(command.data.issuedOn, 'issuedOn', ctx.today),
    facts.deliveredOn ?? facts.grantedOn,
    'issuedOn',
    'the delivery',
  );
  if (policy.certificateRequiresFullPayment && facts.grantKind === 'TRANSFER' && !isPaidInFull(facts)) {
    const unpaid = facts.instalments.reduce((sum, i) => sum + outstandingFen(facts, i), 0);
    fail('PRICE_NOT_PAID_IN_FULL', 'The approval certificate is issued only after the price is paid', {
      rule: 'S4 §十一',
      outstandingFen: unpaid,
    });
  }
  const due = publicityDue(issuedOn, policy);
  return [
    {
      type: 'LandApprovalCertificateIssued',
      data: {
        ...versionsOf(policy, due),
        certificateNo: requireText(command.data.certificateNo, 'certificateNo'),
        issuedOn,
        sitePublicityDueDate: due?.date ?? null,
      },
    },
  ];
};

export const decideRecordSitePublicity = (
  command: CommandOf<'RecordSitePublicity'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ['CERTIFIED', 'STARTED']);
  const certifiedOn = facts.certificateIssuedOn;
  if (certifiedOn === null)
    return fail('CERTIFICATE_NOT_ISSUED', 'Site publicity follows the approval certificate', { rule: 'T10' });
  if (facts.sitePublicityPostedOn !== null)
    fail('SITE_PUBLICITY_ALREADY_RECORDED', 'Site publicity is already recorded', { rule: 'T10' });
  const postedOn = notBefore(
    pastDate(command.data.postedOn, 'postedOn', ctx.today),
    certifiedOn,
    'postedOn',
    'the certificate',
    'T10',
  );
  const policy = ctx.policyFor(facts.jurisdiction);
  const due = publicityDue(certifiedOn, policy);
  const dueDate = due?.date ?? null;
  const photoRefs = command.data.photoRefs ?? [];
  return [
    {
      type: 'SitePublicityPosted',
      data: {
        ...versionsOf(policy, due),
        postedOn,
        dueDate,
        late: dueDate !== null && postedOn > dueDate,
        photoRefs: [...photoRefs],
      },
    },
  ];
};
