import t from 'tap';
import { SEED_CALENDARS } from '../../src/domain/working-calendar/seed-calendar.js';
import type { SagaEnv } from '../../src/sagas/saga.js';

const ENV: SagaEnv = { calendars: SEED_CALENDARS };
import { creditArchiveSaga } from '../../src/sagas/credit-archive/saga.js';
import type { RecordedEvent } from '../../src/eventstore/types.js';
import { run, transfer } from '../domain/deadlines/fixtures/parcel.js';
import { recorded } from './fixtures/recorded.js';

const saga = creditArchiveSaga;
const granted = () => {
  let state = saga.initialState('P-1');
  for (const e of recorded('parcel-P-1', run(transfer()).events)) state = saga.react(state, e, ENV).state;
  return state;
};
const event = (type: string, data: Record<string, unknown>, id = `${type}#9`): RecordedEvent => {
  const [only] = recorded('parcel-P-1', [{ type, data, id }]);
  return only as RecordedEvent;
};

t.test('each breach lists the land user with the event that proves it', async (t) => {
  const state = granted();
  t.match(state, { landUserId: 'dev-1' });
  const cases: [string, Record<string, unknown>, string, string | null][] = [
    ['PaymentOverdue', { rule: 'T07', subject: '1' }, 'C4', null],
    ['DeclarationMissing', { rule: 'C2', subject: 'start' }, 'C2', null],
    ['ConstructionStartVerified', { daysLate: 12 }, 'C3', null],
    ['CompletionVerified', { daysLate: 3 }, 'C3', null],
    ['IdleLandConfirmed', { caseId: 'IC-1' }, 'C5', 'IC-1'],
  ];
  for (const [type, data, trigger, caseId] of cases) {
    const { commands, timers } = saga.react(state, event(type, data), ENV);
    t.same(timers, []);
    t.match(
      commands,
      [
        {
          aggregate: 'credit',
          id: state.landUserId,
          command: {
            type: 'AddCreditEntry',
            data: { trigger, evidenceRef: { parcelId: 'P-1', eventId: `${type}#9`, caseId }, expiresAt: null },
          },
          idempotencyKey: `credit-archive:${type}#9`,
          causationId: `${type}#9`,
        },
      ],
      `${type} → ${trigger}`,
    );
  }
});

t.test('on time is no breach', async (t) => {
  t.same(saga.react(granted(), event('ConstructionStartVerified', { daysLate: 0 }), ENV).commands, []);
  t.same(saga.react(granted(), event('PaymentReceived', { amountFen: 1 }), ENV).commands, []);
});

t.test('C1 names the deal winner, who never became the land user', async (t) => {
  let state = saga.initialState('P-2');
  state = saga.react(state, event('DealConfirmed', { winnerId: 'LU-W', jurisdiction: 'CN-HA-4101' }), ENV).state;
  const { commands } = saga.react(state, event('SupplyAborted', { abortedOn: '2026-03-01' }), ENV);
  t.match(commands, [{ id: 'LU-W', command: { data: { landUserId: 'LU-W', trigger: 'C1' } } }]);
});
