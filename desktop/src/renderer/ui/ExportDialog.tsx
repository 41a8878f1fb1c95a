import type { ExportedFile } from '@flowstage/shared';
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatBytes } from '../lib/bytes';
import { useRpc } from '../rpc/react';
import { backupPathError } from '../workspace/backup-form';
import { FilePathField } from './FilePathField';
import { useShowModal } from './Modal';

interface ExportDialogProps {
  title: string;
  /** Options shown above the path (e.g. the period of an avails PDF). */
  children?: ReactNode;
  /** Suggested file name; the path starts as `<home>/Flow Stage/Exports/<fileName>`. */
  fileName: string;
  /** "3 pages", "120 rows": how to describe `ExportedFile.count`, already translated. */
  describeCount(count: number): string;
  /** data-testid prefix: `<testId>`, `<testId>-path-input`, `<testId>-submit`, `<testId>-result`, `<testId>-error`. */
  testId: string;
  onExport(path: string): Promise<ExportedFile>;
  onClose(): void;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; file: ExportedFile }
  | { kind: 'failed'; message: string };

/**
 * Modal dialog saving an export (PDF, XLSX, CSV, text) to a file of this computer. The
 * path starts as the core's default for the suggested name and stays editable.
 */
export function ExportDialog({
  title,
  children,
  fileName,
  describeCount,
  testId,
  onExport,
  onClose,
}: ExportDialogProps) {
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
    rpc.call('exports.defaultPath', { fileName }).then(
      (answer) => {
        if (live) setPath(answer.path);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [rpc, fileName]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'busy') return;
    const invalid = backupPathError(path);
    setPathError(invalid);
    if (invalid) return;
    setStatus({ kind: 'busy' });
    try {
      setStatus({ kind: 'done', file: await onExport(path.trim()) });
    } catch (err) {
      setStatus({ kind: 'failed', message: errorMessage(i18n, err) });
    }
  };

  const busy = status.kind === 'busy';
  const titleId = `${ids}-title`;
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={onClose}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {children}
        <FilePathField
          id={`${ids}-path`}
          label={t('export.path')}
          hint={t('export.path.hint')}
          error={pathError ? t(pathError) : null}
          testId={`${testId}-path`}
          value={path}
          onChange={(value) => {
            setPath(value);
            setPathError(null);
          }}
        />
        {status.kind === 'done' ? (
          <div className="result result-ok" role="status" data-testid={`${testId}-result`}>
            <p className="result-title">{t('export.done', { path: status.file.path })}</p>
            <p className="result-details">
              {t('export.details', {
                size: formatBytes(status.file.bytes, i18n.locale),
                count: describeCount(status.file.count),
              })}
            </p>
          </div>
        ) : null}
        {status.kind === 'failed' ? (
          <p className="form-error" role="alert" data-testid={`${testId}-error`}>
            {status.message}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            data-testid={`${testId}-close`}
            disabled={busy}
            onClick={() => dialog.current?.close()}
          >
            {t('export.close')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            data-testid={`${testId}-submit`}
            disabled={busy}
          >
            {busy ? t('export.busy') : t('export.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
