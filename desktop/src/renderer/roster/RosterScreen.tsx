import { ArtistKind, Country } from '@flowstage/shared/domain/enums';
import { type ReactNode, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { useRpc } from '../rpc/react';
import {
  EMPTY_FILTERS,
  filterRows,
  isFiltered,
  removeView,
  type Sorting,
  sortRows,
  type TableFilters,
  upsertView,
} from '../table/state';
import { useTableSettings } from '../table/storage';
import { ArtistEditor } from './ArtistEditor';
import { ROSTER_COLUMN_IDS, ROSTER_SPECS } from './columns';
import { RosterTable } from './RosterTable';
import { useRoster } from './useRoster';

const SEARCH_DEBOUNCE_MS = 150;
const DEFAULT_SORTING: Sorting = [{ id: 'name', desc: false }];
const NO_HIDDEN: readonly string[] = [];

/** Major units typed in a fee filter → minor units (null when empty or not a number). */
function feeBound(text: string): number | null {
  const n = Number(text.replace(/[\s\u00a0\u202f']/g, '').replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) ? null : Math.round(n * 100);
}

export function RosterScreen({ initialSelected }: { initialSelected?: string | undefined } = {}) {
  const i18n = useI18n();
  const { t, plural, locale } = i18n;
  const rpc = useRpc();
  const ids = useId();
  const [scope, setScope] = useState<string | null>(null);
  useEffect(() => {
    rpc.call('session.get', {}).then(
      (s) => setScope(`roster:${s.workspace?.id ?? 'default'}`),
      () => setScope('roster:default'),
    );
  }, [rpc]);
  const settings = useTableSettings(scope, NO_HIDDEN);

  const roster = useRoster('');
  const [filters, setFilters] = useState<TableFilters>(EMPTY_FILTERS);
  const [feeMinText, setFeeMinText] = useState('');
  const [feeMaxText, setFeeMaxText] = useState('');
  const text = useDebouncedValue(filters.text, SEARCH_DEBOUNCE_MS);
  const [sorting, setSorting] = useState<Sorting>(DEFAULT_SORTING);
  const [selectedId, setSelectedId] = useState<string | null>(initialSelected ?? null);
  const [viewName, setViewName] = useState('');
  const [pickerOpen, setPickerOpen] = useState(false);
  const closeEditor = useCallback(() => setSelectedId(null), []);
  useEffect(() => {
    if (!pickerOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setPickerOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pickerOpen]);

  const effective = useMemo<TableFilters>(() => ({ ...filters, text }), [filters, text]);
  const shown = useMemo(
    () => sortRows(filterRows(roster.rows, ROSTER_SPECS, effective), ROSTER_SPECS, sorting, locale),
    [roster.rows, effective, sorting, locale],
  );
  const genres = useMemo(() => {
    const all = new Set<string>();
    for (const row of roster.rows) for (const g of row.genres) all.add(g);
    return [...all].sort((a, b) => a.localeCompare(b, locale));
  }, [roster.rows, locale]);

  const setFacet = (id: string, value: string) =>
    setFilters((f) => ({ ...f, facets: { ...f.facets, [id]: value } }));
  const setFee = (min: string, max: string) => {
    setFeeMinText(min);
    setFeeMaxText(max);
    setFilters((f) => ({ ...f, ranges: { ...f.ranges, fee: { min: feeBound(min), max: feeBound(max) } } }));
  };
  const applyFilters = (next: TableFilters) => {
    setFilters(next);
    const fee = next.ranges.fee;
    setFeeMinText(fee?.min != null ? String(fee.min / 100) : '');
    setFeeMaxText(fee?.max != null ? String(fee.max / 100) : '');
  };
  const applyView = (name: string) => {
    const view = settings.views.find((v) => v.name === name);
    if (!view) return;
    setViewName(view.name);
    setSorting(view.sorting.length > 0 ? view.sorting : DEFAULT_SORTING);
    applyFilters(view.filters);
    settings.setHidden(view.hidden);
  };
  const saveView = () => {
    if (viewName.trim() === '') return;
    settings.setViews(
      upsertView(settings.views, { name: viewName, sorting, filters, hidden: settings.hidden }),
    );
  };
  const toggleColumn = (id: string) =>
    settings.setHidden(
      settings.hidden.includes(id) ? settings.hidden.filter((h) => h !== id) : [...settings.hidden, id],
    );

  const ready = roster.search !== null;
  const state =
    roster.error && !ready ? 'error' : roster.loading || text !== filters.text ? 'loading' : 'ready';

  let body: ReactNode;
  if (!ready && roster.error) {
    body = (
      <div className="empty-state" role="alert" data-testid="roster-error">
        <p>{t('roster.error', { message: errorMessage(i18n, roster.error) })}</p>
        <button type="button" className="button" onClick={roster.reload}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else if (!ready) {
    body = <p className="empty-state muted">{t('roster.loading')}</p>;
  } else if (shown.length === 0) {
    body = (
      <p className="empty-state muted" data-testid="roster-empty">
        {roster.rows.length === 0
          ? t('roster.empty')
          : text
            ? t('roster.noMatch', { search: text })
            : t('roster.noFilterMatch')}
      </p>
    );
  } else {
    body = (
      <RosterTable
        rows={shown}
        sorting={sorting}
        onSortingChange={setSorting}
        hidden={settings.hidden}
        selectedId={selectedId}
        onSelect={setSelectedId}
      />
    );
  }

  const columnLabel = (id: string) => t(`roster.col.${id}` as Parameters<typeof t>[0]);
  return (
    <section
      className="roster"
      data-testid="roster"
      data-state={state}
      data-search={text}
      aria-busy={state === 'loading'}
    >
      <header className="page-header">
        <h1>{t('roster.title')}</h1>
        <span className="page-count" data-testid="roster-count" data-count={shown.length}>
          {ready
            ? isFiltered(effective)
              ? t('roster.shown', { shown: shown.length, total: roster.rows.length })
              : plural('roster.count', roster.rows.length)
            : ''}
        </span>
        <div className="page-header-spacer" />
        <label htmlFor={`${ids}-search`} className="visually-hidden">
          {t('roster.search.label')}
        </label>
        <input
          id={`${ids}-search`}
          className="search-input"
          type="search"
          data-testid="roster-search"
          placeholder={t('roster.search.placeholder')}
          maxLength={200}
          value={filters.text}
          onChange={(event) => {
            const value = event.target.value;
            setFilters((f) => ({ ...f, text: value }));
          }}
        />
      </header>
      <div className="table-toolbar" data-testid="roster-toolbar">
        <label>
          {t('roster.filter.kind')}
          <select
            data-testid="roster-filter-kind"
            value={filters.facets.kind ?? ''}
            onChange={(e) => setFacet('kind', e.target.value)}
          >
            <option value="">{t('roster.filter.any')}</option>
            {ArtistKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('roster.filter.genre')}
          <select
            data-testid="roster-filter-genre"
            value={filters.facets.genres ?? ''}
            onChange={(e) => setFacet('genres', e.target.value)}
          >
            <option value="">{t('roster.filter.any')}</option>
            {genres.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('roster.filter.country')}
          <select
            data-testid="roster-filter-country"
            value={filters.facets.home ?? ''}
            onChange={(e) => setFacet('home', e.target.value)}
          >
            <option value="">{t('roster.filter.any')}</option>
            {Country.options.map((c) => (
              <option key={c} value={c}>
                {t(`country.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('roster.filter.feeMin')}
          <input
            className="fee-filter"
            inputMode="decimal"
            data-testid="roster-filter-fee-min"
            value={feeMinText}
            onChange={(e) => setFee(e.target.value, feeMaxText)}
          />
        </label>
        <label>
          {t('roster.filter.feeMax')}
          <input
            className="fee-filter"
            inputMode="decimal"
            data-testid="roster-filter-fee-max"
            value={feeMaxText}
            onChange={(e) => setFee(feeMinText, e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button"
          data-testid="roster-filter-clear"
          disabled={!isFiltered(filters)}
          onClick={() => applyFilters(EMPTY_FILTERS)}
        >
          {t('roster.filter.clear')}
        </button>
        <div className="column-picker">
          <button
            type="button"
            className="button"
            aria-expanded={pickerOpen}
            data-testid="roster-columns"
            onClick={() => setPickerOpen((o) => !o)}
          >
            {t('roster.columns')}
          </button>
          {pickerOpen ? (
            <fieldset className="column-picker-menu" data-testid="roster-columns-menu">
              <legend className="visually-hidden">{t('roster.columns')}</legend>
              {ROSTER_COLUMN_IDS.filter((id) => id !== 'name').map((id) => (
                <label key={id}>
                  <input
                    type="checkbox"
                    data-testid={`roster-column-toggle-${id}`}
                    checked={!settings.hidden.includes(id)}
                    onChange={() => toggleColumn(id)}
                  />
                  {columnLabel(id)}
                </label>
              ))}
            </fieldset>
          ) : null}
        </div>
        <label>
          {t('roster.views')}
          <select data-testid="roster-view-select" value="" onChange={(e) => applyView(e.target.value)}>
            <option value="">{t('roster.views.none')}</option>
            {settings.views.map((v) => (
              <option key={v.name} value={v.name}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <input
          aria-label={t('roster.views.name')}
          placeholder={t('roster.views.name')}
          data-testid="roster-view-name"
          maxLength={60}
          value={viewName}
          onChange={(e) => setViewName(e.target.value)}
        />
        <button
          type="button"
          className="button"
          data-testid="roster-view-save"
          disabled={viewName.trim() === ''}
          onClick={saveView}
        >
          {t('roster.views.save')}
        </button>
        <button
          type="button"
          className="button button-ghost"
          data-testid="roster-view-delete"
          disabled={!settings.views.some((v) => v.name === viewName.trim())}
          onClick={() => settings.setViews(removeView(settings.views, viewName.trim()))}
        >
          {t('roster.views.delete')}
        </button>
      </div>
      {ready && roster.error ? (
        <div className="banner banner-danger inline-banner" role="alert" data-testid="roster-error">
          {t('roster.error', { message: errorMessage(i18n, roster.error) })}
        </div>
      ) : null}
      <div className="roster-body">
        <div className="table-wrap">{body}</div>
        {selectedId ? <ArtistEditor key={selectedId} id={selectedId} onClose={closeEditor} /> : null}
      </div>
    </section>
  );
}
