/** Pure logic of the backup dialog and the restore form (kept out of the components to be tested). */
import type { BackupSummary, SessionState } from '@flowstage/shared';
import { LocalFilePath } from '@flowstage/shared/rpc/files';
import type { MessageKey } from '../i18n/en';
import type { Translator } from '../i18n/translate';
import { formatBytes } from '../lib/bytes';
import { formatDateTime } from '../lib/dates';

/** The path as typed, checked like the core checks it: a translated reason, or null when valid. */
export function backupPathError(value: string): MessageKey | null {
  const path = value.trim();
  if (path === '') return 'validation.required';
  return LocalFilePath.safeParse(path).success ? null : 'validation.absolutePath';
}

/**
 * What to do once a backup of `workspaceId` is restored: open it (one of the account's
 * workspaces), nothing (it is already the open one), or tell the user the account
 * cannot open it.
 */
export type RestorePlan = 'open' | 'already_open' | 'not_member';

export function restorePlan(session: SessionState, workspaceId: string): RestorePlan {
  if (!session.workspaces.some((w) => w.id === workspaceId)) return 'not_member';
  return session.workspace?.id === workspaceId ? 'already_open' : 'open';
}

/** "3.1 MB · 42 documents · made 1 Feb 2026, 10:30" */
export function backupDetails(translator: Translator, summary: BackupSummary): string {
  return translator.t('backup.details', {
    size: formatBytes(summary.bytes, translator.locale),
    documents: translator.plural('backup.documents', summary.documents),
    date: formatDateTime(summary.createdAt, translator.locale),
  });
}

/** "42 documents" */
export function documentCount(translator: Translator, summary: BackupSummary): string {
  return translator.plural('backup.documents', summary.documents);
}
