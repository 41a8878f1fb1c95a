import { createColumnHelper } from '@tanstack/react-table';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  type DataColumns,
  DataTable,
  type DataTableFeatures,
  ROW_HEIGHT,
  VIRTUALIZE_AFTER,
} from './DataTable';

interface Item {
  id: string;
  name: string;
  size: number;
}

const helper = createColumnHelper<DataTableFeatures, Item>();
const columns = helper.columns([
  helper.accessor('name', { header: 'Name', meta: { label: 'Name' } }),
  helper.accessor('size', { header: 'Size', meta: { label: 'Size', align: 'end' } }),
]) as DataColumns<Item>;

function render(count: number, hidden: string[] = []): string {
  const rows = Array.from({ length: count }, (_, i) => ({ id: `i${i}`, name: `Item ${i}`, size: i }));
  return renderToStaticMarkup(
    createElement(DataTable<Item>, {
      testId: 't',
      rows,
      columns,
      getRowId: (r: Item) => r.id,
      sorting: [{ id: 'size', desc: true }],
      onSortingChange: () => undefined,
      hidden,
      selectedId: 'i1',
      onOpen: () => undefined,
      sortTitle: (label: string) => `Sort by ${label}`,
    }),
  );
}

const rowCount = (html: string) => (html.match(/data-artist-id=/g) ?? []).length;

describe('DataTable', () => {
  it('renders every row of a small table, with aria-sort on headers', () => {
    const html = render(40);
    expect(rowCount(html)).toBe(40);
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('aria-sort="none"');
    expect(html).toContain('data-virtual="false"');
    expect(html).toMatch(/aria-selected="true"[^>]*>/);
  });

  it('renders only a window of 10 000 rows, with a spacer for the rest', () => {
    const html = render(10_000);
    expect(html).toContain('data-virtual="true"');
    expect(html).toContain('data-rows="10000"');
    const n = rowCount(html);
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThan(60);
    expect(html).toContain(`height:${(10_000 - n) * ROW_HEIGHT}px`);
    expect(VIRTUALIZE_AFTER).toBeLessThan(10_000);
  });

  it('hides columns', () => {
    const html = render(3, ['size']);
    expect(html).toContain('data-testid="t-col-name"');
    expect(html).not.toContain('data-testid="t-col-size"');
  });
});
