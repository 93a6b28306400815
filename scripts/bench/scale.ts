/** Workload sizes; --quick keeps a whole run under a minute on a small machine. */
export interface Scale {
  readonly quick: boolean;
  /** Streams per single-event-append phase (each gets `eventsPerStream` events). */
  readonly streams: number;
  readonly eventsPerStream: number;
  /** Streams of the batch phase, one append of `batchSize` events each. */
  readonly batchStreams: number;
  readonly batchSize: number;
  readonly writers: number;
  readonly readStreamReads: number;
  readonly readAllEvents: number;
  readonly readAllPage: number;
  /** Slices per write phase; the two sides alternate slice by slice. */
  readonly writeSlices: number;
  /** Rounds of the (page-by-page alternating) readAll vs raw read comparison. */
  readonly readRepeats: number;
  readonly consumerStreams: number;
  readonly consumerPage: number;
  /** Events per side appended before measuring, so both sides start with warm caches and connections. */
  readonly warmupStreams: number;
  readonly eventBytes: number;
  readonly poolMax: number;
}

export const scaleFor = (quick: boolean): Scale => ({
  quick,
  streams: quick ? 500 : 10_000,
  eventsPerStream: 10,
  batchStreams: quick ? 100 : 1_000,
  batchSize: 100,
  writers: 32,
  readStreamReads: 2_000,
  readAllEvents: quick ? 20_000 : 100_000,
  readAllPage: 1_000,
  writeSlices: quick ? 4 : 20,
  readRepeats: 5,
  // Small enough to finish in minutes: appends with NOTIFY run at a few hundred per second at 32 writers.
  consumerStreams: quick ? 300 : 3_000,
  consumerPage: 100,
  warmupStreams: quick ? 64 : 320,
  eventBytes: 400,
  // 32 writers plus the consumer and its probe; the LISTEN connection is separate.
  poolMax: 34,
});

export const parseArgs = (argv: readonly string[]): { quick: boolean } => {
  const unknown = argv.filter((a) => a !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(' ')} (only --quick)`);
  return { quick: argv.includes('--quick') };
};
