import type { SessionState } from '@flowstage/shared';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { AuthScreen } from '../auth/AuthScreen';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useConnectionState, useOnReconnect, useRpc, useRpcEvent } from '../rpc/react';
import { WorkspaceApp } from '../workspace/WorkspaceApp';
import { WorkspaceChooser } from '../workspace/WorkspaceChooser';

/** Session gate: sign-in, then workspace choice, then the workspace app. */
export function App() {
  const rpc = useRpc();
  const i18n = useI18n();
  const connection = useConnectionState();
  const [session, setSession] = useState<SessionState | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

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
    content = <AuthScreen onSession={setSession} />;
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
      {content}
    </>
  );
}
