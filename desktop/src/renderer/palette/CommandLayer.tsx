/**
 * The app-wide command layer, mounted once in the workspace app: keyboard shortcuts,
 * the command palette, the shortcuts help, hash routes (`#/artist/<id>`…) and the
 * desktop shell's events (native menu commands, `flowstage://` deep links). It also
 * tells the Electron shell the app language so the native menu follows it.
 */
import type { SessionState, ShellEvent } from '@flowstage/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type AppRoute, parseRoute, type Screen, screenOf } from '../app/routes';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { ShortcutsHelp } from '../shortcuts/ShortcutsHelp';
import { isTypingTarget, SHORTCUTS, type ShortcutAction, step } from '../shortcuts/registry';
import { BackupDialog } from '../workspace/BackupDialog';
import { useEdits } from '../edits/EditsProvider';
import { AboutDialog, SettingsDialog } from './AppDialogs';
import type { CommandId, PaletteOption } from './commands';
import { menuAction } from './menu-commands';
import { NewArtistDialog } from './NewArtistDialog';
import { usePaletteT } from './messages';
import { Palette } from './Palette';

interface CommandLayerProps {
  workspaceId: string;
  /** Show a screen, optionally with one record open. */
  onNavigate(screen: Screen, recordId?: string): void;
  onNotice(message: string): void;
  onSession(state: SessionState): void;
  /** Opens a deal, once the pipeline screen can show one; without it a deal gets a clear notice. */
  onOpenDeal?(dealId: string): void;
}

type Overlay = 'none' | 'palette' | 'help' | 'backup' | 'settings' | 'about' | 'newArtist';

/** Focuses the current screen's search box (`/`). */
function focusScreenSearch(): void {
  const input = document.querySelector<HTMLInputElement>('main input[type="search"]');
  input?.focus();
  input?.select();
}

export function CommandLayer({
  workspaceId,
  onNavigate,
  onNotice,
  onSession,
  onOpenDeal,
}: CommandLayerProps) {
  const rpc = useRpc();
  const i18n = useI18n();
  const edits = useEdits();
  const { lang, setLang } = i18n;
  const pt = usePaletteT();
  const [overlay, setOverlay] = useState<Overlay>('none');
  const close = useCallback(() => setOverlay('none'), []);

  const openRoute = useCallback(
    (route: AppRoute) => {
      setOverlay('none');
      if (route.kind === 'open') {
        if (route.workspaceId !== workspaceId) {
          rpc
            .call('session.selectWorkspace', { workspaceId: route.workspaceId })
            .then(onSession, (err: unknown) =>
              onNotice(pt('link.error', { message: errorMessage(i18n, err) })),
            );
        }
        return;
      }
      const screen = screenOf(route);
      if (screen !== null) onNavigate(screen, route.id);
      else if (onOpenDeal) onOpenDeal(route.id);
      else onNotice(pt('deal.unavailable'));
    },
    [rpc, workspaceId, onSession, onNotice, onNavigate, onOpenDeal, pt, i18n],
  );
  const latestOpenRoute = useRef(openRoute);
  latestOpenRoute.current = openRoute;

  const runAction = (action: ShortcutAction) => {
    switch (action) {
      case 'palette':
        setOverlay((o) => (o === 'palette' ? 'none' : 'palette'));
        break;
      case 'help':
        setOverlay('help');
        break;
      case 'focusSearch':
        focusScreenSearch();
        break;
      case 'goDashboard':
        onNavigate('dashboard');
        break;
      case 'goRoster':
        onNavigate('roster');
        break;
      case 'undo':
        edits.undo();
        break;
      case 'redo':
        edits.redo();
        break;
      case 'goVenues':
        onNavigate('venues');
        break;
      case 'goContacts':
        onNavigate('contacts');
        break;
    }
  };
  const latestRun = useRef(runAction);
  latestRun.current = runAction;
  const overlayRef = useRef(overlay);
  overlayRef.current = overlay;
  /** When a text field last got Ctrl/Cmd-Z or -Y (its native undo; see menu-commands.ts). */
  const fieldUndoKeyAt = useRef(Number.NEGATIVE_INFINITY);

  // Keyboard shortcuts (never while typing in a field, except Ctrl/Cmd chords).
  useEffect(() => {
    let pending = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if ((event.ctrlKey || event.metaKey) && /^[zy]$/i.test(event.key) && isTypingTarget(event.target))
        fieldUndoKeyAt.current = performance.now();
      const result = step(SHORTCUTS, pending, {
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        typing: isTypingTarget(event.target),
      });
      pending = result.pending;
      clearTimeout(timer);
      if (pending) timer = setTimeout(() => (pending = ''), 1500);
      if (!result.action) return;
      // While a dialog is open, only the palette chord (to toggle it) goes through.
      const dialogOpen = document.querySelector('dialog[open]') !== null;
      if (dialogOpen && !(result.action === 'palette' && overlayRef.current === 'palette')) return;
      event.preventDefault();
      latestRun.current(result.action);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      clearTimeout(timer);
    };
  }, []);

  // Hash routes: the one the app was opened with, then every change.
  useEffect(() => {
    const consume = () => {
      const route = parseRoute(window.location.hash);
      if (!route) return;
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
      latestOpenRoute.current(route);
    };
    consume();
    window.addEventListener('hashchange', consume);
    return () => window.removeEventListener('hashchange', consume);
  }, []);

  // Native menu commands and deep links (Electron only).
  useEffect(() => {
    const bridge = window.flowstage;
    if (!bridge?.onShellEvent) return;
    return bridge.onShellEvent((event: ShellEvent) => {
      if (event.type === 'menu') {
        const echo = performance.now() - fieldUndoKeyAt.current < 500;
        const action = menuAction(event.command, isTypingTarget(document.activeElement), echo);
        if (action.kind === 'none') return;
        if (action.kind === 'native') document.execCommand(action.command);
        else if (action.kind === 'undo' || action.kind === 'redo') latestRun.current(action.kind);
        else setOverlay(action.kind);
      } else if (event.type === 'deepLink') {
        latestOpenRoute.current(event.route);
      } else {
        onNotice(pt('link.error', { message: event.message }));
      }
    });
  }, [onNotice, pt]);

  // The native menu follows the app language.
  useEffect(() => {
    window.flowstage?.setLanguage?.(lang).catch(() => undefined);
  }, [lang]);

  const runCommand = (command: CommandId) => {
    setOverlay('none');
    switch (command) {
      case 'dashboard':
      case 'roster':
      case 'venues':
      case 'contacts':
        onNavigate(command);
        break;
      case 'undo':
      case 'redo':
        latestRun.current(command);
        break;
      case 'recentEdits':
        edits.showRecent();
        break;
      case 'newArtist':
      case 'settings':
        setOverlay(command);
        break;
      case 'lang.fr':
      case 'lang.en':
        setLang(command === 'lang.fr' ? 'fr' : 'en');
        break;
      case 'backup':
        setOverlay('backup');
        break;
      case 'help':
        setOverlay('help');
        break;
    }
  };

  const choose = (option: PaletteOption) => {
    if (option.type === 'command') {
      runCommand(option.command);
      return;
    }
    const { collection, id } = option.hit;
    const kind = ({ artists: 'artist', venues: 'venue', contacts: 'contact', deals: 'deal' } as const)[
      collection
    ];
    openRoute({ kind, id });
  };

  if (overlay === 'palette') return <Palette onClose={close} onChoose={choose} />;
  if (overlay === 'help') return <ShortcutsHelp onClose={close} />;
  if (overlay === 'backup') return <BackupDialog onClose={close} />;
  if (overlay === 'about') return <AboutDialog onClose={close} />;
  if (overlay === 'settings')
    return (
      <SettingsDialog
        onClose={close}
        onOpen={(next) => {
          setOverlay(next === 'recentEdits' ? 'none' : next);
          if (next === 'recentEdits') edits.showRecent();
        }}
      />
    );
  if (overlay === 'newArtist')
    return (
      <NewArtistDialog
        onClose={close}
        onCreated={(id) => {
          close();
          onNavigate('roster', id);
        }}
      />
    );
  return null;
}
