import type { BackupSummary, SessionState } from '@flowstage/shared';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { AuthScreen } from '../auth/AuthScreen';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { RpcCallError } from '../rpc/errors';
import { useConnectionState, useOnReconnect, useRpc, useRpcEvent } from '../rpc/react';
import { restorePlan } from '../workspace/backup-form';
import { WorkspaceApp } from '../workspace/WorkspaceApp';
import { WorkspaceChooser } from '../workspace/WorkspaceChooser';

/** Session gate: sign-in, then workspace choice, then the workspace app. */
export function App() {
  const rpc = useRpc();
  const i18n = useI18n();
  const connection = useConnectionState();
  const [session, setSession] = useState<SessionState | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  // A workspace restored from a backup before sign-in, to open once signed in.
  const [restored, setRestored] = useState<BackupSummary | null>(null);
  const [notice, setNotice] = useState<{ error: unknown } | null>(null);

  const load = useCallback(() => {
    rpc.call('session.get', {}).then(
      (state) => {
        setSession(state);
        setLoadError(null);
      },
      (err: unknown) => setLoadError(err),
    );
  }, [rpc]);

  useEffect(load, [load]);
  useOnReconnect(load);
  useRpcEvent('session.changed', setSession);

  useEffect(() => {
    if (!restored || !session?.signedIn) return;
    setRestored(null);
    const plan = restorePlan(session, restored.workspaceId);
    if (plan === 'not_member') {
      setNotice({ error: new RpcCallError('backup_not_member', 'restored workspace not in account') });
    } else if (plan === 'open') {
      rpc
        .call('session.selectWorkspace', { workspaceId: restored.workspaceId })
        .then(setSession, (err: unknown) => setNotice({ error: err }));
    }
  }, [restored, session, rpc]);

  let content: ReactNode;
  if (session === null && loadError !== null) {
    content = (
      <div className="center-screen">
        <div className="card card-narrow" role="alert" data-testid="app-error">
          <p>{errorMessage(i18n, loadError)}</p>
          <button type="button" className="button button-primary" onClick={load} data-testid="app-retry">
            {i18n.t('app.retry')}
          </button>
        </div>
      </div>
    );
  } else if (session === null) {
    content = (
      <div className="center-screen" data-testid="app-loading" aria-busy="true">
        <p className="muted">{i18n.t('app.loading')}</p>
      </div>
    );
  } else if (!session.signedIn) {
    content = (
      <AuthScreen
        onSession={setSession}
        onRestored={(summary) => {
          setNotice(null);
          setRestored(summary);
        }}
      />
    );
  } else if (!session.workspace) {
    content = <WorkspaceChooser session={session} onSession={setSession} />;
  } else {
    content = <WorkspaceApp session={session} workspace={session.workspace} onSession={setSession} />;
  }

  return (
    <>
      {connection === 'reconnecting' ? (
        <div className="banner banner-danger" role="status" data-testid="connection-banner">
          {i18n.t('connection.reconnecting')}
        </div>
      ) : null}
      {notice ? (
        <div className="banner banner-danger" role="alert" data-testid="restore-notice">
          <span>{errorMessage(i18n, notice.error)}</span>
          <button type="button" className="button button-ghost button-small" onClick={() => setNotice(null)}>
            {i18n.t('restore.dismiss')}
          </button>
        </div>
      ) : null}
      {content}
    </>
  );
}
