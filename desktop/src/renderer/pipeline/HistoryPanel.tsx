/** The deal's history: who changed which field when, field names and values translated. */
import type { DealDetail } from '@flowstage/shared';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../lib/dates';
import { describeValue, entryKey, fieldLabel, kindLabel } from './history';
import { usePipeT } from './messages';

export function HistoryPanel({ detail }: { detail: DealDetail }) {
  const pt = usePipeT();
  const i18n = useI18n();
  const ctx = { currency: detail.deal.currency, locale: i18n.locale, lang: i18n.lang, t: pt };
  return (
    <section className="deal-panel" aria-label={pt('history')} data-testid="deal-history">
      <h2>{pt('history')}</h2>
      {detail.history.length === 0 ? (
        <p className="muted">{pt('history.none')}</p>
      ) : (
        <ul className="history">
          {detail.history.map((h, i) => (
            <li key={entryKey(h, i)} data-kind={h.kind} data-testid="history-entry">
              <span className="muted">
                {formatDateTime(h.at, i18n.locale)} {h.by ? pt('history.by', { who: h.by }) : ''} ·{' '}
                <span data-testid="history-kind">{kindLabel(h.kind, pt)}</span>
              </span>
              <ul>
                {h.changes.map((c) => (
                  <li key={c.field} data-field={c.field}>
                    {fieldLabel(c.field, pt)}
                    {i18n.lang === 'fr' ? ' : ' : ': '}
                    {describeValue(c.field, c.from, ctx)} → {describeValue(c.field, c.to, ctx)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
