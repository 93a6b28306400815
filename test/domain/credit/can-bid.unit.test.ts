import t from 'tap';
import { fold } from '../../../src/domain/decider.js';
import { canBid, creditDecider, creditEntryId, type CreditEvent } from '../../../src/domain/credit/index.js';

const evidence = (eventId: string) => ({ parcelId: 'P-1', eventId, caseId: null });

const addedFor = (
  landUserId: string,
  eventId: string,
  options: { shareholders?: string[]; expiresAt?: string | null } = {},
) =>
  ({
    type: 'CreditEntryAdded',
    data: {
      landUserId,
      entryId: creditEntryId('C3', evidence(eventId)),
      trigger: 'C3',
      evidenceRef: evidence(eventId),
      controllingShareholderIds: options.shareholders ?? [],
      reason: 'late start',
      addedAt: '2026-01-10T09:00:00+08:00',
      expiresAt: options.expiresAt ?? null,
    },
  }) satisfies CreditEvent;

const liftedHistory = (landUserId: string, eventId: string): CreditEvent[] => {
  const entryId = creditEntryId('C3', evidence(eventId));
  return [
    addedFor(landUserId, eventId),
    {
      type: 'CreditEntryLiftRequested',
      data: {
        landUserId,
        entryId,
        requestedAt: '2026-02-01T09:00:00+08:00',
        requestedBy: 'u',
        rectification: 'started',
      },
    },
    {
      type: 'RectificationVerified',
      data: { landUserId, entryId, verifiedAt: '2026-02-10T09:00:00+08:00', verifiedBy: 'p', documentNo: 'D-1' },
    },
    {
      type: 'CreditEntryLifted',
      data: {
        landUserId,
        entryId,
        liftedAt: '2026-03-01T09:00:00+08:00',
        liftedBy: 'p',
        announcementRef: 'MLR-2026-3',
      },
    },
  ];
};

const archive = (events: CreditEvent[]) => fold(creditDecider, events);
const AT = '2026-02-15T10:00:00+08:00';

t.test('clean bidder with no archives is allowed', async (t) => {
  t.same(canBid([], 'LU-1', ['SH-1'], AT), { allowed: true, blockingEntries: [] });
  t.same(canBid([archive([])], 'LU-1', [], AT), { allowed: true, blockingEntries: [] });
});

t.test('blocked by its own active entry', async (t) => {
  const own = archive([addedFor('LU-1', 'e1')]);
  t.same(canBid([own], 'LU-1', [], AT), {
    allowed: false,
    blockingEntries: [
      {
        landUserId: 'LU-1',
        entryId: creditEntryId('C3', evidence('e1')),
        trigger: 'C3',
        reason: 'OWN',
        expiresAt: null,
      },
    ],
  });
});

t.test("blocked by a controlling shareholder's entry (E6)", async (t) => {
  const parent = archive([addedFor('SH-9', 'e2')]);
  const result = canBid([parent, archive([addedFor('LU-other', 'e3')])], 'LU-1', ['SH-9'], AT);
  t.equal(result.allowed, false);
  t.same(
    result.blockingEntries.map((b) => [b.landUserId, b.reason]),
    [['SH-9', 'CONTROLLING_SHAREHOLDER']],
  );
});

t.test('blocked when another listed user names the bidder as its controlling shareholder (E6)', async (t) => {
  const subsidiary = archive([addedFor('LU-sub', 'e4', { shareholders: ['LU-parent'] })]);
  const result = canBid([subsidiary], 'LU-parent', [], AT);
  t.same(
    result.blockingEntries.map((b) => [b.landUserId, b.reason]),
    [['LU-sub', 'LISTED_AS_CONTROLLING_SHAREHOLDER']],
  );
  t.equal(canBid([subsidiary], 'LU-unrelated', [], AT).allowed, true);
});

t.test('allowed after the lift; judged at the given instant', async (t) => {
  const history = archive(liftedHistory('LU-1', 'e5'));
  t.equal(canBid([history], 'LU-1', [], '2026-03-01T09:00:00+08:00').allowed, true, 'from the lift instant');
  t.equal(canBid([history], 'LU-1', [], '2026-06-01T00:00:00Z').allowed, true, 'later');
  t.equal(canBid([history], 'LU-1', [], AT).allowed, false, 'before the lift it was blocked');
  t.equal(canBid([history], 'LU-1', [], '2026-01-10T00:59:59Z').allowed, true, 'before the entry was added');
  t.equal(
    canBid([history], 'LU-2', ['LU-1'], '2026-03-02T00:00:00Z').allowed,
    true,
    'a lifted shareholder entry does not block',
  );
});

t.test('allowed after expiry (fixed-term bans)', async (t) => {
  const fixedTerm = archive([addedFor('LU-1', 'e6', { expiresAt: '2027-01-10T09:00:00+08:00' })]);
  t.equal(canBid([fixedTerm], 'LU-1', [], '2027-01-10T00:59:59Z').allowed, false, 'one second before expiry');
  t.equal(
    canBid([fixedTerm], 'LU-1', [], '2027-01-10T01:00:00Z').allowed,
    true,
    'at expiry (same instant, other offset)',
  );
  t.equal(fixedTerm.status, 'LISTED', 'expiry does not rewrite the archive');
});

t.test('one blocking entry per archive entry, even when the bidder is listed twice over', async (t) => {
  const own = archive([addedFor('LU-1', 'e7', { shareholders: ['LU-1'] })]);
  t.equal(canBid([own, own], 'LU-1', ['LU-1'], AT).blockingEntries.length, 1);
});

t.test('the bid instant must be an instant', async (t) => {
  t.throws(() => canBid([], 'LU-1', [], '2026-02-15'), { code: 'INVALID_INSTANT' });
});
