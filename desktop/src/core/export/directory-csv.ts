/**
 * CSV export of a directory list: UTF-8 with a BOM and `;` separators (French Excel opens
 * it as columns with accents intact), CRLF line ends. XLSX: directory-xlsx.ts.
 */
import type { ContactRecord, DirectoryCollection, VenueRecord } from '@flowstage/shared';
import { toCsv } from '../import/csv';
import { exportTable } from './directory-columns';

export function directoryCsv(
  collection: DirectoryCollection,
  records: readonly (VenueRecord | ContactRecord)[],
): string {
  const { headers, rows } = exportTable(collection, records);
  return `\ufeff${toCsv([headers, ...rows.map((row) => row.map(String))], ';')}`;
}
