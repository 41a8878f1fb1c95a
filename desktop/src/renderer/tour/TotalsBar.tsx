/** The tour's totals (fees, distance, nights, travel cost, net value, distance source) and its broken rules. */
import type { TourResult } from '@flowstage/shared/tour/plan/index';
import { type Describe, violationText } from './describe';
import { formatKm } from './logic';

export function TotalsBar({ result, describe: d }: { result: TourResult; describe: Describe }) {
  const { t } = d;
  const it = result.itinerary;
  const items: { key: string; label: string; value: string }[] = [
    { key: 'fees', label: t('totals.fees'), value: d.money(it.fees) },
    { key: 'km', label: t('totals.km'), value: formatKm(it.totalKm, d.locale) },
    { key: 'nights', label: t('totals.nights'), value: String(it.nights) },
    { key: 'travelCost', label: t('totals.travelCost'), value: d.money(it.travelCost) },
    { key: 'objective', label: t('totals.objective'), value: d.money(it.objective) },
  ];
  return (
    <section className="tour-totals" aria-label={t('totals.label')} data-testid="tour-totals">
      <dl className="tour-totals-list">
        {items.map((i) => (
          <div key={i.key} className="tour-total" data-testid={`tour-total-${i.key}`}>
            <dt>{i.label}</dt>
            <dd>{i.value}</dd>
          </div>
        ))}
      </dl>
      <span className="muted tour-source" data-testid="tour-distances-source">
        {t('totals.distances', { source: result.distances })}
      </span>
      {it.violations.length === 0 ? (
        <span className="tour-feasible" data-testid="tour-feasible">
          {t('totals.feasible')}
        </span>
      ) : (
        <div className="tour-violations" role="alert" data-testid="tour-violations">
          <strong>{t('totals.violations', { n: it.violations.length })}</strong>
          <ul>
            {it.violations.map((v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: violations have no id and keep their order.
              <li key={i}>{violationText(v, d)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
