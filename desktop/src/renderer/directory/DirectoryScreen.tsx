/**
 * Venues and contacts: a searchable, sortable, tag-filtered list (a plain table, to be
 * switched to the shared table later), a detail panel with editing, tags, linked contacts
 * and interaction history, CSV import (mapping → preview → all-or-nothing) and CSV export.
 */
import type { ContactRow, DirectoryCollection, VenueRow } from '@flowstage/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { useRpc, useRpcEvent } from '../rpc/react';
import { type DirKey, useDirT } from './messages';
import './directory.css';

import { DetailPanel } from './DetailPanel';
import { ImportPanel } from './ImportPanel';
import { ExportPanel } from './ExportPanel';
import { useRecordT } from './messages-records';
import { NewRecordDialog } from './NewRecordDialog';
import { PageHeader } from '../ui/PageHeader';
type Sort = 'name' | 'city' | 'updatedAt';
type Row = VenueRow | ContactRow;

function rowName(r: Row): string {
  return 'name' in r ? r.name : `${r.firstName} ${r.lastName}`.trim();
}

export function DirectoryScreen({
  collection,
  initialSelected,
}: {
  collection: DirectoryCollection;
  initialSelected?: string | undefined;
}) {
  const dt = useDirT();
  const i18n = useI18n();
  const rpc = useRpc();
  const [searchInput, setSearchInput] = useState('');
  const search = useDebouncedValue(searchInput.trim(), 250);
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<Sort>('name');
  const [desc, setDesc] = useState(false);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(initialSelected ?? null);
  const [panel, setPanel] = useState<'none' | 'import' | 'export'>('none');
  const rt = useRecordT();
  const [creating, setCreating] = useState(false);
  /** The record just deleted (Undo restores it), or just restored. */
  const [removed, setRemoved] = useState<{ id: string; title: string; restored: boolean } | null>(null);
  const restore = (id: string, title: string) => {
    const call =
      collection === 'venues' ? rpc.call('venue.restore', { id }) : rpc.call('contact.restore', { id });
    call.then(
      () => {
        setRemoved({ id, title, restored: true });
        setSelected(id);
        load();
      },
      (err) => setError(errorMessage(i18n, err)),
    );
  };

  const load = useCallback(() => {
    const params = { ...(search ? { search } : {}), ...(tag ? { tag } : {}), sort, desc };
    const list =
      collection === 'venues' ? rpc.call('venues.list', params) : rpc.call('contacts.list', params);
    list.then(
      (r) => {
        setRows(r);
        setError(null);
      },
      (err) => setError(errorMessage(i18n, err)),
    );
    (collection === 'venues' ? rpc.call('venues.tags', {}) : rpc.call('contacts.tags', {})).then(
      setTags,
      () => {},
    );
  }, [rpc, collection, search, tag, sort, desc, i18n]);
  useEffect(load, [load]);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.length === 0 || collections.includes(collection)) load();
  });

  const sortBy = (s: Sort) => {
    if (s === sort) setDesc(!desc);
    else {
      setSort(s);
      setDesc(false);
    }
  };
  const header = (s: Sort | null, key: DirKey) => (
    <th scope="col" aria-sort={s === sort ? (desc ? 'descending' : 'ascending') : undefined}>
      {s ? (
        <button type="button" className="th-sort" data-testid={`dir-sort-${s}`} onClick={() => sortBy(s)}>
          {dt(key)}
          {s === sort ? (desc ? ' ↓' : ' ↑') : ''}
        </button>
      ) : (
        dt(key)
      )}
    </th>
  );

  return (
    <section className="roster directory" data-testid={`${collection}-screen`}>
      <PageHeader
        title={dt(collection === 'venues' ? 'nav.venues' : 'nav.contacts')}
        count={rows ? dt('count', { n: rows.length }) : null}
        countTestId="dir-count"
      >
        <div className="directory-tools">
          <input
            type="search"
            className="input search-input"
            aria-label={dt('search')}
            placeholder={dt(
              collection === 'venues' ? 'search.placeholder.venues' : 'search.placeholder.contacts',
            )}
            value={searchInput}
            onChange={(e) => setSearchInput(e.target.value)}
            data-testid="dir-search"
          />
          <select
            className="input"
            aria-label={dt('tag')}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            data-testid="dir-tag-filter"
          >
            <option value="">{dt('tag.all')}</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setCreating(true)}
            data-testid="dir-new"
          >
            {rt(collection === 'venues' ? 'new.venues' : 'new.contacts')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setPanel('import')}
            data-testid="dir-import-open"
          >
            {dt('import')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setPanel('export')}
            data-testid="dir-export-open"
          >
            {dt('export')}
          </button>
        </div>
      </PageHeader>
      {creating ? (
        <NewRecordDialog
          collection={collection}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setRemoved(null);
            setSelected(id);
            load();
          }}
        />
      ) : null}
      {removed ? (
        <div className="dir-deleted" role="status" data-testid="dir-deleted">
          <span>{rt(removed.restored ? 'restored' : 'deleted', { name: removed.title })}</span>
          {removed.restored ? null : (
            <button
              type="button"
              className="button"
              onClick={() => restore(removed.id, removed.title)}
              data-testid="dir-undo-delete"
            >
              {rt('undo')}
            </button>
          )}
          <button type="button" className="button button-ghost button-small" onClick={() => setRemoved(null)}>
            {rt('dismiss')}
          </button>
        </div>
      ) : null}
      {panel === 'import' ? (
        <ImportPanel collection={collection} onClose={() => setPanel('none')} onDone={load} />
      ) : null}
      {panel === 'export' ? (
        <ExportPanel collection={collection} search={search} tag={tag} onClose={() => setPanel('none')} />
      ) : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="dir-error">
          {error}
        </p>
      ) : null}
      <div className="roster-body" hidden={panel === 'import'}>
        {rows === null ? (
          <p className="empty-state muted">{dt('loading')}</p>
        ) : rows.length === 0 ? (
          <p className="empty-state muted" data-testid="dir-empty">
            {dt('empty')}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid={`${collection}-table`}>
              <thead>
                <tr>
                  {header('name', 'col.name')}
                  {header('city', 'col.city')}
                  {collection === 'venues' ? header(null, 'col.capacity') : header(null, 'col.company')}
                  {header(null, 'col.email')}
                  {header(null, 'col.tags')}
                  {header('updatedAt', 'col.updatedAt')}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.id}
                    data-row-id={r.id}
                    className={r.id === selected ? 'row-selected' : undefined}
                    onClick={() => setSelected(r.id)}
                    tabIndex={0}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') setSelected(r.id);
                    }}
                  >
                    <td>{rowName(r)}</td>
                    <td>{r.city}</td>
                    <td>
                      {'capacityStanding' in r ? Math.max(r.capacityStanding, r.capacitySeated) : r.company}
                    </td>
                    <td>{r.email}</td>
                    <td>
                      {r.tags.map((t) => (
                        <span key={t} className="chip">
                          {t}
                        </span>
                      ))}
                    </td>
                    <td>{r.updatedAt.slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {selected ? (
          <DetailPanel
            key={selected}
            collection={collection}
            id={selected}
            onClose={() => setSelected(null)}
            onDeleted={(id, title) => {
              setSelected(null);
              setRemoved({ id, title, restored: false });
              load();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
