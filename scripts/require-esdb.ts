// `npm run test:esdb` brings no server up itself: without one it fails loudly instead of passing empty.
if (!process.env.ESDB_CONNECTION_STRING) {
  process.stderr.write(
    'ESDB_CONNECTION_STRING is not set. Start EventStoreDB 24.10 (docker compose up eventstore) and run\n' +
      "  ESDB_CONNECTION_STRING='esdb://localhost:2113?tls=false' npm run test:esdb\n",
  );
  process.exit(2);
}
