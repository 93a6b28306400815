/**
 * Filing-list export benchmark (issue 10, §8: "streamed, not built in memory for large periods"):
 *
 *   node --import tsx scripts/bench-export.ts [--quick] [--keep] [--rows N]
 *
 * A fresh schema on DATABASE_URL gets the supply_records table and N filed Attachment-3 records
 * (default 100,000; --quick 20,000), each a full record as FileSupplyRecord stores it. Then the
 * whole list is exported as the route does it (keyset pages of the read model → rows → csv-stringify
 * or exceljs' streaming WorkbookWriter) into a sink that only counts bytes, while the process's
 * resident memory is sampled every 20 ms. Figures: rows/s, total ms, bytes, and the peak RSS above
 * the RSS before the export. If the export were built in memory, the peak would grow with N; it
 * stays flat when it streams (compare --rows 20000 with --rows 200000). JSON lines on stdout.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { buildSupplyRecord } from '../src/domain/filing/index.js';
import { supplyRecordRow, SUPPLY_RECORD_COLUMNS } from '../src/filing/columns.js';
import { csvStream, xlsxStream } from '../src/filing/export.js';
import { eachSupplyRecord } from '../src/projections/supply-records/queries.js';
import { createSupplyRecordTables, type SupplyRecordTables } from '../src/projections/supply-records/tables.js';
import { emit, progress } from './bench/report.js';
import { openBench } from './bench/setup.js';

const USAGE = 'usage: bench-export.ts [--quick] [--keep] [--rows N]';
const INSERT_CHUNK = 1000;

const parse = (argv: readonly string[]) => {
  let rows: number | null = null;
  let quick = false;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--quick') quick = true;
    else if (flag === '--keep') keep = true;
    else if (flag === '--rows') rows = Number(argv[++i]);
    else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  rows ??= quick ? 20_000 : 100_000;
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows: a positive integer\n${USAGE}`);
  return { rows, keep };
};

const day = (n: number): string => new Date(Date.UTC(2025, 0, 1) + (n % 365) * 86_400_000).toISOString().slice(0, 10);

const recordOf = (i: number) =>
  buildSupplyRecord(
    {
      supplyMethod: i % 7 === 0 ? 'NEGOTIATED_TRANSFER' : 'TENDER_AUCTION_LISTING',
      areaHa: `${1 + (i % 40)}.${String(i % 10_000).padStart(4, '0')}`,
      landUse:
        i % 3 === 0 ? { code: '07', residentialSubclass: 1 + (i % 5) } : { code: '06', residentialSubclass: null },
      termYears: i % 3 === 0 ? 70 : 50,
      sourceDocuments: [{ kind: 'TRANSFER_CONTRACT', no: `3201-2025-${i}`, signedOn: day(i) }],
      landUser: `南京某某置业有限公司${i % 997}`,
      priceFen: 10_000_000_000 + i * 1_000,
      instalmentCount: 1 + (i % 2),
      farLowerBound: '1.2',
      farUpperBound: '2.5',
      greenRatio: '0.30',
      buildingDensity: '0.25',
      totalInvestmentFen: 30_000_000_000,
      agreedStart: '2026-03-01',
      agreedCompletion: '2028-03-01',
    },
    {
      filing: { authority: { province: '江苏省', city: '南京市' }, filedOn: day(i + 5) },
      project: {
        no: `BA-${i}`,
        name: `南京市第${i}号地块项目`,
        approvalDocNo: `宁政土批〔2025〕${i}号`,
        approvalDate: day(i),
        approvingBody: '南京市人民政府',
        industryCode: i % 3 === 0 ? 'K7210' : 'C3411',
        investorNature: { category: '4', subType: '有限责任公司' },
      },
      land: {
        address: `南京市第${i}号地块`,
        boundaries: '东至规划道路，南至现状用地，西至河道，北至规划绿地',
        coordinates: [{ x: '3532101.1', y: '40512345.6' }],
        landSource: '新增建设用地',
        developmentDegree: '五通一平',
        grade: '三级',
      },
      remarks: null,
      signOff: { preparer: '刘填表', reviewer: '陈审核' },
    },
  );

const seed = async (db: Kysely<SupplyRecordTables>, rows: number): Promise<void> => {
  for (let start = 0; start < rows; start += INSERT_CHUNK) {
    const values = [];
    for (let i = start; i < Math.min(rows, start + INSERT_CHUNK); i++) {
      values.push({
        parcel_id: `P-3201-2025-${String(i).padStart(7, '0')}`,
        jurisdiction: 'CN-JS-3201',
        division_code: '3201',
        filed_on: day(i + 5),
        filing_ref: `BA-${i}`,
        due_date: day(i + 10),
        late: i % 20 === 0,
        preparer_id: 'patrol-1',
        preparer_name: '刘填表',
        reviewer_id: 'grantor-1',
        reviewer_name: '陈审核',
        record: JSON.stringify(recordOf(i)),
        industry_catalogue_version: 'GB/T 4754-2002 门类·大类',
        event_id: crypto.randomUUID(),
        revision: 3,
      });
    }
    await db.insertInto('supply_records').values(values).execute();
    if ((start / INSERT_CHUNK) % 20 === 0) progress(`seeded ${start + values.length}/${rows}`);
  }
};

/** Bytes written, and the peak resident memory above the start, while `source` drains. */
const measure = async (source: NodeJS.ReadableStream) => {
  let bytes = 0;
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  await pipeline(
    source,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { bytes, ms, peakAbove: peak - base };
};

const main = async (): Promise<void> => {
  const { rows, keep } = parse(process.argv.slice(2));
  const bench = await openBench(4, { rawTable: false, keep });
  try {
    await createSupplyRecordTables(bench.connection.db as unknown as Kysely<unknown>, bench.schema);
    const db = bench.connection.db.withSchema(bench.schema) as unknown as Kysely<SupplyRecordTables>;
    await seed(db, rows);
    // A read model that grew to this size over months has been analysed by autovacuum; one seeded in
    // seconds has not, and without statistics the planner sorts every remaining row for each page.
    await bench.connection.pool.query(`ANALYZE ${bench.schema}.supply_records`);
    const filter = { divisionPrefix: '32', from: '2025-01-01', to: '2026-12-31' };
    const rowsOf = async function* () {
      for await (const filing of eachSupplyRecord(db, filter)) yield supplyRecordRow(filing);
    };
    for (const format of ['csv', 'xlsx'] as const) {
      global.gc?.();
      progress(`exporting ${rows} records as ${format}`);
      const stream =
        format === 'csv'
          ? csvStream(SUPPLY_RECORD_COLUMNS, rowsOf())
          : xlsxStream('国有建设用地供应情况备案表', SUPPLY_RECORD_COLUMNS, rowsOf());
      const { bytes, ms, peakAbove } = await measure(stream);
      emit(`export.${format}.rows_per_s@${rows}`, rows / (ms / 1000), 'rows/s');
      emit(`export.${format}.ms@${rows}`, ms, 'ms');
      emit(`export.${format}.bytes@${rows}`, bytes, 'bytes');
      emit(`export.${format}.peak_rss_above_start@${rows}`, peakAbove, 'bytes');
    }
  } finally {
    await bench.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
