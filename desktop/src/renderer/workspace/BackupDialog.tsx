import type { BackupSummary } from '@flowstage/shared';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { FilePathField } from '../ui/FilePathField';
import { useShowModal } from '../ui/Modal';
import { backupDetails, backupPathError } from './backup-form';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; summary: BackupSummary }
  | { kind: 'failed'; message: string };

/**
 * Modal dialog exporting the open workspace to one backup file. The path starts as the
 * core's default (`<home>/Flow Stage/Backups/<workspace>-<date>.flowstage`) and can be edited.
 */
export function BackupDialog({ onClose }: { onClose(): void }) {
  const rpc = useRpc();
  const i18n = useI18n();
  const { t } = i18n;
  const ids = useId();
  const dialog = useShowModal();
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<MessageKey | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    let live = true;
    rpc.call('backup.defaultPath', {}).then(
      (answer) => {
        // Never replace what the user has started typing.
        if (live) setPath((current) => (current === '' ? answer.path : current));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [rpc]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'busy') return;
    const invalid = backupPathError(path);
    setPathError(invalid);
    if (invalid) return;
    setStatus({ kind: 'busy' });
    try {
      const summary = await rpc.call('backup.export', { path: path.trim() });
      setStatus({ kind: 'done', summary });
    } catch (err) {
      setStatus({ kind: 'failed', message: errorMessage(i18n, err) });
    }
  };

  const inputId = `${ids}-path`;
  const titleId = `${ids}-title`;
  const busy = status.kind === 'busy';
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      data-testid="backup-dialog"
      onClose={onClose}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('backup.title')}</h2>
        <p className="muted">{t('backup.body')}</p>
        <FilePathField
          id={inputId}
          label={t('backup.path')}
          hint={t('backup.path.hint')}
          error={pathError ? t(pathError) : null}
          testId="backup-path"
          value={path}
          onChange={(value) => {
            setPath(value);
            setPathError(null);
          }}
        />
        {status.kind === 'done' ? (
          <div className="result result-ok" role="status" data-testid="backup-result">
            <p className="result-title">{t('backup.done', { path: status.summary.path })}</p>
            <p className="result-details">{backupDetails(i18n, status.summary)}</p>
          </div>
        ) : null}
        {status.kind === 'failed' ? (
          <p className="form-error" role="alert" data-testid="backup-error">
            {status.message}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            data-testid="backup-close"
            disabled={busy}
            onClick={() => dialog.current?.close()}
          >
            {t('backup.close')}
          </button>
          <button type="submit" className="button button-primary" data-testid="backup-submit" disabled={busy}>
            {busy ? t('backup.busy') : t('backup.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
