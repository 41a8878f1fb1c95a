/**
 * XLSX export of a directory list (exceljs): one sheet, a bold frozen header row, column
 * widths from the content, numbers written as numbers (capacities), tags joined.
 */
import type { ContactRecord, DirectoryCollection, VenueRecord } from '@flowstage/shared';
import { exportTable } from './directory-columns';

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** The workbook as bytes (a zip: starts with "PK"). */
export async function directoryXlsx(
  collection: DirectoryCollection,
  records: readonly (VenueRecord | ContactRecord)[],
): Promise<Uint8Array> {
  const { headers, rows } = exportTable(collection, records);
  // Loaded on the first export, not when the core starts.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Flow Stage';
  const sheet = wb.addWorksheet(collection, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => {
    const longest = rows.reduce((w, row) => Math.max(w, String(row[i] ?? '').length), header.length);
    return { header, key: header, width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2)) };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
