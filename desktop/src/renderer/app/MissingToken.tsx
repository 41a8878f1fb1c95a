import { useI18n } from '../i18n/I18nProvider';
import { LangSwitch } from './LangSwitch';

/** A browser-shell tab opened without the private link: explain how to get in. */
export function MissingToken() {
  const { t } = useI18n();
  return (
    <div className="center-screen" data-testid="missing-token">
      <div className="card card-narrow">
        <div className="brand brand-large">{t('app.name')}</div>
        <h1>{t('connection.missingToken.title')}</h1>
        <p>{t('connection.missingToken.body')}</p>
        <LangSwitch />
      </div>
    </div>
  );
}
