/** The list of this device's recent edits (most recent first), with undo and redo. */
import type { EditSummary, RecentEdits } from '@flowstage/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../lib/dates';
import { useRpc, useRpcEvent } from '../rpc/react';
import { Modal } from '../ui/Modal';
import { editHref, editLabel } from './label';
import { useEditsT } from './messages';

interface Props {
  onClose(): void;
  onUndo(): void;
  onRedo(): void;
}

export function RecentEditsDialog({ onClose, onUndo, onRedo }: Props) {
  const rpc = useRpc();
  const i18n = useI18n();
  const t = useEditsT();
  const [recent, setRecent] = useState<RecentEdits | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    rpc.call('edits.recent', {}).then(setRecent, (err: unknown) => setError(errorMessage(i18n, err)));
  }, [rpc, i18n]);
  useEffect(load, [load]);
  useRpcEvent('data.changed', load);

  const item = (e: EditSummary) => {
    const href = editHref(e);
    return (
      <li key={e.seq} className="recent-edit" data-testid="recent-edit">
        <span className="recent-edit-label">{editLabel(e, t)}</span>
        <time className="muted" dateTime={e.at}>
          {formatDateTime(e.at, i18n.locale)}
        </time>
        {href ? (
          <a href={href} onClick={onClose} className="recent-edit-open">
            {t('recent.open')}
          </a>
        ) : null}
      </li>
    );
  };

  return (
    <Modal title={t('recent.title')} testId="recent-edits" className="recent-edits" onClose={onClose}>
      {error ? <p role="alert">{error}</p> : null}
      {recent && recent.undo.length === 0 && recent.redo.length === 0 ? (
        <p className="muted">{t('recent.empty')}</p>
      ) : null}
      {recent && recent.undo.length > 0 ? (
        <ol className="recent-edit-list">{recent.undo.map(item)}</ol>
      ) : null}
      {recent && recent.redo.length > 0 ? (
        <>
          <h3>{t('recent.undone')}</h3>
          <ol className="recent-edit-list recent-edit-list-undone">{recent.redo.map(item)}</ol>
        </>
      ) : null}
      <p className="muted">{t('recent.note')}</p>
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          disabled={!recent?.undo.length}
          onClick={onUndo}
          data-testid="recent-edits-undo"
        >
          {t('undo')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!recent?.redo.length}
          onClick={onRedo}
          data-testid="recent-edits-redo"
        >
          {t('redo')}
        </button>
        <button
          type="button"
          className="button button-ghost"
          onClick={onClose}
          data-testid="recent-edits-close"
        >
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}
