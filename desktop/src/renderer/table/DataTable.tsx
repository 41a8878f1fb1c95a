/**
 * A reusable data-table: @tanstack/react-table for columns, cells and visibility; rows
 * already filtered and sorted by ./state (so the benchmark measures the same code);
 * fixed-height row windowing past VIRTUALIZE_AFTER rows; sortable headers (click,
 * shift-click for multi-sort, aria-sort); arrow keys move, Enter opens.
 */
import {
  type ColumnDef,
  type ColumnVisibilityState,
  columnVisibilityFeature,
  FlexRender,
  metaHelper,
  type Row,
  type RowData,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import {
  type KeyboardEvent,
  memo,
  type ReactElement,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ariaSort, type Sorting, toggleSort, visibleRange } from './state';

export interface DataColumnMeta {
  align?: 'end';
  /** Plain-text header (for titles and the column picker). */
  label: string;
}

export const dataTableFeatures = tableFeatures({
  columnVisibilityFeature,
  columnMeta: metaHelper<DataColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;
// biome-ignore lint/suspicious/noExplicitAny: column value types differ per column
export type DataColumns<T extends RowData> = ColumnDef<DataTableFeatures, T, any>[];

export const ROW_HEIGHT = 37;
/** Up to this many rows everything renders (small rosters, find-in-page); beyond, only the window. */
export const VIRTUALIZE_AFTER = 200;

interface DataTableProps<T extends RowData> {
  testId: string;
  rows: readonly T[];
  columns: DataColumns<T>;
  getRowId(row: T): string;
  sorting: Sorting;
  onSortingChange(sorting: Sorting): void;
  hidden: readonly string[];
  selectedId: string | null;
  onOpen(id: string): void;
  sortTitle(label: string): string;
}

export function DataTable<T extends RowData>({
  testId,
  rows,
  columns,
  getRowId,
  sorting,
  onSortingChange,
  hidden,
  selectedId,
  onOpen,
  sortTitle,
}: DataTableProps<T>) {
  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => Object.fromEntries(hidden.map((id) => [id, false])),
    [hidden],
  );
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows as T[],
    getRowId: (row: T) => getRowId(row),
    state: { columnVisibility },
  });
  const modelRows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const [activeIndex, setActiveIndex] = useState(-1);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || 800);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  useEffect(() => {
    if (activeIndex >= modelRows.length) setActiveIndex(modelRows.length - 1);
  }, [activeIndex, modelRows.length]);

  const virtual = modelRows.length > VIRTUALIZE_AFTER;
  const { start, end } = virtual
    ? visibleRange(modelRows.length, scrollTop, viewport, ROW_HEIGHT)
    : { start: 0, end: modelRows.length };
  const visibleColumns = table.getVisibleLeafColumns();

  const scrollToIndex = useCallback((index: number) => {
    const el = scroller.current;
    if (!el) return;
    const header = el.querySelector('thead')?.getBoundingClientRect().height ?? ROW_HEIGHT;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT + header > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT + header - el.clientHeight;
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (modelRows.length === 0) return;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: modelRows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      const index = Math.min(modelRows.length - 1, Math.max(0, target));
      setActiveIndex(index);
      scrollToIndex(index);
      return;
    }
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName !== 'BUTTON') {
      const row = modelRows[activeIndex];
      if (row) {
        event.preventDefault();
        onOpen(row.id);
      }
    }
  };

  const activeId = modelRows[activeIndex]?.id;
  return (
    <div
      ref={scroller}
      className="data-table-scroll"
      style={{ height: '100%', overflow: 'auto' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid={`${testId}-scroll`}
    >
      <table
        className="data-table"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a data grid with arrow-key navigation
        role="grid"
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid={`${testId}-table`}
        data-rows={modelRows.length}
        data-virtual={virtual}
        aria-rowcount={modelRows.length + 1}
        aria-activedescendant={activeId ? `${testId}-row-${activeId}` : undefined}
      >
        <thead>
          <tr>
            {table.getFlatHeaders().flatMap((header) => {
              if (!header.column.getIsVisible()) return [];
              const id = header.column.id;
              const meta = header.column.columnDef.meta;
              const sorted = ariaSort(sorting, id);
              const order = sorting.length > 1 ? sorting.findIndex((r) => r.id === id) + 1 : 0;
              return [
                <th
                  key={header.id}
                  className={meta?.align === 'end' ? 'align-end' : undefined}
                  aria-sort={sorted}
                  data-testid={`${testId}-col-${id}`}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={(e) => onSortingChange(toggleSort(sorting, id, e.shiftKey))}
                    title={sortTitle(meta?.label ?? id)}
                  >
                    <FlexRender header={header} />
                    <span
                      className={`sort-indicator${sorted !== 'none' ? ' sort-active' : ''}`}
                      aria-hidden="true"
                    >
                      {sorted === 'descending' ? '▼' : '▲'}
                      {order > 0 ? <sup>{order}</sup> : null}
                    </span>
                  </button>
                </th>,
              ];
            })}
          </tr>
        </thead>
        <tbody>
          {start > 0 ? (
            <tr className="table-spacer" style={{ height: start * ROW_HEIGHT }}>
              <td colSpan={visibleColumns.length} />
            </tr>
          ) : null}
          {modelRows.slice(start, end).map((row, offset) => (
            <DataRow
              key={row.id}
              testId={testId}
              row={row}
              index={start + offset}
              selected={row.id === selectedId}
              active={start + offset === activeIndex}
              visibility={columnVisibility}
              onOpen={onOpen}
              onActivate={setActiveIndex}
            />
          ))}
          {end < modelRows.length ? (
            <tr className="table-spacer" style={{ height: (modelRows.length - end) * ROW_HEIGHT }}>
              <td colSpan={visibleColumns.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

interface DataRowProps<T extends RowData> {
  testId: string;
  row: Row<DataTableFeatures, T>;
  index: number;
  selected: boolean;
  active: boolean;
  /** Only to re-render memoized rows when columns show or hide. */
  visibility: ColumnVisibilityState;
  onOpen(id: string): void;
  onActivate(index: number): void;
}

/** Memoized: moving the selection re-renders two rows, not the whole table. */
const DataRow = memo(function DataRow<T extends RowData>({
  testId,
  row,
  index,
  selected,
  active,
  onOpen,
  onActivate,
}: DataRowProps<T>) {
  const classes = [selected ? 'row-selected' : '', active ? 'row-active' : ''].filter(Boolean).join(' ');
  return (
    <tr
      id={`${testId}-row-${row.id}`}
      className={classes || undefined}
      style={{ height: ROW_HEIGHT }}
      data-testid={`${testId}-row-${row.id}`}
      data-artist-id={row.id}
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={selected}
      onClick={() => {
        onActivate(index);
        onOpen(row.id);
      }}
    >
      {row.getVisibleCells().map((cell, i) => {
        const align = cell.column.columnDef.meta?.align;
        return (
          <td key={cell.id} className={align === 'end' ? 'align-end' : undefined}>
            {i === 0 ? (
              <button
                type="button"
                className="row-open"
                tabIndex={-1}
                data-testid={`${testId}-open-${row.id}`}
                onClick={(event) => {
                  event.stopPropagation();
                  onActivate(index);
                  onOpen(row.id);
                }}
              >
                <FlexRender cell={cell} />
              </button>
            ) : (
              <FlexRender cell={cell} />
            )}
          </td>
        );
      })}
    </tr>
  );
}) as <T extends RowData>(props: DataRowProps<T>) => ReactElement;
