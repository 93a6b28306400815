/**
 * The supply report's flat table as CSV (csv-stringify, UTF-8 with a BOM so spreadsheet programs
 * read the Chinese headers) and as XLSX streamed by exceljs' WorkbookWriter: sheet 供应统计 holds
 * the header row and one row per figure line, sheet 说明 the period, scope and the days the figures
 * are counted on. Decimals stay exact: a CSV cell is the report's own decimal string; an XLSX cell
 * is a number shown with its decimals when the number gives the same string back, else the string.
 */
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { csvCell, type ReportColumn, type SupplyReport, type TableCell } from '../../reports/supply.js';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATA_SHEET = '供应统计';
export const NOTES_SHEET = '说明';

export const supplyReportCsv = (report: SupplyReport): string =>
  stringify(
    [
      report.columns.map((c) => c.header),
      ...report.rows.map((row) => report.columns.map((c) => csvCell(row[c.key] ?? null))),
    ],
    { bom: true },
  );

const xlsxCell = (column: ReportColumn, cell: TableCell): string | number | null => {
  if (cell === null || column.kind !== 'decimal' || typeof cell !== 'string') return cell;
  const n = Number(cell);
  return n.toFixed(column.decimals ?? 0) === cell ? n : cell;
};

const numFmt = (column: ReportColumn): string | undefined =>
  column.kind === 'decimal' ? `0.${'0'.repeat(column.decimals ?? 0)}` : column.kind === 'integer' ? '0' : undefined;

/** Writes the workbook to `out` (ended when done); rejects, with `out` destroyed, on a failure. */
export const writeSupplyReportXlsx = async (
  report: SupplyReport,
  out: Writable,
  position: string | null,
): Promise<void> => {
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'land-supply-ledger';
    const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = report.columns.map((c) => {
      const fmt = numFmt(c);
      return { key: c.key, width: Math.max(10, c.header.length * 2 + 2), ...(fmt ? { style: { numFmt: fmt } } : {}) };
    });
    const header = sheet.addRow(report.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for (const row of report.rows) {
      sheet.addRow(report.columns.map((c) => xlsxCell(c, row[c.key] ?? null))).commit();
    }
    sheet.commit();
    const notes = workbook.addWorksheet(NOTES_SHEET);
    notes.columns = [{ width: 24 }, { width: 48 }];
    const { period } = report;
    for (const line of [
      ['报告', '土地市场动态监测分析：供应情况（DOMAIN.md §13，S1 §三）'],
      ['报告期', period.label],
      ['起止日期', `${period.from} 至 ${period.to}`],
      ['应报送日期', period.reportDueOn ?? ''],
      ['行政区', report.jurisdiction ?? '全部（令牌范围）'],
      ['开发进度截至', report.paceAsOf],
      ['问题判定日', report.on],
      ['读取位置', position ?? ''],
    ]) {
      notes.addRow(line).commit();
    }
    notes.commit();
    await workbook.commit();
  } catch (error) {
    out.destroy(error as Error);
    throw error;
  }
};
