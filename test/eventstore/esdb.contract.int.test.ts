import t from 'tap';
import { createEsdbEventStore } from '../../src/eventstore/esdb/index.js';
import { eventStoreContract } from './contract.js';

// EventStoreDB cannot run on every machine (it needs a server: `docker compose up eventstore`).
// The same contract runs against it whenever a connection string is given.
const url = process.env.ESDB_CONNECTION_STRING;
if (url === undefined || url === '') {
  t.comment(
    'EventStoreDB contract not run: set ESDB_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false after `docker compose up eventstore`)',
  );
  t.pass('skipped: no ESDB_CONNECTION_STRING');
} else {
  eventStoreContract(t, async () => {
    const store = createEsdbEventStore(url);
    return { store, close: () => store.close() };
  });
}
