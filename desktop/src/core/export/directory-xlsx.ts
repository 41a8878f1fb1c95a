/**
 * XLSX export of a directory list (exceljs): one sheet, a bold frozen header row, column
 * widths from the content, numbers written as numbers (capacities), tags joined.
 */
import type { ContactRecord, DirectoryCollection, VenueRecord } from '@flowstage/shared';
import ExcelJS from 'exceljs';

type Cell = string | number;

const VENUE_COLUMNS: [string, (v: VenueRecord) => Cell][] = [
  ['name', (v) => v.name],
  ['kind', (v) => v.kind],
  ['address', (v) => v.address],
  ['postalCode', (v) => v.postalCode],
  ['city', (v) => v.city],
  ['country', (v) => v.country],
  ['capacityStanding', (v) => v.capacityStanding],
  ['capacitySeated', (v) => v.capacitySeated],
  ['email', (v) => v.email],
  ['phone', (v) => v.phone],
  ['website', (v) => v.website],
  ['tags', (v) => v.tags.join(', ')],
];

const CONTACT_COLUMNS: [string, (c: ContactRecord) => Cell][] = [
  ['firstName', (c) => c.firstName],
  ['lastName', (c) => c.lastName],
  ['role', (c) => c.role],
  ['company', (c) => c.company],
  ['email', (c) => c.email],
  ['phone', (c) => c.phone],
  ['city', (c) => c.city],
  ['country', (c) => c.country],
  ['tags', (c) => c.tags.join(', ')],
];

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** The workbook as bytes (a zip: starts with "PK"). */
export async function directoryXlsx(
  collection: DirectoryCollection,
  records: readonly (VenueRecord | ContactRecord)[],
): Promise<Uint8Array> {
  const columns = (collection === 'venues' ? VENUE_COLUMNS : CONTACT_COLUMNS) as [
    string,
    (r: VenueRecord | ContactRecord) => Cell,
  ][];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Flow Stage';
  const sheet = wb.addWorksheet(collection, { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = records.map((r) => columns.map(([, f]) => f(r)));
  sheet.columns = columns.map(([header], i) => {
    const longest = rows.reduce((w, row) => Math.max(w, String(row[i] ?? '').length), header.length);
    return { header, key: header, width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2)) };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
