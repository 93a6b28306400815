import {
  DeadlineExceededError,
  EventStoreDBClient,
  StreamDeletedError as ClientStreamDeletedError,
  UnavailableError,
} from '@eventstore/db-client';
import t from 'tap';
import { StoreClosedError, StreamDeletedError } from '../../src/eventstore/errors.js';
import { trackChannels } from '../../src/eventstore/esdb/channel.js';
import { createEsdbEventStore } from '../../src/eventstore/esdb/index.js';
import { knownAnswersIdCheck, recoverTimedOutAppend } from '../../src/eventstore/esdb/idempotency.js';
import { isTruncated, toPortError } from '../../src/eventstore/esdb/map-errors.js';
import type { AppendResult } from '../../src/eventstore/types.js';
import { newEvent, uniqueStream } from '../helpers/events.js';

// The EventStoreDB adapter's own logic, without a server: nothing here imitates EventStoreDB.
// What needs one runs in esdb.contract.int.test.ts when ESDB_CONNECTION_STRING is set.

// Nothing listens on port 1; no test below sends a call there.
const NOWHERE = 'esdb://127.0.0.1:1?tls=false';
const original: AppendResult = { nextRevision: 1, position: '00000000000000000010/00000000000000000010' };

const caught = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

t.test('defect 1: a timed-out append looks the ids up again, with short waits, before failing', async (t) => {
  const waits: number[] = [];
  const wait = async (ms: number) => void waits.push(ms);
  let calls = 0;
  const found = await recoverTimedOutAppend(new DeadlineExceededError(), async () => (++calls < 3 ? null : original), {
    delaysMs: [0, 100, 400, 1000],
    wait,
  });
  t.same(found, original, 'the original result once the ids are indexed');
  t.equal(calls, 3);
  t.same(waits, [100, 400], 'no wait before the first look-up, then the short pauses');

  const timeout = new DeadlineExceededError();
  let looked = 0;
  t.equal(
    await caught(recoverTimedOutAppend(timeout, async () => (looked++, null), { delaysMs: [0, 5], wait })),
    timeout,
    'ids never found: the timeout is rethrown unchanged',
  );
  t.equal(looked, 2);

  const unavailable = new UnavailableError();
  let touched = false;
  t.equal(await caught(recoverTimedOutAppend(unavailable, async () => ((touched = true), original))), unavailable);
  t.notOk(touched, 'any other failure is rethrown without a look-up');
});

t.test('defect 4: a tombstoned stream maps to the port StreamDeletedError', async (t) => {
  const mapped = toPortError('parcel-x', ClientStreamDeletedError.fromStreamName('parcel-x'));
  t.ok(mapped instanceof StreamDeletedError);
  t.match(mapped, { code: 'STREAM_DELETED', stream: 'parcel-x', kind: 'tombstoned' });
  const other = new UnavailableError();
  t.equal(toPortError('parcel-x', other), other, 'other errors pass through');
});

t.test('defect 4: a soft delete is recognised from the stream metadata ($tb)', async (t) => {
  // A soft delete sets $tb to long.MaxValue (JSON number, read back as a double).
  t.ok(isTruncated({ truncateBefore: Number(JSON.parse('9223372036854775807')) }), 'soft-deleted');
  t.ok(isTruncated({ truncateBefore: 5 }), 'written again after a soft delete, or truncated');
  t.notOk(isTruncated({ truncateBefore: 0 }), '$tb 0 hides nothing');
  t.notOk(isTruncated({}), 'no $tb');
  t.notOk(isTruncated(undefined), 'no metadata');
});

t.test('defect 5: after close every call fails with StoreClosedError and waits end at once', async (t) => {
  const store = createEsdbEventStore(NOWHERE);
  await store.close();
  const stream = uniqueStream();
  await t.rejects(store.append(stream, [newEvent()], { expectedRevision: 'any' }), StoreClosedError);
  await t.rejects(store.append(stream, [newEvent()], { expectedRevision: 'any' }), { code: 'STORE_CLOSED' });
  await t.rejects(store.readStream(stream), StoreClosedError);
  await t.rejects(store.readAll({ limit: 1 }), StoreClosedError);
  await t.rejects(store.ping(), StoreClosedError);
  await store.waitForEvents(null, { timeoutMs: 60_000 });
  await store.close();
  t.pass('waitForEvents resolves at once and close is idempotent');
});

t.test('defect 5: the gRPC channels the client opened are closed', async (t) => {
  const client = EventStoreDBClient.connectionString(NOWHERE);
  const closeChannels = trackChannels(client);
  // The client's own (protected) path to its channel; creating a channel sends nothing.
  const channel = await (
    client as unknown as { getChannel: () => Promise<{ getConnectivityState(connect: boolean): number }> }
  ).getChannel();
  t.not(channel.getConnectivityState(false), 4, 'open before close');
  await client.dispose();
  t.not(channel.getConnectivityState(false), 4, 'dispose() alone leaves it open (the defect)');
  closeChannels();
  t.equal(channel.getConnectivityState(false), 4, 'SHUTDOWN after close');
});

t.test('the known-stream hint replaces the id look-up only when it answers it', async (t) => {
  const events = [newEvent(), newEvent()];
  const held = { revision: 3, eventIds: ['0b9c6f0e-0000-4000-8000-000000000000'] };
  t.ok(knownAnswersIdCheck(events, { expectedRevision: 3, known: held }));
  t.ok(knownAnswersIdCheck(events, { expectedRevision: 'no_stream', known: { revision: -1, eventIds: [] } }));
  t.notOk(knownAnswersIdCheck(events, { expectedRevision: 3 }), 'no hint');
  t.notOk(knownAnswersIdCheck(events, { expectedRevision: 4, known: held }), 'read at another revision');
  t.notOk(knownAnswersIdCheck(events, { expectedRevision: 'any', known: held }), "'any' has no revision to match");
  const retry = { revision: 3, eventIds: [(events[1]?.id ?? '').toUpperCase()] };
  t.notOk(knownAnswersIdCheck(events, { expectedRevision: 3, known: retry }), 'an id is already stored: look up');
});
