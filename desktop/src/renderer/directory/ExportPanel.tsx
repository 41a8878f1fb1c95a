/**
 * Venues and contacts: a searchable, sortable, tag-filtered list (a plain table, to be
 * switched to the shared table later), a detail panel with editing, tags, linked contacts
 * and interaction history, CSV import (mapping → preview → all-or-nothing) and CSV export.
 */
import type { DirectoryCollection } from '@flowstage/shared';
import { useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { useDirT } from './messages';

export function ExportPanel({
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
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [message, setMessage] = useState<string | null>(null);
  const run = async () => {
    try {
      const r = await rpc.call('directory.export', {
        collection,
        format,
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
      <fieldset className="export-format" data-testid="dir-export-format">
        <legend>{dt('export.format')}</legend>
        {(['csv', 'xlsx'] as const).map((f) => (
          <label key={f}>
            <input
              type="radio"
              name="export-format"
              value={f}
              checked={format === f}
              onChange={() => setFormat(f)}
              data-testid={`dir-export-format-${f}`}
            />{' '}
            {dt(f === 'csv' ? 'export.csv' : 'export.xlsx')}
          </label>
        ))}
      </fieldset>
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
