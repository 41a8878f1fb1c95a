/**
 * The columns of a directory export (CSV and XLSX write the same ones): a header (the
 * field name, which the CSV import maps back) and a cell, numbers kept as numbers.
 */
import type { ContactRecord, DirectoryCollection, VenueRecord } from '@flowstage/shared';

export type ExportCell = string | number;
type DirectoryRecord = VenueRecord | ContactRecord;
export type ExportColumn = readonly [header: string, cell: (r: DirectoryRecord) => ExportCell];

const VENUE_COLUMNS: (readonly [string, (v: VenueRecord) => ExportCell])[] = [
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

const CONTACT_COLUMNS: (readonly [string, (c: ContactRecord) => ExportCell])[] = [
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

export function exportColumns(collection: DirectoryCollection): readonly ExportColumn[] {
  return (collection === 'venues' ? VENUE_COLUMNS : CONTACT_COLUMNS) as readonly ExportColumn[];
}

/** Header row, then one row of cells per record. */
export function exportTable(
  collection: DirectoryCollection,
  records: readonly DirectoryRecord[],
): { headers: string[]; rows: ExportCell[][] } {
  const columns = exportColumns(collection);
  return { headers: columns.map(([h]) => h), rows: records.map((r) => columns.map(([, cell]) => cell(r))) };
}
