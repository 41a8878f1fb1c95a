import { RpcCallError } from '../rpc/errors';
import type { MessageKey } from './en';
import type { Translator } from './translate';

const ERROR_KEYS: Readonly<Record<string, MessageKey>> = {
  invalid_credentials: 'error.invalid_credentials',
  email_taken: 'error.email_taken',
  network: 'error.network',
  rate_limited: 'error.rate_limited',
  disconnected: 'error.disconnected',
  timeout: 'error.timeout',
  invalid_params: 'error.invalid_params',
  not_found: 'error.not_found',
  artist_no_home: 'error.artist_no_home',
  distances_unavailable: 'error.distances_unavailable',
  edit_not_saved: 'error.edit_not_saved',
  no_workspace: 'error.no_workspace',
  file_unwritable: 'error.file_unwritable',
  // Backup export / import (desktop/src/core/backup): `backup_<BackupErrorCode>`.
  backup_not_found: 'error.backup_not_found',
  backup_unreadable: 'error.backup_unreadable',
  backup_not_a_backup: 'error.backup_not_a_backup',
  backup_unsupported_version: 'error.backup_unsupported_version',
  backup_truncated: 'error.backup_truncated',
  backup_corrupt: 'error.backup_corrupt',
  backup_invalid_header: 'error.backup_invalid_header',
  backup_invalid_document: 'error.backup_invalid_document',
  backup_missing_root: 'error.backup_missing_root',
  backup_exists: 'error.backup_exists',
  backup_write_failed: 'error.backup_write_failed',
  backup_not_member: 'error.backup_not_member',
};

/** A sentence for the user from any failure: known RPC codes are translated, others show their message. */
export function errorMessage(translator: Translator, err: unknown): string {
  if (err instanceof RpcCallError) {
    const key = ERROR_KEYS[err.code];
    if (key) return translator.t(key);
    return translator.t('error.unknown', { message: err.message || err.code });
  }
  return translator.t('error.unknown', { message: err instanceof Error ? err.message : String(err) });
}
