/** The `?` dialog: every keyboard shortcut, from the registry. */
import { Fragment } from 'react';
import { usePaletteT } from '../palette/messages';
import { Modal } from '../ui/Modal';
import { displayKeys, SHORTCUTS } from './registry';

function isMac(): boolean {
  return (
    typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
  );
}

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const pt = usePaletteT();
  const mac = isMac();
  return (
    <Modal title={pt('help.title')} testId="shortcuts-help" onClose={onClose}>
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
    </Modal>
  );
}
