/** The roster's columns as the table's state logic sees them (shared with scripts/bench/table.ts). */
import type { ArtistRow } from '@flowstage/shared';
import type { ColumnSpec } from '../table/state';

export const ROSTER_COLUMN_IDS = [
  'name',
  'kind',
  'genres',
  'fee',
  'draw',
  'home',
  'deals',
  'nextShow',
] as const;
export type RosterColumnId = (typeof ROSTER_COLUMN_IDS)[number];

export const ROSTER_SPECS: readonly ColumnSpec<ArtistRow>[] = [
  { id: 'name', sortValue: (r) => r.name, search: (r) => r.name },
  { id: 'kind', sortValue: (r) => r.kind, facets: (r) => [r.kind] },
  {
    id: 'genres',
    sortValue: (r) => r.genres.join(', '),
    search: (r) => r.genres.join(' '),
    facets: (r) => r.genres,
  },
  { id: 'fee', sortValue: (r) => r.feeMin, range: (r) => [r.feeMin, r.feeMax] },
  { id: 'draw', sortValue: (r) => r.draw },
  {
    id: 'home',
    sortValue: (r) => `${r.homeCity} ${r.homeCountry}`,
    search: (r) => r.homeCity,
    facets: (r) => [r.homeCountry],
  },
  { id: 'deals', sortValue: (r) => r.dealCount },
  { id: 'nextShow', sortValue: (r) => r.nextShow },
];
