/**
 * Venues and contacts: a searchable, sortable, tag-filtered list (a plain table, to be
 * switched to the shared table later), a detail panel with editing, tags, linked contacts
 * and interaction history, CSV import (mapping → preview → all-or-nothing) and CSV export.
 */
import {
  type ContactRecord,
  type ContactRow,
  ContactRole,
  Country,
  type DirectoryCollection,
  type ImportPreview,
  type Interaction,
  InteractionKind,
  type VenueDetail,
  VenueKind,
  type VenueRow,
} from '@flowstage/shared';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { useRpc, useRpcEvent } from '../rpc/react';
import {
  CONTACT_FIELDS,
  contactPatch,
  contactValues,
  type FormErrors,
  type FormValues,
  VENUE_FIELDS,
  venuePatch,
  venueValues,
} from './forms';
import { type DirKey, useDirT } from './messages';
import './directory.css';

type Sort = 'name' | 'city' | 'updatedAt';
type Row = VenueRow | ContactRow;

function rowName(r: Row): string {
  return 'name' in r ? r.name : `${r.firstName} ${r.lastName}`.trim();
}

export function DirectoryScreen({ collection }: { collection: DirectoryCollection }) {
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
  const [selected, setSelected] = useState<string | null>(null);
  const [panel, setPanel] = useState<'none' | 'import' | 'export'>('none');

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
      <header className="page-header">
        <h1>{dt(collection === 'venues' ? 'nav.venues' : 'nav.contacts')}</h1>
        {rows ? (
          <span className="page-count" data-testid="dir-count">
            {dt('count', { n: rows.length })}
          </span>
        ) : null}
        <span className="page-header-spacer" />
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
      </header>
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
          />
        ) : null}
      </div>
    </section>
  );
}

function DetailPanel({
  collection,
  id,
  onClose,
}: {
  collection: DirectoryCollection;
  id: string;
  onClose(): void;
}) {
  const dt = useDirT();
  const i18n = useI18n();
  const rpc = useRpc();
  const [values, setValues] = useState<FormValues | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [linked, setLinked] = useState<ContactRow[]>([]);
  const [history, setHistory] = useState<Interaction[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [venueId, setVenueId] = useState<string | null>(null);

  useEffect(() => {
    const apply = (record: VenueDetail['venue'] | ContactRecord) => {
      setHistory(record.interactions ?? []);
      if ('name' in record) {
        setValues(venueValues(record));
        setTitle(record.name);
      } else {
        setValues(contactValues(record));
        setVenueId(record.venueId);
        setTitle(`${record.firstName} ${record.lastName}`.trim());
      }
    };
    if (collection === 'venues') {
      rpc.call('venue.get', { id }).then(
        (d) => {
          apply(d.venue);
          setLinked(d.contacts);
        },
        (err) => setStatus(errorMessage(i18n, err)),
      );
    } else rpc.call('contact.get', { id }).then(apply, (err) => setStatus(errorMessage(i18n, err)));
  }, [rpc, collection, id, i18n]);

  if (!values) return <aside className="editor-panel">{status ?? dt('loading')}</aside>;

  const fields = collection === 'venues' ? VENUE_FIELDS : CONTACT_FIELDS;
  const save = async () => {
    setStatus(null);
    const built = collection === 'venues' ? venuePatch(values) : contactPatch(values);
    if ('errors' in built) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    try {
      if (collection === 'venues') await rpc.call('venue.update', { id, patch: built.patch as never });
      else await rpc.call('contact.update', { id, patch: built.patch as never });
      setStatus(dt('saved'));
    } catch (err) {
      setStatus(errorMessage(i18n, err));
    }
  };

  const select = (field: string): readonly string[] | null =>
    field === 'kind'
      ? VenueKind.options
      : field === 'role'
        ? ContactRole.options
        : field === 'country'
          ? Country.options
          : null;

  return (
    <aside className="editor-panel directory-detail" data-testid="dir-detail" aria-label={title}>
      <header className="editor-header">
        <h2>{title}</h2>
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={onClose}
          data-testid="dir-detail-close"
        >
          {dt('close')}
        </button>
      </header>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        {fields.map((field) => {
          const options = select(field);
          const inputId = `dir-${field}`;
          const err = errors[field];
          return (
            <div key={field} className={`field${err ? ' field-invalid' : ''}`}>
              <label htmlFor={inputId}>{dt(`field.${field}` as DirKey)}</label>
              {options ? (
                <select
                  id={inputId}
                  className="input"
                  value={values[field]}
                  onChange={(e) => setValues({ ...values, [field]: e.target.value })}
                  data-testid={`${inputId}-input`}
                >
                  {options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={inputId}
                  className="input"
                  value={values[field] ?? ''}
                  aria-invalid={err ? true : undefined}
                  onChange={(e) => setValues({ ...values, [field]: e.target.value })}
                  data-testid={`${inputId}-input`}
                />
              )}
              {err ? (
                <p className="field-error" role="alert" data-testid={`${inputId}-error`}>
                  {dt(err)}
                </p>
              ) : null}
            </div>
          );
        })}
        <div className="editor-actions">
          <button type="submit" className="button button-primary" data-testid="dir-save">
            {dt('save')}
          </button>
          {status ? (
            <span className="editor-status" role="status" data-testid="dir-status">
              {status}
            </span>
          ) : null}
        </div>
      </form>
      {collection === 'contacts' ? (
        <VenuePicker contactId={id} venueId={venueId} onChange={setVenueId} />
      ) : null}
      {collection === 'venues' ? (
        <section data-testid="dir-linked">
          <h3>{dt('linked')}</h3>
          {linked.length === 0 ? (
            <p className="muted">{dt('linked.none')}</p>
          ) : (
            <ul>
              {linked.map((c) => (
                <li key={c.id}>
                  {`${c.firstName} ${c.lastName}`.trim()} — {c.role}
                  {c.email ? ` — ${c.email}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <History collection={collection} id={id} history={history} onChange={setHistory} />
    </aside>
  );
}

function History({
  collection,
  id,
  history,
  onChange,
}: {
  collection: DirectoryCollection;
  id: string;
  history: Interaction[];
  onChange(list: Interaction[]): void;
}) {
  const dt = useDirT();
  const i18n = useI18n();
  const rpc = useRpc();
  const [kind, setKind] = useState<Interaction['kind']>('call');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    if (!text.trim()) {
      setError(dt('error.required'));
      return;
    }
    try {
      const interaction = { kind, date, text: text.trim() };
      const list =
        collection === 'venues'
          ? await rpc.call('venue.addInteraction', { id, interaction })
          : await rpc.call('contact.addInteraction', { id, interaction });
      onChange(list);
      setText('');
      setError(null);
    } catch (err) {
      setError(errorMessage(i18n, err));
    }
  };
  return (
    <section data-testid="dir-history">
      <h3>{dt('history')}</h3>
      <div className="field-row">
        <select
          className="input"
          aria-label={dt('col.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as Interaction['kind'])}
          data-testid="dir-history-kind"
        >
          {InteractionKind.options.map((k) => (
            <option key={k} value={k}>
              {dt(`kind.${k}` as DirKey)}
            </option>
          ))}
        </select>
        <input
          type="date"
          className="input"
          aria-label={dt('history.date')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          data-testid="dir-history-date"
        />
      </div>
      <textarea
        className="input"
        aria-label={dt('history.text')}
        placeholder={dt('history.text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="dir-history-text"
      />
      <button type="button" className="button" onClick={() => void add()} data-testid="dir-history-add">
        {dt('history.add')}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {history.length === 0 ? (
        <p className="muted">{dt('history.none')}</p>
      ) : (
        <ol className="history" data-testid="dir-history-list">
          {history.map((h) => (
            <li key={h.id} data-kind={h.kind}>
              <strong>{h.date}</strong> · {dt(`kind.${h.kind}` as DirKey)} — {h.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ImportPanel({
  collection,
  onClose,
  onDone,
}: {
  collection: DirectoryCollection;
  onClose(): void;
  onDone(): void;
}) {
  const dt = useDirT();
  const i18n = useI18n();
  const rpc = useRpc();
  const [path, setPath] = useState('');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null> | undefined>(undefined);
  const [message, setMessage] = useState<ReactNode>(null);
  const source = (m: Record<string, number | null> | undefined) => ({
    collection,
    ...(text.trim() ? { text } : { path: path.trim() }),
    ...(m ? { mapping: m } : {}),
  });
  const runPreview = async (m: Record<string, number | null> | undefined) => {
    setMessage(null);
    try {
      const p = await rpc.call('directory.importPreview', source(m));
      setPreview(p);
      setMapping(p.mapping);
    } catch (err) {
      setMessage(errorMessage(i18n, err));
    }
  };
  const commit = async () => {
    try {
      const r = await rpc.call('directory.importCommit', source(mapping));
      setPreview(r.preview);
      setMessage(dt('import.done', { n: r.created, d: r.skippedDuplicates }));
      onDone();
    } catch (err) {
      setMessage(errorMessage(i18n, err));
    }
  };
  return (
    <section className="editor-panel import-panel" data-testid="dir-import">
      <header className="editor-header">
        <h2>
          {dt('import.title', {
            what: dt(collection === 'venues' ? 'nav.venues' : 'nav.contacts').toLowerCase(),
          })}
        </h2>
        <button type="button" className="button button-ghost button-small" onClick={onClose}>
          {dt('close')}
        </button>
      </header>
      <label>
        {dt('import.path')}
        <input
          className="input"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          data-testid="dir-import-path"
        />
      </label>
      <label>
        {dt('import.text')}
        <textarea
          className="input"
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="dir-import-text"
        />
      </label>
      <button
        type="button"
        className="button"
        onClick={() => void runPreview(undefined)}
        data-testid="dir-import-preview"
      >
        {dt('import.preview')}
      </button>
      {preview ? (
        <>
          <h3>{dt('import.mapping')}</h3>
          <div className="import-mapping" data-testid="dir-import-mapping">
            {preview.fields.map((f) => (
              <label key={f}>
                {dt(`field.${f}` as DirKey)}
                <select
                  className="input"
                  value={mapping?.[f] ?? ''}
                  data-testid={`dir-map-${f}`}
                  onChange={(e) => {
                    const next = { ...mapping, [f]: e.target.value === '' ? null : Number(e.target.value) };
                    setMapping(next);
                    void runPreview(next);
                  }}
                >
                  <option value="">{dt('import.ignore')}</option>
                  {preview.headers.map((h, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; the index is the column
                    <option key={i} value={i}>
                      {h || `#${i + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <p data-testid="dir-import-summary">{dt('import.summary', preview.counts)}</p>
          <table className="data-table" data-testid="dir-import-report">
            <thead>
              <tr>
                <th>{dt('line')}</th>
                <th>{dt('col.name')}</th>
                <th>{dt('col.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {preview.lines.map((l) => (
                <tr key={l.line} data-status={l.status} data-line={l.line}>
                  <td>{l.line}</td>
                  <td>{l.label}</td>
                  <td>{dt(`status.${l.status}` as DirKey)}</td>
                  <td>
                    {l.issues
                      .map((i) =>
                        i.field === 'record'
                          ? dt(`issue.${i.code}`)
                          : `${dt(`field.${i.field}` as DirKey)}: ${dt(`issue.${i.code}`, { value: i.value })}`,
                      )
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.counts.error > 0 ? (
            <p className="form-error" data-testid="dir-import-blocked">
              {dt('import.blocked')}
            </p>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            disabled={preview.counts.error > 0 || preview.counts.ok === 0}
            onClick={() => void commit()}
            data-testid="dir-import-commit"
          >
            {dt('import.commit', { n: preview.counts.ok })}
          </button>
        </>
      ) : null}
      {message ? (
        <p role="status" data-testid="dir-import-message">
          {message}
        </p>
      ) : null}
    </section>
  );
}

function ExportPanel({
  collection,
  search,
  tag,
  onClose,
}: {
  collection: DirectoryCollection;
  search: string;
  tag: string;
  onClose(): void;
}) {
  const dt = useDirT();
  const i18n = useI18n();
  const rpc = useRpc();
  const [path, setPath] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const run = async () => {
    try {
      const r = await rpc.call('directory.export', {
        collection,
        format: 'csv',
        path: path.trim(),
        ...(search ? { search } : {}),
        ...(tag ? { tag } : {}),
      });
      setMessage(dt('export.done', { n: r.rows, path: r.path }));
    } catch (err) {
      setMessage(errorMessage(i18n, err));
    }
  };
  return (
    <section className="editor-panel export-panel" data-testid="dir-export">
      <header className="editor-header">
        <h2>{dt('export')}</h2>
        <button type="button" className="button button-ghost button-small" onClick={onClose}>
          {dt('close')}
        </button>
      </header>
      <p className="muted">{dt('export.note')}</p>
      <label>
        {dt('export.path')}
        <input
          className="input"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          data-testid="dir-export-path"
        />
      </label>
      <button
        type="button"
        className="button button-primary"
        onClick={() => void run()}
        data-testid="dir-export-submit"
      >
        {dt('export')}
      </button>
      {message ? (
        <p role="status" data-testid="dir-export-message">
          {message}
        </p>
      ) : null}
    </section>
  );
}

/** The venue a contact works at: shown by name, changed by searching venues. */
function VenuePicker({
  contactId,
  venueId,
  onChange,
}: {
  contactId: string;
  venueId: string | null;
  onChange(id: string | null): void;
}) {
  const dt = useDirT();
  const i18n = useI18n();
  const rpc = useRpc();
  const [name, setName] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const search = useDebouncedValue(query.trim(), 250);
  const [matches, setMatches] = useState<VenueRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!venueId) {
      setName(null);
      return;
    }
    rpc.call('venue.get', { id: venueId }).then(
      (d) => setName(`${d.venue.name}, ${d.venue.city}`),
      () => setName(venueId),
    );
  }, [rpc, venueId]);
  useEffect(() => {
    if (!search) {
      setMatches([]);
      return;
    }
    rpc.call('venues.list', { search }).then(
      (r) => setMatches(r.slice(0, 8)),
      () => setMatches([]),
    );
  }, [rpc, search]);
  const link = async (id: string | null) => {
    try {
      await rpc.call('contact.update', { id: contactId, patch: { venueId: id } });
      onChange(id);
      setQuery('');
      setError(null);
    } catch (err) {
      setError(errorMessage(i18n, err));
    }
  };
  return (
    <section data-testid="dir-venue-link">
      <h3>{dt('venue')}</h3>
      <p data-testid="dir-venue-current">
        {name ?? <span className="muted">{dt('venue.none')}</span>}{' '}
        {venueId ? (
          <button type="button" className="button button-ghost button-small" onClick={() => void link(null)}>
            {dt('venue.unlink')}
          </button>
        ) : null}
      </p>
      <input
        type="search"
        className="input"
        aria-label={dt('venue.search')}
        placeholder={dt('venue.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="dir-venue-search"
      />
      <ul className="venue-matches">
        {matches.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => void link(v.id)}
              data-testid="dir-venue-match"
            >
              {v.name}, {v.city}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
