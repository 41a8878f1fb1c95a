import type { ArtistRow } from '@flowstage/shared';
import {
  createColumnHelper,
  createSortedRowModel,
  FlexRender,
  metaHelper,
  type OnChangeFn,
  type Row,
  rowSortingFeature,
  type SortingState,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { memo, useMemo } from 'react';
import type { Translator } from '../i18n/translate';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../lib/dates';
import { formatMoneyRange } from '../lib/money';

interface ColumnMeta {
  align?: 'end';
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic },
  columnMeta: metaHelper<ColumnMeta>(),
});
type Features = typeof features;

const helper = createColumnHelper<Features, ArtistRow>();
const getRowId = (row: ArtistRow): string => row.id;

function buildColumns({ t, locale }: Translator) {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const numbers = new Intl.NumberFormat(locale);
  const byText = (a: Row<Features, ArtistRow>, b: Row<Features, ArtistRow>, id: string) =>
    collator.compare(String(a.getValue<string>(id) ?? ''), String(b.getValue<string>(id) ?? ''));
  const none = t('roster.none');
  return helper.columns([
    helper.accessor('name', {
      header: t('roster.col.name'),
      sortFn: byText,
      cell: (info) => <span className="cell-name">{info.getValue()}</span>,
    }),
    helper.accessor((row) => t(`kind.${row.kind}`), {
      id: 'kind',
      header: t('roster.col.kind'),
      sortFn: byText,
    }),
    helper.accessor((row) => row.genres.join(', '), {
      id: 'genres',
      header: t('roster.col.genres'),
      sortFn: byText,
      cell: (info) => <span className="cell-muted">{info.getValue() || none}</span>,
    }),
    helper.accessor('feeMin', {
      id: 'fee',
      header: t('roster.col.fee'),
      sortFn: 'basic',
      meta: { align: 'end' },
      cell: (info) => {
        const row = info.row.original;
        return formatMoneyRange(row.feeMin, row.feeMax, row.currency, locale, { compact: true });
      },
    }),
    helper.accessor('draw', {
      header: t('roster.col.draw'),
      sortFn: 'basic',
      meta: { align: 'end' },
      cell: (info) => numbers.format(info.getValue()),
    }),
    helper.accessor((row) => `${row.homeCity} ${row.homeCountry}`, {
      id: 'home',
      header: t('roster.col.home'),
      sortFn: byText,
      cell: (info) => {
        const row = info.row.original;
        return (
          <span title={t(`country.${row.homeCountry}`)}>
            {row.homeCity || none} <span className="cell-muted">{row.homeCountry}</span>
          </span>
        );
      },
    }),
    helper.accessor('dealCount', {
      id: 'deals',
      header: t('roster.col.deals'),
      sortFn: 'basic',
      meta: { align: 'end' },
    }),
    helper.accessor((row) => row.nextShow ?? undefined, {
      id: 'nextShow',
      header: t('roster.col.nextShow'),
      sortFn: byText,
      sortUndefined: 'last',
      cell: (info) => {
        const value = info.getValue();
        return value ? formatDate(value, locale) : <span className="cell-muted">{none}</span>;
      },
    }),
  ]);
}

interface RosterTableProps {
  rows: ArtistRow[];
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  selectedId: string | null;
  onSelect(id: string): void;
}

export function RosterTable({ rows, sorting, onSortingChange, selectedId, onSelect }: RosterTableProps) {
  const i18n = useI18n();
  const columns = useMemo(() => buildColumns(i18n), [i18n]);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId,
    state: { sorting },
    onSortingChange,
    enableSortingRemoval: false,
  });

  return (
    <table className="data-table" data-testid="roster-table">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const align = header.column.columnDef.meta?.align;
              return (
                <th
                  key={header.id}
                  className={align === 'end' ? 'align-end' : undefined}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  data-testid={`roster-col-${header.column.id}`}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={header.column.getToggleSortingHandler()}
                    title={i18n.t('roster.sortBy', { column: String(header.column.columnDef.header ?? '') })}
                  >
                    <table.FlexRender header={header} />
                    <span className={`sort-indicator${sorted ? ' sort-active' : ''}`} aria-hidden="true">
                      {sorted === 'desc' ? '▼' : '▲'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <RosterRow key={row.id} row={row} selected={row.id === selectedId} onSelect={onSelect} />
        ))}
      </tbody>
    </table>
  );
}

interface RosterRowProps {
  row: Row<Features, ArtistRow>;
  selected: boolean;
  onSelect(id: string): void;
}

/** Memoized: selecting a row re-renders two rows, not the whole roster. */
const RosterRow = memo(function RosterRow({ row, selected, onSelect }: RosterRowProps) {
  return (
    <tr
      className={selected ? 'row-selected' : undefined}
      data-testid={`roster-row-${row.id}`}
      data-artist-id={row.id}
      aria-selected={selected}
      onClick={() => onSelect(row.id)}
    >
      {row.getAllCells().map((cell, index) => {
        const align = cell.column.columnDef.meta?.align;
        return (
          <td key={cell.id} className={align === 'end' ? 'align-end' : undefined}>
            {index === 0 ? (
              <button
                type="button"
                className="row-open"
                data-testid={`roster-open-${row.id}`}
                onClick={(event) => {
                  event.stopPropagation();
                  onSelect(row.id);
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
});
