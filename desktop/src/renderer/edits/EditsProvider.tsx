/**
 * Undo of recent edits in the renderer: `undo`/`redo` call the core's edit history (the
 * core emits `data.changed`, so every screen refreshes itself), a toast says what was
 * undone with a Redo button, and a dialog lists the recent edits of this device.
 * Keyboard (Ctrl/Cmd-Z…) and the native menu reach it through CommandLayer.
 */
import type { EditStepResult } from '@flowstage/shared';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { editLabel } from './label';
import { useEditsT } from './messages';
import { RecentEditsDialog } from './RecentEditsDialog';
import './edits.css';

interface EditsApi {
  undo(): void;
  redo(): void;
  showRecent(): void;
}

const EditsContext = createContext<EditsApi>({ undo() {}, redo() {}, showRecent() {} });

export function useEdits(): EditsApi {
  return useContext(EditsContext);
}

interface Toast {
  kind: 'undo' | 'redo' | 'info';
  text: string;
  n: number;
}

export function EditsProvider({ children }: { children: ReactNode }) {
  const rpc = useRpc();
  const i18n = useI18n();
  const t = useEditsT();
  const [toast, setToast] = useState<Toast | null>(null);
  const [recentOpen, setRecentOpen] = useState(false);
  const busy = useRef(false);
  const latestT = useRef(t);
  latestT.current = t;

  const step = useCallback(
    (kind: 'undo' | 'redo') => {
      if (busy.current) return;
      busy.current = true;
      const tt = latestT.current;
      rpc
        .call(kind === 'undo' ? 'edits.undo' : 'edits.redo', {})
        .then(
          (result: EditStepResult) => {
            const n = Date.now();
            if (!result.done) {
              setToast({ kind: 'info', text: tt(kind === 'undo' ? 'nothingToUndo' : 'nothingToRedo'), n });
              return;
            }
            const label = editLabel(result.done, tt);
            setToast({ kind, text: tt(kind === 'undo' ? 'undone' : 'redone', { label }), n });
          },
          (err: unknown) =>
            setToast({
              kind: 'info',
              text: tt('failed', { message: errorMessage(i18n, err) }),
              n: Date.now(),
            }),
        )
        .finally(() => {
          busy.current = false;
        });
    },
    [rpc, i18n],
  );

  const api = useMemo<EditsApi>(
    () => ({ undo: () => step('undo'), redo: () => step('redo'), showRecent: () => setRecentOpen(true) }),
    [step],
  );

  return (
    <EditsContext.Provider value={api}>
      {children}
      {toast ? (
        <div className="undo-toast" role="status" data-testid="undo-toast" key={toast.n}>
          <span data-testid="undo-toast-text">{toast.text}</span>
          {toast.kind === 'undo' ? (
            <button
              type="button"
              className="button button-primary button-small"
              onClick={api.redo}
              data-testid="undo-toast-redo"
            >
              {t('redo')}
            </button>
          ) : toast.kind === 'redo' ? (
            <button
              type="button"
              className="button button-primary button-small"
              onClick={api.undo}
              data-testid="undo-toast-undo"
            >
              {t('undo')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => setToast(null)}
            aria-label={t('dismiss')}
          >
            ×
          </button>
        </div>
      ) : null}
      {recentOpen ? (
        <RecentEditsDialog onClose={() => setRecentOpen(false)} onUndo={api.undo} onRedo={api.redo} />
      ) : null}
    </EditsContext.Provider>
  );
}

/** The top bar's button opening the recent edits. */
export function RecentEditsButton() {
  const t = useEditsT();
  const { showRecent } = useEdits();
  return (
    <button
      type="button"
      className="button button-ghost"
      aria-haspopup="dialog"
      onClick={showRecent}
      data-testid="recent-edits-open"
    >
      {t('recent.button')}
    </button>
  );
}
