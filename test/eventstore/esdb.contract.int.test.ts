import { EventStoreDBClient } from '@eventstore/db-client';
import t from 'tap';
import { StoreClosedError, StreamDeletedError } from '../../src/eventstore/errors.js';
import { toEventData } from '../../src/eventstore/esdb/convert.js';
import { createEsdbEventStore } from '../../src/eventstore/esdb/index.js';
import { newEvent, uniqueStream } from '../helpers/events.js';
import { eventStoreContract } from './contract.js';

// EventStoreDB cannot run on every machine (it needs a server: `docker compose up eventstore`).
// The same contract runs against it whenever a connection string is given. The adapter's own
// logic that needs no server is tested in esdb-adapter.unit.test.ts.
const url = process.env.ESDB_CONNECTION_STRING;
if (url === undefined || url === '') {
  t.comment(
    'EventStoreDB contract not run: set ESDB_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false after `docker compose up eventstore`)',
  );
  t.pass('skipped: no ESDB_CONNECTION_STRING');
} else {
  eventStoreContract(
    t,
    async () => {
      const store = createEsdbEventStore(url);
      return { store, close: () => store.close() };
    },
    { eventIdsUniqueAcrossStreams: false },
  );

  // Deletion is not part of the port (the PostgreSQL adapter never deletes): an operator does it
  // with the client, so the raw client deletes here and the store must refuse what is left.
  t.test('deleted streams', async (t) => {
    const store = createEsdbEventStore(url);
    const admin = EventStoreDBClient.connectionString(url);
    t.teardown(async () => {
      await store.close();
      await admin.dispose();
    });

    const tombstoned = uniqueStream();
    await store.append(tombstoned, [newEvent()], { expectedRevision: 'no_stream' });
    await admin.tombstoneStream(tombstoned);
    const gone = { name: 'StreamDeletedError', code: 'STREAM_DELETED', kind: 'tombstoned', stream: tombstoned };
    await t.rejects(store.readStream(tombstoned), gone, 'tombstoned: read');
    await t.rejects(store.append(tombstoned, [newEvent()], { expectedRevision: 'any' }), gone, 'append any');
    await t.rejects(store.append(tombstoned, [newEvent()], { expectedRevision: 'no_stream' }), gone, 'no_stream');

    const soft = uniqueStream();
    await store.append(soft, [newEvent(), newEvent()], { expectedRevision: 'no_stream' });
    await admin.deleteStream(soft);
    const softly = { name: 'StreamDeletedError', kind: 'soft', stream: soft };
    await t.rejects(store.readStream(soft), softly, 'soft-deleted: read, not an empty stream');
    await t.rejects(store.append(soft, [newEvent()], { expectedRevision: 'no_stream' }), softly, 'append no_stream');
    await t.rejects(store.append(soft, [newEvent()], { expectedRevision: 'any' }), softly, 'append any');
    t.same(await admin.getStreamMetadata(soft).then((m) => m.metadata?.truncateBefore !== undefined), true);

    const rewritten = uniqueStream();
    await store.append(rewritten, [newEvent()], { expectedRevision: 'no_stream' });
    await admin.deleteStream(rewritten);
    await admin.appendToStream(rewritten, [toEventData(newEvent())]);
    await t.rejects(
      store.readStream(rewritten),
      { name: 'StreamDeletedError', kind: 'soft' },
      'written again after a soft delete: read',
    );
    await t.rejects(store.append(rewritten, [newEvent()], { expectedRevision: 'any' }), StreamDeletedError);
  });

  t.test('close: every later call fails clearly (the channel closing is in esdb-adapter.unit.test.ts)', async (t) => {
    const store = createEsdbEventStore(url);
    t.equal(await store.ping(), true);
    await store.append(uniqueStream(), [newEvent()], { expectedRevision: 'no_stream' });
    await store.close();
    await t.rejects(store.readStream(uniqueStream()), StoreClosedError);
    await t.rejects(store.append(uniqueStream(), [newEvent()], { expectedRevision: 'any' }), StoreClosedError);
    await t.rejects(store.ping(), StoreClosedError);
  });
}
