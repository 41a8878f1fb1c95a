import type { ArtistRow } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { ROSTER_SPECS } from '../roster/columns';
import {
  ariaSort,
  EMPTY_FILTERS,
  filterRows,
  isFiltered,
  parseViews,
  removeView,
  sortRows,
  toggleSort,
  upsertView,
  visibleRange,
} from './state';

function row(id: string, over: Partial<ArtistRow> = {}): ArtistRow {
  return {
    id,
    name: `Artist ${id}`,
    kind: 'band',
    genres: ['rock'],
    feeMin: 100_000,
    feeMax: 200_000,
    currency: 'EUR',
    draw: 300,
    homeCity: 'Lyon',
    homeCountry: 'FR',
    updatedAt: '2026-01-01T00:00:00.000Z',
    dealCount: 0,
    nextShow: null,
    ...over,
  };
}

const rows = [
  row('a', {
    name: 'Zéphyr',
    kind: 'solo',
    genres: ['Électro', 'house'],
    homeCity: 'Genève',
    homeCountry: 'CH',
    draw: 50,
  }),
  row('b', { name: 'éclat', feeMin: 500_000, feeMax: 900_000, draw: 800, nextShow: '2026-03-01' }),
  row('c', {
    name: 'Artist 10',
    kind: 'dj',
    genres: ['jazz'],
    homeCity: 'Liège',
    homeCountry: 'BE',
    draw: 800,
  }),
  row('d', { name: 'Artist 9', nextShow: '2026-02-01', draw: 120 }),
];
const ids = (list: readonly ArtistRow[]) => list.map((r) => r.id);

describe('filterRows', () => {
  it('keeps everything without filters, and returns a copy', () => {
    const out = filterRows(rows, ROSTER_SPECS, EMPTY_FILTERS);
    expect(ids(out)).toEqual(['a', 'b', 'c', 'd']);
    expect(out).not.toBe(rows);
    expect(isFiltered(EMPTY_FILTERS)).toBe(false);
  });

  it('matches free text as word prefixes, folding accents and case', () => {
    expect(ids(filterRows(rows, ROSTER_SPECS, { ...EMPTY_FILTERS, text: 'electro' }))).toEqual(['a']);
    expect(ids(filterRows(rows, ROSTER_SPECS, { ...EMPTY_FILTERS, text: 'GEN' }))).toEqual(['a']);
    expect(ids(filterRows(rows, ROSTER_SPECS, { ...EMPTY_FILTERS, text: 'artist 1' }))).toEqual(['c']);
    expect(ids(filterRows(rows, ROSTER_SPECS, { ...EMPTY_FILTERS, text: 'phyr' }))).toEqual([]);
  });

  it('filters by kind, genre and country facets', () => {
    const by = (facets: Record<string, string>) =>
      ids(filterRows(rows, ROSTER_SPECS, { ...EMPTY_FILTERS, facets }));
    expect(by({ kind: 'dj' })).toEqual(['c']);
    expect(by({ genres: 'électro' })).toEqual(['a']);
    expect(by({ home: 'FR' })).toEqual(['b', 'd']);
    expect(by({ home: 'FR', kind: 'solo' })).toEqual([]);
    expect(by({ kind: '' })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps rows whose fee range overlaps the filter', () => {
    const fee = (min: number | null, max: number | null) =>
      ids(filterRows(rows, ROSTER_SPECS, { ...EMPTY_FILTERS, ranges: { fee: { min, max } } }));
    expect(fee(400_000, null)).toEqual(['b']);
    expect(fee(null, 150_000)).toEqual(['a', 'c', 'd']);
    expect(fee(200_000, 500_000)).toEqual(['a', 'b', 'c', 'd']);
    expect(isFiltered({ ...EMPTY_FILTERS, ranges: { fee: { min: 1, max: null } } })).toBe(true);
  });
});

describe('sortRows', () => {
  it('sorts text with the locale collation, numbers inside names numerically', () => {
    expect(ids(sortRows(rows, ROSTER_SPECS, [{ id: 'name', desc: false }], 'fr'))).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
    expect(ids(sortRows(rows, ROSTER_SPECS, [{ id: 'name', desc: true }], 'fr'))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('sorts by several columns, stably, with empty values last in both directions', () => {
    expect(
      ids(
        sortRows(
          rows,
          ROSTER_SPECS,
          [
            { id: 'draw', desc: true },
            { id: 'name', desc: false },
          ],
          'en',
        ),
      ),
    ).toEqual(['c', 'b', 'd', 'a']);
    expect(ids(sortRows(rows, ROSTER_SPECS, [{ id: 'nextShow', desc: false }], 'en'))).toEqual([
      'd',
      'b',
      'a',
      'c',
    ]);
    expect(ids(sortRows(rows, ROSTER_SPECS, [{ id: 'nextShow', desc: true }], 'en'))).toEqual([
      'b',
      'd',
      'a',
      'c',
    ]);
    expect(ids(sortRows(rows, ROSTER_SPECS, [{ id: 'unknown', desc: false }], 'en'))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('filters and sorts 10 000 rows quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      row(`r${i}`, { name: `Name ${(i * 7919) % 10_000}`, draw: i % 997, kind: i % 3 === 0 ? 'dj' : 'band' }),
    );
    const start = performance.now();
    const out = sortRows(
      filterRows(many, ROSTER_SPECS, { ...EMPTY_FILTERS, text: 'name', facets: { kind: 'dj' } }),
      ROSTER_SPECS,
      [{ id: 'name', desc: false }],
      'fr',
    );
    expect(out).toHaveLength(3334);
    expect(out[0]?.name).toBe('Name 0');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('toggleSort and ariaSort', () => {
  it('a click sorts by one column and toggles its direction', () => {
    expect(toggleSort([{ id: 'name', desc: false }], 'draw', false)).toEqual([{ id: 'draw', desc: false }]);
    expect(toggleSort([{ id: 'draw', desc: false }], 'draw', false)).toEqual([{ id: 'draw', desc: true }]);
    expect(toggleSort([{ id: 'draw', desc: true }], 'draw', false)).toEqual([{ id: 'draw', desc: false }]);
  });

  it('shift-click adds, toggles, then removes a column', () => {
    let s = toggleSort([{ id: 'name', desc: false }], 'draw', true);
    expect(s).toEqual([
      { id: 'name', desc: false },
      { id: 'draw', desc: false },
    ]);
    s = toggleSort(s, 'draw', true);
    expect(s[1]).toEqual({ id: 'draw', desc: true });
    s = toggleSort(s, 'draw', true);
    expect(s).toEqual([{ id: 'name', desc: false }]);
    expect(ariaSort(s, 'name')).toBe('ascending');
    expect(ariaSort(s, 'draw')).toBe('none');
    expect(ariaSort([{ id: 'draw', desc: true }], 'draw')).toBe('descending');
  });
});

describe('saved views', () => {
  const view = {
    name: ' Swiss DJs ',
    sorting: [{ id: 'draw', desc: true }],
    filters: { text: '', facets: { home: 'CH', kind: 'dj' }, ranges: { fee: { min: 100, max: null } } },
    hidden: ['deals'],
  };

  it('upserts by trimmed name, sorted, and removes', () => {
    let views = upsertView([], view);
    views = upsertView(views, { ...view, name: 'All', filters: EMPTY_FILTERS });
    views = upsertView(views, { ...view, hidden: [] });
    expect(views.map((v) => v.name)).toEqual(['All', 'Swiss DJs']);
    expect(views[1]?.hidden).toEqual([]);
    expect(upsertView(views, { ...view, name: '  ' })).toHaveLength(2);
    expect(removeView(views, 'All').map((v) => v.name)).toEqual(['Swiss DJs']);
  });

  it('round-trips through JSON and drops anything malformed', () => {
    const stored = JSON.stringify([
      ...upsertView([], view),
      { name: 3 },
      null,
      { name: 'x', sorting: 'bad' },
    ]);
    const parsed = parseViews(stored);
    expect(parsed[0]).toEqual({ ...view, name: 'Swiss DJs' });
    expect(parsed[1]).toEqual({ name: 'x', sorting: [], filters: EMPTY_FILTERS, hidden: [] });
    expect(parseViews('{not json')).toEqual([]);
    expect(parseViews(null)).toEqual([]);
    expect(parseViews('{}')).toEqual([]);
  });
});

describe('visibleRange', () => {
  it('windows fixed-height rows with overscan, clamped', () => {
    expect(visibleRange(10_000, 0, 370, 37, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(10_000, 37_000, 370, 37, 5)).toEqual({ start: 995, end: 1015 });
    expect(visibleRange(20, 10_000, 370, 37, 5)).toEqual({ start: 5, end: 20 });
  });
});
