/**
 * The dashboard: upcoming shows, expiring holds and challenges due (each links to its
 * deal, `#/deal/<id>`), deals by stage and revenue by month per currency. One RPC
 * (`dashboard.get`), reloaded when deals, artists or venues change.
 */
import type { Dashboard, DashboardDeal } from '@flowstage/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../lib/dates';
import { formatMoney } from '../lib/money';
import { useOnReconnect, useRpc, useRpcEvent } from '../rpc/react';
import { PageHeader } from '../ui/PageHeader';
import { type DashKey, ordinal, useDashT } from './messages';
import { RevenueChart } from './RevenueChart';
import './dashboard.css';

const RELEVANT = new Set(['deals', 'artists', 'venues']);

interface ListProps {
  id: 'upcoming' | 'expiring' | 'challenges';
  list: Dashboard['upcoming'];
  detail(d: DashboardDeal): string;
}

function DealList({ id, list, detail }: ListProps) {
  const t = useDashT();
  const { locale } = useI18n();
  return (
    <section className="dash-card" aria-labelledby={`dash-${id}`} data-testid={`dash-${id}`}>
      <h2 id={`dash-${id}`}>
        {t(`${id}.title` as DashKey)} <span className="dash-count">{list.total}</span>
      </h2>
      <p className="muted dash-hint">{t(`${id}.hint` as DashKey)}</p>
      {list.items.length === 0 ? (
        <p className="muted">{t(`${id}.empty` as DashKey)}</p>
      ) : (
        <ul className="dash-list">
          {list.items.map((d) => (
            <li key={d.id}>
              <a href={`#/deal/${d.id}`} className="dash-deal" data-testid="dash-deal">
                <span className="dash-date">{formatDate(d.date, locale)}</span>
                <span className="dash-what">
                  <strong>{d.artistName}</strong> · {d.venueName}
                  {d.venueCity ? `, ${d.venueCity}` : ''}
                </span>
                <span className="dash-detail muted">{detail(d)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {list.total > list.items.length ? (
        <p className="muted">{t('more', { n: list.total - list.items.length })}</p>
      ) : null}
    </section>
  );
}

export function DashboardScreen() {
  const t = useDashT();
  const i18n = useI18n();
  const { locale } = i18n;
  const rpc = useRpc();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    rpc.call('dashboard.get', {}).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (err: unknown) => setError(errorMessage(i18n, err)),
    );
  }, [rpc, i18n]);
  useEffect(load, [load]);
  useOnReconnect(load);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.length === 0 || collections.some((c) => RELEVANT.has(c))) load();
  });

  const money = (amount: number, currency: string) =>
    formatMoney(amount, currency, locale, { compact: true });
  const stage = (d: DashboardDeal) =>
    `${d.holdLevel ? t('hold', { n: ordinal(d.holdLevel, i18n.lang) }) : t(`stage.${d.stage}` as DashKey)} · ${money(d.guarantee, d.currency)}`;

  return (
    <div className="dashboard" data-testid="dashboard">
      <PageHeader
        title={t('title')}
        count={data ? t('today', { date: formatDate(data.today, locale) }) : null}
        countTestId="dashboard-today"
      />
      {error ? (
        <p role="alert" className="banner banner-danger">
          {error}
        </p>
      ) : null}
      {!data ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <div className="dash-grid">
          <DealList id="upcoming" list={data.upcoming} detail={stage} />
          <DealList
            id="expiring"
            list={data.expiringHolds}
            detail={(d) =>
              `${stage(d)} · ${t('expiring.at', { when: formatDateTime(d.holdExpiresAt ?? '', locale) })}`
            }
          />
          <DealList
            id="challenges"
            list={data.challenges}
            detail={(d) =>
              `${stage(d)} · ${t('challenges.deadline', { when: formatDateTime(d.challengeDeadline ?? '', locale) })}`
            }
          />
          <section
            className="dash-card dash-card-stages"
            aria-labelledby="dash-stages"
            data-testid="dash-stages"
          >
            <h2 id="dash-stages">{t('stages.title')}</h2>
            <table className="dash-stages">
              <thead>
                <tr>
                  <th scope="col">{t('stages.stage')}</th>
                  <th scope="col" className="num">
                    {t('stages.count')}
                  </th>
                  <th scope="col" className="num">
                    {t('stages.guarantees')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.byStage.map((s) => (
                  <tr key={s.stage} data-testid={`dash-stage-${s.stage}`}>
                    <th scope="row">{t(`stage.${s.stage}` as DashKey)}</th>
                    <td className="num">{s.count}</td>
                    <td className="num">
                      {s.guarantees.map((g) => (
                        <span key={g.currency} className="dash-money">
                          {money(g.amount, g.currency)}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="dash-card dash-wide" aria-labelledby="dash-revenue" data-testid="dash-revenue">
            <h2 id="dash-revenue">{t('revenue.title')}</h2>
            <p className="muted dash-hint">{t('revenue.hint')}</p>
            {data.revenue.series.length === 0 ? <p className="muted">{t('revenue.empty')}</p> : null}
            {data.revenue.series.map((s) => (
              <RevenueChart key={s.currency} months={data.revenue.months} series={s} />
            ))}
          </section>
        </div>
      )}
    </div>
  );
}
