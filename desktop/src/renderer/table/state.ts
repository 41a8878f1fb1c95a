/**
 * The data-table's state logic without React: filtering, multi-column sorting, column
 * visibility and saved views. The table component and the benchmark
 * (scripts/bench/table.ts) run these same functions.
 */

export interface SortRule {
  id: string;
  desc: boolean;
}
export type Sorting = SortRule[];

export interface RangeFilter {
  min: number | null;
  max: number | null;
}

export interface TableFilters {
  /** Free text: every word must prefix a word of a searchable column (accents and case folded). */
  text: string;
  /** Column id → the value a row's facets must contain ('' = no filter). */
  facets: Record<string, string>;
  /** Column id → an interval the row's range must overlap. */
  ranges: Record<string, RangeFilter>;
}

export const EMPTY_FILTERS: TableFilters = { text: '', facets: {}, ranges: {} };

export interface ColumnSpec<T> {
  id: string;
  /** The value sorted on; null sorts last whatever the direction. */
  sortValue(row: T): string | number | null;
  /** Text the free-text filter looks in. */
  search?(row: T): string;
  /** Values an equality filter on this column matches (e.g. every genre). */
  facets?(row: T): readonly string[];
  /** [low, high] an interval filter on this column overlaps. */
  range?(row: T): readonly [number, number];
}

/** Lower case, accents removed: "Électro" → "electro". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

export function isFiltered(filters: TableFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    Object.values(filters.facets).some((v) => v !== '') ||
    Object.values(filters.ranges).some((r) => r.min !== null || r.max !== null)
  );
}

export function filterRows<T>(
  rows: readonly T[],
  specs: readonly ColumnSpec<T>[],
  filters: TableFilters,
): T[] {
  const needles = words(filters.text);
  const searchable = specs.filter((s) => s.search);
  const facetChecks = Object.entries(filters.facets)
    .filter(([, value]) => value !== '')
    .flatMap(([id, value]) => {
      const spec = specs.find((s) => s.id === id);
      const wanted = fold(value);
      return spec?.facets ? [{ facets: spec.facets, wanted }] : [];
    });
  const rangeChecks = Object.entries(filters.ranges)
    .filter(([, r]) => r.min !== null || r.max !== null)
    .flatMap(([id, r]) => {
      const spec = specs.find((s) => s.id === id);
      return spec?.range ? [{ range: spec.range, min: r.min ?? -Infinity, max: r.max ?? Infinity }] : [];
    });
  if (needles.length === 0 && facetChecks.length === 0 && rangeChecks.length === 0) return [...rows];
  return rows.filter((row) => {
    for (const check of facetChecks) {
      if (!check.facets(row).some((v) => fold(v) === check.wanted)) return false;
    }
    for (const check of rangeChecks) {
      const [low, high] = check.range(row);
      if (high < check.min || low > check.max) return false;
    }
    if (needles.length > 0) {
      const haystack = words(searchable.map((s) => s.search?.(row) ?? '').join(' '));
      if (!needles.every((n) => haystack.some((w) => w.startsWith(n)))) return false;
    }
    return true;
  });
}

/** Stable multi-column sort; text with the locale's collation (numbers in text numerically). */
export function sortRows<T>(
  rows: readonly T[],
  specs: readonly ColumnSpec<T>[],
  sorting: Sorting,
  locale: string,
): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const keys = sorting.flatMap((rule) => {
    const spec = specs.find((s) => s.id === rule.id);
    return spec ? [{ value: spec.sortValue, sign: rule.desc ? -1 : 1 }] : [];
  });
  if (keys.length === 0) return [...rows];
  // Decorate once: sortValue runs n times per key, not n log n.
  const decorated = rows.map((row, index) => ({ row, index, values: keys.map((k) => k.value(row)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.values[i] ?? null;
      const y = b.values[i] ?? null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      if (c !== 0) return c * (keys[i]?.sign ?? 1);
    }
    return a.index - b.index;
  });
  return decorated.map((d) => d.row);
}

/**
 * A header click: plain click sorts by that column alone (toggling its direction when it
 * already leads alone); shift-click adds it to the sort, toggles it, or removes it after desc.
 */
export function toggleSort(sorting: Sorting, id: string, multi: boolean): Sorting {
  const current = sorting.find((r) => r.id === id);
  if (!multi) return [{ id, desc: current !== undefined && sorting.length === 1 ? !current.desc : false }];
  if (!current) return [...sorting, { id, desc: false }];
  if (!current.desc) return sorting.map((r) => (r.id === id ? { id, desc: true } : r));
  const rest = sorting.filter((r) => r.id !== id);
  return rest.length > 0 ? rest : [{ id, desc: false }];
}

export function ariaSort(sorting: Sorting, id: string): 'ascending' | 'descending' | 'none' {
  const rule = sorting.find((r) => r.id === id);
  return rule ? (rule.desc ? 'descending' : 'ascending') : 'none';
}

export interface SavedView {
  name: string;
  sorting: Sorting;
  filters: TableFilters;
  /** Ids of hidden columns. */
  hidden: string[];
}

export function upsertView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const name = view.name.trim();
  if (name === '') return [...views];
  const next = views.filter((v) => v.name !== name);
  next.push({ ...view, name });
  return next.sort((a, b) => a.name.localeCompare(b.name));
}

export function removeView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((v) => v.name !== name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseSorting(value: unknown): Sorting {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r: unknown) =>
    isRecord(r) && typeof r.id === 'string' ? [{ id: r.id, desc: r.desc === true }] : [],
  );
}

function parseNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function parseFilters(value: unknown): TableFilters {
  if (!isRecord(value)) return EMPTY_FILTERS;
  const facets: Record<string, string> = {};
  if (isRecord(value.facets))
    for (const [k, v] of Object.entries(value.facets)) if (typeof v === 'string') facets[k] = v;
  const ranges: Record<string, RangeFilter> = {};
  if (isRecord(value.ranges))
    for (const [k, v] of Object.entries(value.ranges))
      if (isRecord(v)) ranges[k] = { min: parseNumber(v.min), max: parseNumber(v.max) };
  return { text: typeof value.text === 'string' ? value.text : '', facets, ranges };
}

/** Saved views from stored JSON; anything malformed is dropped, never thrown. */
export function parseViews(json: string | null): SavedView[] {
  if (!json) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) =>
    isRecord(v) && typeof v.name === 'string' && v.name.trim() !== ''
      ? [
          {
            name: v.name.trim(),
            sorting: parseSorting(v.sorting),
            filters: parseFilters(v.filters),
            hidden: Array.isArray(v.hidden) ? v.hidden.filter((h): h is string => typeof h === 'string') : [],
          },
        ]
      : [],
  );
}

/** The rows a scroll position shows, for fixed-height rows: [start, end) plus overscan. */
export function visibleRange(
  count: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  overscan = 8,
): { start: number; end: number } {
  const perView = Math.ceil(viewport / rowHeight);
  // Scrolled past the end (the rows just shrank): show the last screenful.
  const first = Math.min(Math.floor(Math.max(0, scrollTop) / rowHeight), Math.max(0, count - perView));
  const last = first + perView;
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}
