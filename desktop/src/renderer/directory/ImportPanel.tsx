/**
 * Venues and contacts: a searchable, sortable, tag-filtered list (a plain table, to be
 * switched to the shared table later), a detail panel with editing, tags, linked contacts
 * and interaction history, CSV import (mapping → preview → all-or-nothing) and CSV export.
 */
import type { DirectoryCollection, ImportPreview } from '@flowstage/shared';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { type DirKey, useDirT } from './messages';

export function ImportPanel({
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
