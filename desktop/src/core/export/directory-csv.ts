/**
 * CSV export of a directory list: UTF-8 with a BOM and `;` separators (French Excel opens
 * it as columns with accents intact), CRLF line ends. XLSX: directory-xlsx.ts.
 */
import type { ContactRecord, DirectoryCollection, VenueRecord } from '@flowstage/shared';
import { toCsv } from '../import/csv';

const VENUE_COLUMNS: [string, (v: VenueRecord) => string][] = [
  ['name', (v) => v.name],
  ['kind', (v) => v.kind],
  ['address', (v) => v.address],
  ['postalCode', (v) => v.postalCode],
  ['city', (v) => v.city],
  ['country', (v) => v.country],
  ['capacityStanding', (v) => String(v.capacityStanding)],
  ['capacitySeated', (v) => String(v.capacitySeated)],
  ['email', (v) => v.email],
  ['phone', (v) => v.phone],
  ['website', (v) => v.website],
  ['tags', (v) => v.tags.join(', ')],
];

const CONTACT_COLUMNS: [string, (c: ContactRecord) => string][] = [
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

export function directoryCsv(
  collection: DirectoryCollection,
  records: readonly (VenueRecord | ContactRecord)[],
): string {
  const columns = (collection === 'venues' ? VENUE_COLUMNS : CONTACT_COLUMNS) as [
    string,
    (r: VenueRecord | ContactRecord) => string,
  ][];
  return `\ufeff${toCsv([columns.map(([h]) => h), ...records.map((r) => columns.map(([, f]) => f(r)))], ';')}`;
}
