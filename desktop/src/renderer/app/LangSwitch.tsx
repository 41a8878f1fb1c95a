import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { isLang, LANGS } from '../i18n/translate';

export function LangSwitch({ className }: { className?: string }) {
  const { lang, setLang, t } = useI18n();
  const id = useId();
  return (
    <div className={`lang-switch${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {t('lang.label')}
      </label>
      <select
        id={id}
        data-testid="lang-switch"
        value={lang}
        onChange={(event) => {
          if (isLang(event.target.value)) setLang(event.target.value);
        }}
      >
        {LANGS.map((option) => (
          <option key={option} value={option}>
            {t(`lang.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
