import type { ArtistRow } from '@flowstage/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Translator } from '../i18n/translate';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../lib/dates';
import { formatMoneyRange } from '../lib/money';
import { type DataColumns, DataTable, type DataTableFeatures } from '../table/DataTable';
import type { Sorting } from '../table/state';

const helper = createColumnHelper<DataTableFeatures, ArtistRow>();
const getRowId = (row: ArtistRow): string => row.id;

export function buildRosterColumns({ t, locale }: Translator): DataColumns<ArtistRow> {
  const numbers = new Intl.NumberFormat(locale);
  const none = t('roster.none');
  const label = (key: Parameters<typeof t>[0]) => ({ header: t(key), meta: { label: t(key) } });
  return helper.columns([
    helper.accessor('name', {
      ...label('roster.col.name'),
      cell: (info) => <span className="cell-name">{info.getValue()}</span>,
    }),
    helper.accessor((row) => t(`kind.${row.kind}`), { id: 'kind', ...label('roster.col.kind') }),
    helper.accessor((row) => row.genres.join(', '), {
      id: 'genres',
      ...label('roster.col.genres'),
      cell: (info) => <span className="cell-muted">{info.getValue() || none}</span>,
    }),
    helper.accessor('feeMin', {
      id: 'fee',
      header: t('roster.col.fee'),
      meta: { align: 'end', label: t('roster.col.fee') },
      cell: (info) => {
        const row = info.row.original;
        return formatMoneyRange(row.feeMin, row.feeMax, row.currency, locale, { compact: true });
      },
    }),
    helper.accessor('draw', {
      header: t('roster.col.draw'),
      meta: { align: 'end', label: t('roster.col.draw') },
      cell: (info) => numbers.format(info.getValue()),
    }),
    helper.accessor((row) => `${row.homeCity} ${row.homeCountry}`, {
      id: 'home',
      ...label('roster.col.home'),
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
      meta: { align: 'end', label: t('roster.col.deals') },
    }),
    helper.accessor((row) => row.nextShow ?? undefined, {
      id: 'nextShow',
      ...label('roster.col.nextShow'),
      cell: (info) => {
        const value = info.getValue();
        return value ? formatDate(value, locale) : <span className="cell-muted">{none}</span>;
      },
    }),
  ]) as DataColumns<ArtistRow>;
}

interface RosterTableProps {
  rows: readonly ArtistRow[];
  sorting: Sorting;
  onSortingChange(sorting: Sorting): void;
  hidden: readonly string[];
  selectedId: string | null;
  onSelect(id: string): void;
}

export function RosterTable({
  rows,
  sorting,
  onSortingChange,
  hidden,
  selectedId,
  onSelect,
}: RosterTableProps) {
  const i18n = useI18n();
  const columns = useMemo(() => buildRosterColumns(i18n), [i18n]);
  return (
    <DataTable
      testId="roster"
      rows={rows}
      columns={columns}
      getRowId={getRowId}
      sorting={sorting}
      onSortingChange={onSortingChange}
      hidden={hidden}
      selectedId={selectedId}
      onOpen={onSelect}
      sortTitle={(column) => i18n.t('roster.sortBy', { column })}
    />
  );
}
