/**
 * Venues and contacts: a searchable, sortable, tag-filtered list (a plain table, to be
 * switched to the shared table later), a detail panel with editing, tags, linked contacts
 * and interaction history, CSV import (mapping → preview → all-or-nothing) and CSV export.
 */
import { type DirectoryCollection, type Interaction, InteractionKind } from '@flowstage/shared';
import { useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { type DirKey, useDirT } from './messages';

export function History({
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
