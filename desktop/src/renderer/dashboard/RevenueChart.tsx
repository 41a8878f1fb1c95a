/** Revenue by month for one currency: an accessible inline SVG bar chart, with a table fallback. */
import type { RevenueSeries } from '@flowstage/shared';
import { useI18n } from '../i18n/I18nProvider';
import { formatMoney, minorDigits } from '../lib/money';
import { layoutBars, ticks } from './chart';
import { useDashT } from './messages';

const BOX = { width: 640, height: 220, left: 72, bottom: 28, top: 8 };

function monthLabel(month: string, locale: string, style: 'short' | 'long'): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, {
    month: style,
    year: style === 'long' ? 'numeric' : '2-digit',
    timeZone: 'UTC',
  }).format(d);
}

export function RevenueChart({ months, series }: { months: readonly string[]; series: RevenueSeries }) {
  const t = useDashT();
  const { locale } = useI18n();
  const { bars, max } = layoutBars(months, series.guarantee, series.commission, BOX);
  const money = (v: number) => formatMoney(v, series.currency, locale, { compact: true });
  const axis = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: series.currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const first = months[0] ?? '';
  const last = months[months.length - 1] ?? '';
  const title = t('revenue.chart', {
    currency: series.currency,
    from: monthLabel(first, locale, 'long'),
    to: monthLabel(last, locale, 'long'),
  });
  const titleId = `revenue-title-${series.currency}`;
  return (
    <figure className="revenue-chart" data-testid={`revenue-chart-${series.currency}`}>
      <figcaption className="revenue-caption">
        <strong>{series.currency}</strong>
        <span className="legend legend-guarantee">{t('revenue.guarantee')}</span>
        <span className="legend legend-commission">{t('revenue.commission')}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={titleId}
        className="revenue-svg"
      >
        <title id={titleId}>{title}</title>
        {ticks(max).map((v) => {
          const y = BOX.height - BOX.bottom - (v / max) * (BOX.height - BOX.top - BOX.bottom);
          return (
            <g key={v}>
              <line x1={BOX.left} x2={BOX.width} y1={y} y2={y} className="grid-line" />
              <text x={BOX.left - 6} y={y + 4} textAnchor="end" className="axis-label">
                {axis.format(v / 10 ** minorDigits(series.currency))}
              </text>
            </g>
          );
        })}
        {bars.map((b, i) => (
          <g key={b.month} className="bar">
            <title>
              {t('revenue.bar', {
                month: monthLabel(b.month, locale, 'long'),
                guarantee: money(series.guarantee[i] ?? 0),
                commission: money(series.commission[i] ?? 0),
              })}
            </title>
            <rect x={b.x} y={b.y} width={b.width} height={b.height} className="bar-guarantee" />
            <rect
              x={b.x + b.width * 0.2}
              y={b.commissionY}
              width={b.width * 0.6}
              height={b.commissionHeight}
              className="bar-commission"
            />
            <text x={b.x + b.width / 2} y={BOX.height - 8} textAnchor="middle" className="axis-label">
              {monthLabel(b.month, locale, 'short')}
            </text>
          </g>
        ))}
      </svg>
      <details className="revenue-table">
        <summary>{t('revenue.table')}</summary>
        <table className="data-table" data-testid={`revenue-table-${series.currency}`}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('revenue.month')}</th>
              <th scope="col">{t('revenue.guarantee')}</th>
              <th scope="col">{t('revenue.commission')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m, i) => (
              <tr key={m}>
                <th scope="row">{monthLabel(m, locale, 'long')}</th>
                <td className="num">{formatMoney(series.guarantee[i] ?? 0, series.currency, locale)}</td>
                <td className="num">{formatMoney(series.commission[i] ?? 0, series.currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
