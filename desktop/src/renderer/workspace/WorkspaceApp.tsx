import type { SessionState, WorkspaceDto } from '@flowstage/shared';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { CommandLayer } from '../palette/CommandLayer';
import { DashboardNav } from '../dashboard/DashboardNav';
import { DashboardScreen } from '../dashboard/DashboardScreen';
import { EditsProvider } from '../edits/EditsProvider';
import { useOnReconnect, useRpc, useRpcEvent } from '../rpc/react';
import { DirectoryNav } from '../directory/DirectoryNav';
import { DirectoryScreen } from '../directory/DirectoryScreen';
import { CalendarNav } from '../calendar/CalendarNav';
import { TourNav } from '../tour/TourNav';
import { PipelineNav } from '../pipeline/PipelineNav';
import { PipelineScreen } from '../pipeline/PipelineScreen';
import { AdvancingNav } from '../advancing/AdvancingNav';
import { AdvancingScreen } from '../advancing/AdvancingScreen';
import { RosterScreen } from '../roster/RosterScreen';
import { TopBar } from './TopBar';
import { useSyncStatus } from './useSyncStatus';

// FullCalendar is most of the calendar's weight: loaded when the calendar first opens.
const CalendarScreen = lazy(() =>
  import('../calendar/CalendarScreen').then((m) => ({ default: m.CalendarScreen })),
);
// The tour planner (solver, map outlines): loaded when it first opens.
const TourScreen = lazy(() => import('../tour/TourScreen').then((m) => ({ default: m.TourScreen })));

interface WorkspaceAppProps {
  session: SessionState;
  workspace: WorkspaceDto;
  onSession(state: SessionState): void;
}

function useArtistCount(): number | null {
  const rpc = useRpc();
  const [count, setCount] = useState<number | null>(null);
  const load = useCallback(() => {
    rpc.call('workspace.counts', {}).then(
      (counts) => setCount(counts.artists),
      () => undefined,
    );
  }, [rpc]);
  useEffect(load, [load]);
  useOnReconnect(load);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.length === 0 || collections.includes('artists')) load();
  });
  return count;
}

/** The signed-in app: top bar, offline banner, navigation and the current screen. */
export function WorkspaceApp({ session, workspace, onSession }: WorkspaceAppProps) {
  const { t } = useI18n();
  const sync = useSyncStatus();
  const artistCount = useArtistCount();
  const [notice, setNotice] = useState<string | null>(null);
  const [screen, setScreen] = useState<
    'dashboard' | 'roster' | 'venues' | 'contacts' | 'pipeline' | 'advancing' | 'calendar' | 'tour'
  >('roster');
  // A record to open (palette, hash route, deep link); `n` remounts the screen for each request.
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const navigate = useCallback(
    (next: 'dashboard' | 'roster' | 'venues' | 'contacts' | 'pipeline', recordId?: string) => {
      setScreen(next);
      setFocus(recordId ? { id: recordId, n: Date.now() } : null);
    },
    [],
  );

  return (
    <EditsProvider>
      <div className="app-shell" data-testid="workspace-app">
        <CommandLayer
          workspaceId={workspace.id}
          onNavigate={navigate}
          onOpenDeal={(dealId) => navigate('pipeline', dealId)}
          onNotice={setNotice}
          onSession={onSession}
        />
        <TopBar
          session={session}
          workspace={workspace}
          sync={sync}
          onSession={onSession}
          onError={setNotice}
        />
        {sync?.overall === 'offline' ? (
          <div className="banner banner-warning" role="status" data-testid="offline-banner">
            {t('offline.banner')}
          </div>
        ) : null}
        {notice ? (
          <div className="banner banner-danger" role="alert" data-testid="app-notice">
            <span>{notice}</span>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setNotice(null)}
            >
              {t('editor.close')}
            </button>
          </div>
        ) : null}
        <div className="app-body">
          <nav className="sidebar" aria-label={t('nav.label')}>
            <DashboardNav current={screen} onSelect={setScreen} />
            <button
              type="button"
              className={`nav-item${screen === 'roster' ? ' nav-item-active' : ''}`}
              aria-current={screen === 'roster' ? 'page' : undefined}
              onClick={() => setScreen('roster')}
              data-testid="nav-roster"
            >
              <span>{t('nav.roster')}</span>
              {artistCount !== null ? <span className="nav-count">{artistCount}</span> : null}
            </button>
            <DirectoryNav current={screen} onSelect={setScreen} />
            <PipelineNav current={screen} onSelect={setScreen} />
            <CalendarNav current={screen} onSelect={setScreen} />
            <TourNav current={screen} onSelect={setScreen} />
            <AdvancingNav current={screen} onSelect={setScreen} />
          </nav>
          <main className="main" id="roster">
            {screen === 'roster' ? (
              <RosterScreen key={`${workspace.id}-${focus?.n ?? 0}`} initialSelected={focus?.id} />
            ) : screen === 'pipeline' ? (
              <PipelineScreen key={`${workspace.id}-pipeline-${focus?.n ?? 0}`} initialDealId={focus?.id} />
            ) : screen === 'calendar' ? (
              <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
                <CalendarScreen key={`${workspace.id}-calendar`} />
              </Suspense>
            ) : screen === 'tour' ? (
              <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
                <TourScreen key={`${workspace.id}-tour`} />
              </Suspense>
            ) : screen === 'advancing' ? (
              <AdvancingScreen key={`${workspace.id}-advancing`} />
            ) : screen === 'dashboard' ? (
              <DashboardScreen key={`${workspace.id}-dashboard`} />
            ) : (
              <DirectoryScreen
                key={`${workspace.id}-${screen}-${focus?.n ?? 0}`}
                collection={screen}
                initialSelected={focus?.id}
              />
            )}
          </main>
        </div>
      </div>
    </EditsProvider>
  );
}
