import type { SessionState, SyncStatus, WorkspaceDto } from '@flowstage/shared';
import { useId, useState } from 'react';
import { LangSwitch } from '../app/LangSwitch';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useConnectionState, useRpc } from '../rpc/react';
import { RecentEditsButton } from '../edits/EditsProvider';
import { BackupDialog } from './BackupDialog';
import { SyncBadge } from './SyncBadge';

interface TopBarProps {
  session: SessionState;
  workspace: WorkspaceDto;
  sync: SyncStatus | null;
  onSession(state: SessionState): void;
  onError(message: string): void;
}

export function TopBar({ session, workspace, sync, onSession, onError }: TopBarProps) {
  const rpc = useRpc();
  const i18n = useI18n();
  const { t } = i18n;
  const selectId = useId();
  const connection = useConnectionState();
  const [busy, setBusy] = useState(false);
  const [backupOpen, setBackupOpen] = useState(false);

  const run = async (action: () => Promise<SessionState>) => {
    setBusy(true);
    try {
      onSession(await action());
    } catch (err) {
      onError(errorMessage(i18n, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <header className="topbar">
      <div className="brand" data-testid="brand">
        {t('app.name')}
      </div>
      <span className="topbar-divider" aria-hidden="true" />
      {session.workspaces.length > 1 ? (
        <div className="workspace-picker">
          <label htmlFor={selectId} className="visually-hidden">
            {t('workspace.label')}
          </label>
          <select
            id={selectId}
            data-testid="workspace-select"
            value={workspace.id}
            disabled={busy}
            onChange={(event) => {
              const workspaceId = event.target.value;
              void run(() => rpc.call('session.selectWorkspace', { workspaceId }));
            }}
          >
            {session.workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <span className="workspace-name" data-testid="workspace-name">
          {workspace.name}
        </span>
      )}
      <div className="topbar-spacer" />
      <RecentEditsButton />
      <SyncBadge status={sync} stale={connection !== 'open'} />
      <button
        type="button"
        className="button button-ghost"
        data-testid="backup-open"
        aria-haspopup="dialog"
        disabled={busy}
        onClick={() => setBackupOpen(true)}
      >
        {t('topbar.backup')}
      </button>
      {backupOpen ? <BackupDialog key={workspace.id} onClose={() => setBackupOpen(false)} /> : null}
      <LangSwitch />
      {session.user ? (
        <span className="topbar-user" title={t('topbar.signedInAs', { name: session.user.email })}>
          {session.user.name}
        </span>
      ) : null}
      <button
        type="button"
        className="button button-ghost"
        data-testid="signout"
        disabled={busy}
        onClick={() => void run(() => rpc.call('session.signOut', {}))}
      >
        {t('topbar.signOut')}
      </button>
    </header>
  );
}
