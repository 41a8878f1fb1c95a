/** The native menu's Settings… and About dialogs. */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { useAppDialogT } from './app-dialog-messages';

function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);
  return ref;
}

export function AboutDialog({ onClose }: { onClose(): void }) {
  const t = useAppDialogT();
  const rpc = useRpc();
  const ref = useModal();
  const [info, setInfo] = useState<{ version: string; shell: string } | null>(null);
  useEffect(() => {
    rpc.call('app.info', {}).then(setInfo, () => undefined);
  }, [rpc]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="about-title"
      data-testid="about-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="about-title">{t('about.title')}</h2>
      <p>{t('about.tagline')}</p>
      {info ? (
        <p className="muted" data-testid="about-version">
          {t('about.version', {
            version: info.version,
            shell: t(info.shell === 'electron' ? 'about.electron' : 'about.browser'),
          })}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}

type SettingsTarget = 'help' | 'backup' | 'recentEdits';

export function SettingsDialog({ onClose, onOpen }: { onClose(): void; onOpen(next: SettingsTarget): void }) {
  const t = useAppDialogT();
  const { lang, setLang } = useI18n();
  const ref = useModal();
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="settings-title"
      data-testid="settings-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="settings-title">{t('settings.title')}</h2>
      <fieldset className="settings-lang">
        <legend>{t('settings.language')}</legend>
        {(['fr', 'en'] as const).map((l) => (
          <label key={l}>
            <input
              type="radio"
              name="settings-lang"
              value={l}
              checked={lang === l}
              onChange={() => setLang(l)}
            />{' '}
            {l === 'fr' ? 'Français' : 'English'}
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" className="button button-ghost" onClick={() => onOpen('help')}>
          {t('settings.shortcuts')}
        </button>
        <button type="button" className="button button-ghost" onClick={() => onOpen('recentEdits')}>
          {t('settings.recentEdits')}
        </button>
        <button type="button" className="button button-ghost" onClick={() => onOpen('backup')}>
          {t('settings.backup')}
        </button>
        <button type="button" className="button" onClick={onClose} data-testid="settings-close">
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
