import type { BackupSummary, SessionState } from '@flowstage/shared';
import { useState } from 'react';
import { LangSwitch } from '../app/LangSwitch';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { RpcCallError } from '../rpc/errors';
import { useRpc } from '../rpc/react';
import { documentCount, restorePlan } from './backup-form';
import { RestoreBackup } from './RestoreBackup';

/** Signed in but no workspace open: pick one of the account's agencies. */
export function WorkspaceChooser({
  session,
  onSession,
}: {
  session: SessionState;
  onSession(state: SessionState): void;
}) {
  const rpc = useRpc();
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<SessionState>) => {
    setBusy(true);
    setError(null);
    try {
      onSession(await action());
    } catch (err) {
      setError(errorMessage(i18n, err));
    } finally {
      setBusy(false);
    }
  };

  // The core refuses (backup_not_member) a backup of another agency before writing it;
  // checked again here against the session the chooser shows.
  const restored = async (summary: BackupSummary): Promise<string> => {
    const plan = restorePlan(session, summary.workspaceId);
    if (plan === 'not_member') {
      throw new RpcCallError('backup_not_member', 'this account cannot open the restored workspace');
    }
    const message = t('restore.done', { name: summary.name, documents: documentCount(i18n, summary) });
    if (plan === 'open') {
      onSession(await rpc.call('session.selectWorkspace', { workspaceId: summary.workspaceId }));
    }
    return message;
  };

  const none = session.workspaces.length === 0;
  return (
    <div className="center-screen" data-testid="workspace-chooser">
      <div className="card card-narrow">
        <div className="brand brand-large">{t('app.name')}</div>
        <h1>{none ? t('workspace.none.title') : t('workspace.choose.title')}</h1>
        <p>{none ? t('workspace.none.body') : t('workspace.choose.body')}</p>
        {none ? null : (
          <ul className="choice-list">
            {session.workspaces.map((w) => (
              <li key={w.id}>
                <button
                  type="button"
                  className="choice"
                  disabled={busy}
                  data-testid={`workspace-choice-${w.id}`}
                  onClick={() => void act(() => rpc.call('session.selectWorkspace', { workspaceId: w.id }))}
                >
                  <span className="choice-title">{w.name}</span>
                  <span className="choice-meta">{t(`workspace.role.${w.role}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {error ? (
          <p className="form-error" role="alert" data-testid="workspace-error">
            {error}
          </p>
        ) : null}
        <div className="restore-section">
          <RestoreBackup intro={t('restore.body')} onRestored={restored} disabled={busy} />
        </div>
        <div className="card-actions">
          <LangSwitch />
          <button
            type="button"
            className="button button-ghost"
            data-testid="signout"
            disabled={busy}
            onClick={() => void act(() => rpc.call('session.signOut', {}))}
          >
            {t('topbar.signOut')}
          </button>
        </div>
      </div>
    </div>
  );
}
