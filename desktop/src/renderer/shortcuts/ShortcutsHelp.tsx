/** The `?` dialog: every keyboard shortcut, from the registry. */
import { Fragment, useEffect, useRef } from 'react';
import { usePaletteT } from '../palette/messages';
import { displayKeys, SHORTCUTS } from './registry';

function isMac(): boolean {
  return (
    typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
  );
}

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const pt = usePaletteT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);
  const mac = isMac();
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="shortcuts-help-title"
      data-testid="shortcuts-help"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="shortcuts-help-title">{pt('help.title')}</h2>
      <dl className="shortcuts-list">
        {SHORTCUTS.map((s) => (
          <Fragment key={s.keys}>
            <dt>
              {displayKeys(s.keys, mac).map((k, i) => (
                <Fragment key={k}>
                  {i > 0 ? ` ${pt('help.then')} ` : null}
                  <kbd>{k}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{pt(`sc.${s.action}`)}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="muted">{pt('help.note')}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-testid="shortcuts-help-close">
          {pt('help.close')}
        </button>
      </div>
    </dialog>
  );
}
