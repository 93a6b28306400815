import t from 'tap';
import { SEED_VERSION as CALENDAR_VERSION } from '../../../src/domain/working-calendar/seed-calendar.js';
import { deliveryTerminationRight } from '../../../src/domain/parcel/index.js';
import { JIANGSU_POLICY } from '../../../src/domain/policy/index.js';
import { given, history, stateOf, stored } from './fixtures/spec.js';
import { demandDelivery } from './fixtures/records.js';
import { issueAllocation, toDelivered, toGranted } from './fixtures/parcel.js';

const JS_VERSIONS = { policyVersion: 'CN-JS-2026.1', calendarVersion: CALENDAR_VERSION, provisional: false };

t.test('ServeDeliveryDemand (T09): the grantee demands the land after the contract delivery date', async (t) => {
  // Contract delivery 2026-04-01; + 60 cd = 2026-05-31, after which the grantee may terminate.
  given(history(...toGranted()))
    .when(demandDelivery())
    .then(t, [
      {
        type: 'DeliveryDemandServed',
        data: {
          ...JS_VERSIONS,
          demandId: 'dd-1',
          servedOn: '2026-04-05',
          contractDeliveryDate: '2026-04-01',
          daysLate: 4,
          terminationThresholdDate: '2026-05-31',
        },
      },
    ]);
  given(history(...toGranted()))
    .when(demandDelivery('2026-04-01'))
    .thenRejects(t, { code: 'NOT_OVERDUE', field: 'servedOn', rule: 'T09' });
  given(history(...toGranted(), demandDelivery()))
    .when(demandDelivery('2026-04-06'))
    .thenRejects(t, { code: 'DUPLICATE_DEMAND', field: 'demandId' });
  given(history(...toGranted(), demandDelivery()))
    .when(demandDelivery('2026-04-06', 'dd-2'))
    .thenMatches(t, [{ type: 'DeliveryDemandServed', data: { daysLate: 5 } }], 'a second demand');
  given(history(issueAllocation())).when(demandDelivery()).thenRejects(t, { code: 'NOT_A_TRANSFER', rule: 'T09' });
  given(history(...toDelivered()))
    .when(demandDelivery())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'DELIVERED' } });
  given([])
    .when(demandDelivery())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
  const events = stored(history(...toGranted(), demandDelivery()));
  const state = stateOf(events);
  t.same('facts' in state ? state.facts.deliveryDemands : null, [
    { demandId: 'dd-1', servedOn: '2026-04-05', eventId: events.at(-1)?.id },
  ]);
});

t.test('deliveryTerminationRight: more than 60 cd late and a demand served (E3)', async (t) => {
  const demanded = stateOf(history(...toGranted(), demandDelivery()));
  t.same(
    deliveryTerminationRight(demanded, JIANGSU_POLICY, '2026-05-31'),
    { allowed: false, thresholdDate: '2026-05-31', demandId: 'dd-1' },
    'day 60: not yet',
  );
  t.same(
    deliveryTerminationRight(demanded, JIANGSU_POLICY, '2026-06-01'),
    { allowed: true, thresholdDate: '2026-05-31', demandId: 'dd-1' },
    'day 61',
  );
  t.same(
    deliveryTerminationRight(stateOf(history(...toGranted())), JIANGSU_POLICY, '2026-06-01'),
    { allowed: false, thresholdDate: '2026-05-31', demandId: null },
    'no demand',
  );
  t.same(
    deliveryTerminationRight(demanded, JIANGSU_POLICY, '2026-04-04'),
    { allowed: false, thresholdDate: '2026-05-31', demandId: null },
    'before the demand',
  );
  t.equal(
    deliveryTerminationRight(stateOf(history(...toDelivered())), JIANGSU_POLICY, '2026-06-01'),
    null,
    'delivered',
  );
  t.equal(
    deliveryTerminationRight(stateOf(history(issueAllocation())), JIANGSU_POLICY, '2026-06-01'),
    null,
    'allocation',
  );
});
