import type { SyncStatus } from '@flowstage/shared';
import { useI18n } from '../i18n/I18nProvider';

/** `stale`: the engine connection is down, so the status shown may be outdated. */
export function SyncBadge({ status, stale = false }: { status: SyncStatus | null; stale?: boolean }) {
  const { t, plural } = useI18n();
  if (!status) return null;
  const details: string[] = [];
  if (status.pendingUpdates > 0) details.push(plural('sync.pending', status.pendingUpdates));
  if (status.lastError) details.push(t('sync.lastError', { message: status.lastError }));
  return (
    <span
      className={`sync-badge sync-${status.overall}${stale ? ' sync-stale' : ''}`}
      data-testid="sync-status"
      data-status={status.overall}
      title={details.join('\n') || undefined}
      role="status"
    >
      <span className="sync-dot" aria-hidden="true" />
      {t(`sync.${status.overall}`)}
      {status.pendingUpdates > 0 ? <span className="sync-pending">{status.pendingUpdates}</span> : null}
    </span>
  );
}
