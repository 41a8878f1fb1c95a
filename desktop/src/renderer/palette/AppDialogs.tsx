/** The native menu's Settings… and About dialogs. */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { Modal } from '../ui/Modal';
import { useAppDialogT } from './app-dialog-messages';

export function AboutDialog({ onClose }: { onClose(): void }) {
  const t = useAppDialogT();
  const rpc = useRpc();
  const [info, setInfo] = useState<{ version: string; shell: string } | null>(null);
  useEffect(() => {
    rpc.call('app.info', {}).then(setInfo, () => undefined);
  }, [rpc]);
  return (
    <Modal title={t('about.title')} testId="about-dialog" onClose={onClose}>
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
    </Modal>
  );
}

type SettingsTarget = 'help' | 'backup' | 'recentEdits';

export function SettingsDialog({ onClose, onOpen }: { onClose(): void; onOpen(next: SettingsTarget): void }) {
  const t = useAppDialogT();
  const { lang, setLang } = useI18n();
  return (
    <Modal title={t('settings.title')} testId="settings-dialog" onClose={onClose}>
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
    </Modal>
  );
}
