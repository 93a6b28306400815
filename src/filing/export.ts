/**
 * The filing list as CSV or XLSX, streamed: rows are pulled from an async source (keyset pages
 * of the read model) and written as they come, so a year of filings never sits in memory. CSV is
 * UTF-8 with a BOM (spreadsheet programs then read the Chinese headers); XLSX goes through
 * exceljs' streaming WorkbookWriter, one committed row at a time.
 */
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { CellValue } from './columns.js';

export interface ExportColumn {
  readonly key: string;
  readonly header: string;
}

type Rows = AsyncIterable<Record<string, CellValue>>;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A CSV stream: the header row, then one line per row. */
export const csvStream = (columns: readonly ExportColumn[], rows: Rows): Readable => {
  const out = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    cast: { number: (n) => String(n) },
  });
  void pipeline(Readable.from(rows), out).catch((error: unknown) => out.destroy(error as Error));
  return out;
};

const writeXlsx = async (sheetName: string, columns: readonly ExportColumn[], rows: Rows, out: Writable) => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'land-supply-ledger';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.key, width: Math.max(10, c.header.length * 2 + 2) }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const row of rows) sheet.addRow(columns.map((c) => row[c.key] ?? null)).commit();
  sheet.commit();
  await workbook.commit();
};

/** An XLSX stream with one sheet: the header row, then one row per row. */
export const xlsxStream = (sheetName: string, columns: readonly ExportColumn[], rows: Rows): Readable => {
  const out = new PassThrough();
  writeXlsx(sheetName, columns, rows, out).catch((error: unknown) => out.destroy(error as Error));
  return out;
};
