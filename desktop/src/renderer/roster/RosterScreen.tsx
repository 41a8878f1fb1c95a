import type { SortingState } from '@tanstack/react-table';
import { type ReactNode, useCallback, useId, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { ArtistEditor } from './ArtistEditor';
import { RosterTable } from './RosterTable';
import { useRoster } from './useRoster';

const SEARCH_DEBOUNCE_MS = 250;

export function RosterScreen() {
  const i18n = useI18n();
  const { t, plural } = i18n;
  const searchId = useId();
  const [searchInput, setSearchInput] = useState('');
  const search = useDebouncedValue(searchInput.trim(), SEARCH_DEBOUNCE_MS);
  const roster = useRoster(search);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const closeEditor = useCallback(() => setSelectedId(null), []);

  const ready = roster.search !== null;
  const state =
    roster.error && !ready ? 'error' : roster.loading || search !== roster.search ? 'loading' : 'ready';

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
  } else if (roster.rows.length === 0) {
    body = (
      <p className="empty-state muted" data-testid="roster-empty">
        {roster.search ? t('roster.noMatch', { search: roster.search }) : t('roster.empty')}
      </p>
    );
  } else {
    body = (
      <RosterTable
        rows={roster.rows}
        sorting={sorting}
        onSortingChange={setSorting}
        selectedId={selectedId}
        onSelect={setSelectedId}
      />
    );
  }

  return (
    <section
      className="roster"
      data-testid="roster"
      data-state={state}
      data-search={roster.search ?? ''}
      aria-busy={state === 'loading'}
    >
      <header className="page-header">
        <h1>{t('roster.title')}</h1>
        <span className="page-count" data-testid="roster-count" data-count={roster.rows.length}>
          {ready ? plural('roster.count', roster.rows.length) : ''}
        </span>
        <div className="page-header-spacer" />
        <label htmlFor={searchId} className="visually-hidden">
          {t('roster.search.label')}
        </label>
        <input
          id={searchId}
          className="search-input"
          type="search"
          data-testid="roster-search"
          placeholder={t('roster.search.placeholder')}
          maxLength={200}
          value={searchInput}
          onChange={(event) => setSearchInput(event.target.value)}
        />
      </header>
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
