export { createEsdbEventStore } from './esdb-event-store.js';
export { compareCheckpoints, formatCheckpoint, parseCheckpoint } from './checkpoint.js';
