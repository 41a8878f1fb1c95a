import type { BackupSummary } from '@flowstage/shared';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { FilePathField } from '../ui/FilePathField';
import { backupPathError } from './backup-form';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

interface RestoreBackupProps {
  /** Explains what restoring does here (before or after sign-in). */
  intro: string;
  /**
   * Called once the core has written the workspace database; returns the message to
   * show, or throws to show an error (for example when the account cannot open it).
   */
  onRestored(summary: BackupSummary): Promise<string>;
  /** Disables the form (the parent is busy). */
  disabled?: boolean;
}

/**
 * "Restore from a backup file": a path → `backup.import`. The core validates the whole
 * file before writing anything and never overwrites a workspace already on this device;
 * every refusal is shown as a translated sentence and changes nothing.
 */
export function RestoreBackup({ intro, onRestored, disabled = false }: RestoreBackupProps) {
  const rpc = useRpc();
  const i18n = useI18n();
  const { t } = i18n;
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<MessageKey | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'busy') return;
    const invalid = backupPathError(path);
    setPathError(invalid);
    if (invalid) {
      input.current?.focus();
      return;
    }
    setStatus({ kind: 'busy' });
    try {
      const summary = await rpc.call('backup.import', { path: path.trim() });
      setStatus({ kind: 'done', message: await onRestored(summary) });
    } catch (err) {
      setStatus({ kind: 'failed', message: errorMessage(i18n, err) });
    }
  };

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className="button button-link restore-open"
        data-testid="restore-open"
        disabled={disabled}
        aria-expanded={false}
        onClick={() => {
          setOpen(true);
          setStatus({ kind: 'idle' });
          // Focus the path once the form is rendered.
          requestAnimationFrame(() => input.current?.focus());
        }}
      >
        {t('restore.open')}
      </button>
    );
  }

  const inputId = `${ids}-path`;
  const titleId = `${ids}-title`;
  const busy = status.kind === 'busy';
  return (
    <form
      className="restore-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={titleId}
      data-testid="restore-form"
    >
      <h2 id={titleId}>{t('restore.title')}</h2>
      <p className="muted">{intro}</p>
      <FilePathField
        id={inputId}
        label={t('restore.path')}
        hint={t('restore.path.hint')}
        error={pathError ? t(pathError) : null}
        testId="restore-path"
        value={path}
        disabled={busy}
        inputRef={input}
        onChange={(value) => {
          setPath(value);
          setPathError(null);
          if (status.kind !== 'busy') setStatus({ kind: 'idle' });
        }}
      />
      {status.kind === 'failed' ? (
        <p className="form-error" role="alert" data-testid="restore-error">
          {status.message}
        </p>
      ) : null}
      {status.kind === 'done' ? (
        <p className="result result-ok" role="status" data-testid="restore-result">
          {status.message}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          data-testid="restore-cancel"
          disabled={busy}
          onClick={() => {
            setOpen(false);
            setPathError(null);
            requestAnimationFrame(() => opener.current?.focus());
          }}
        >
          {status.kind === 'done' ? t('restore.dismiss') : t('restore.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          data-testid="restore-submit"
          disabled={busy || disabled}
        >
          {busy ? t('restore.busy') : t('restore.submit')}
        </button>
      </div>
    </form>
  );
}
