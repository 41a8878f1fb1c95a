/**
 * One deal: terms form (deal structures), hold rank, settlement calculator (shared
 * `settle()`), radius-clause conflicts (shared `radiusConflicts`, computed by the core) and
 * the deal's history.
 */
import { type Currency, type DealDetail, type DealType, HoldLevel } from '@flowstage/shared';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { RpcCallError } from '../rpc/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../lib/dates';
import { formatMoney, minorToInput } from '../lib/money';
import { useRpc, useRpcEvent } from '../rpc/react';
import {
  computeSettlement,
  DEAL_TYPES,
  historyValue,
  holdBadge,
  type SettlementForm,
  type SettlementOutcome,
  type TermsErrors,
  type TermsForm,
  termsFormOf,
  termsPatch,
} from './logic';
import { holdErrorKey, usePipeT } from './messages';

const CURRENCIES: readonly Currency[] = ['EUR', 'CHF'];

export function DealPage({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const pt = usePipeT();
  const i18n = useI18n();
  const rpc = useRpc();
  const dealError = (err: unknown): string => {
    const key = err instanceof RpcCallError ? holdErrorKey(err.code) : null;
    return key ? pt(key) : errorMessage(i18n, err);
  };
  const [detail, setDetail] = useState<DealDetail | null>(null);
  const [form, setForm] = useState<TermsForm | null>(null);
  const [errors, setErrors] = useState<TermsErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [calc, setCalc] = useState<SettlementForm>({ ticketsSold: '', ticketPrice: '', expenses: '' });
  const [result, setResult] = useState<SettlementOutcome | null>(null);

  const show = useCallback(
    (d: DealDetail) => {
      setDetail(d);
      setForm(termsFormOf(d.deal, (m) => minorToInput(m, d.deal.currency, i18n.locale)));
      setCalc((c) =>
        c.ticketPrice
          ? c
          : { ...c, ticketPrice: minorToInput(d.deal.ticketPrice, d.deal.currency, i18n.locale) },
      );
    },
    [i18n.locale],
  );
  const load = useCallback(() => {
    rpc.call('deal.get', { id }).then(show, (err) => setError(errorMessage(i18n, err)));
  }, [rpc, id, i18n, show]);
  useEffect(load, [load]);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.includes('deals')) rpc.call('deal.get', { id }).then(setDetail, () => {});
  });

  if (!detail || !form) {
    return (
      <section className="roster pipeline" data-testid="deal-page">
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="empty-state muted">{pt('loading')}</p>
        )}
      </section>
    );
  }
  const { deal } = detail;
  const money = (m: number) => formatMoney(m, deal.currency, i18n.locale);
  const set = <K extends keyof TermsForm>(k: K, v: TermsForm[K]) => {
    setForm({ ...form, [k]: v });
    setSaved(false);
  };
  const save = () => {
    const r = termsPatch(form, i18n.locale);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    rpc.call('deal.update', { id, patch: r.patch }).then(
      (d) => {
        show(d);
        setSaved(true);
        setError(null);
        onChanged();
      },
      (err) => setError(dealError(err)),
    );
  };
  const setHold = (level: number) => {
    rpc.call('deal.update', { id, patch: { holdLevel: level } }).then(
      (d) => {
        show(d);
        onChanged();
      },
      (err) => setError(dealError(err)),
    );
  };
  const field = (k: keyof TermsForm, input: ReactNode) => (
    <div className="deal-field">
      <label htmlFor={`deal-${k}`}>{pt(`field.${k}`)}</label>
      {input}
      {errors[k] ? (
        <span className="form-error" data-testid={`deal-${k}-error`}>
          {pt(`error.${errors[k]}`)}
        </span>
      ) : null}
    </div>
  );
  const text = (k: Exclude<keyof TermsForm, 'dealType' | 'currency' | 'notes'>, type = 'text') =>
    field(
      k,
      <input
        className="input"
        type={type}
        id={`deal-${k}`}
        value={form[k]}
        aria-invalid={errors[k] ? true : undefined}
        onChange={(e) => set(k, e.target.value)}
        data-testid={`deal-${k}-input`}
      />,
    );
  const s = result?.ok ? result.settlement : null;

  return (
    <section className="roster pipeline deal-page" data-testid="deal-page">
      <header className="page-header">
        <button type="button" className="button button-ghost" onClick={onClose} data-testid="deal-back">
          ← {pt('back')}
        </button>
        <h1 data-testid="deal-title">
          {detail.artistName} @ {detail.venueName}
        </h1>
        <span className="page-count">
          {formatDate(deal.date, i18n.locale)} · {pt(`stage.${deal.stage}`)}
          {deal.holdLevel ? ` · ${holdBadge(deal.holdLevel, i18n.lang)}` : ''}
        </span>
      </header>
      {error ? (
        <p className="form-error" role="alert" data-testid="deal-error">
          {error}
        </p>
      ) : null}
      <div className="deal-grid">
        <form
          className="deal-panel"
          aria-label={pt('terms')}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <h2>{pt('terms')}</h2>
          {text('date', 'date')}
          {field(
            'dealType',
            <select
              className="input"
              id="deal-dealType"
              value={form.dealType}
              onChange={(e) => set('dealType', e.target.value as DealType)}
              data-testid="deal-dealType-input"
            >
              {DEAL_TYPES.map((t) => (
                <option key={t} value={t}>
                  {pt(`type.${t}`)}
                </option>
              ))}
            </select>,
          )}
          {field(
            'currency',
            <select
              className="input"
              id="deal-currency"
              value={form.currency}
              onChange={(e) => set('currency', e.target.value as Currency)}
              data-testid="deal-currency-input"
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>,
          )}
          {text('guarantee')}
          {text('percentage')}
          {text('ticketPrice')}
          {text('capacity')}
          {text('agencyCommission')}
          {field(
            'notes',
            <textarea
              className="input"
              id="deal-notes"
              value={form.notes}
              onChange={(e) => set('notes', e.target.value)}
              data-testid="deal-notes-input"
            />,
          )}
          <div className="deal-actions">
            <button type="submit" className="button button-primary" data-testid="deal-save">
              {pt('save')}
            </button>
            {saved ? (
              <span role="status" data-testid="deal-saved">
                {pt('saved')}
              </span>
            ) : null}
          </div>
          {deal.stage === 'hold' ? (
            <label className="deal-field">
              <span>{pt('field.holdLevel')}</span>
              <select
                className="input"
                value={deal.holdLevel ?? 1}
                onChange={(e) => setHold(Number(e.target.value))}
                data-testid="deal-hold-level"
              >
                {Array.from({ length: HoldLevel.maxValue ?? 5 }, (_, i) => i + 1).map((l) => (
                  <option key={l} value={l}>
                    {holdBadge(l, i18n.lang)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </form>

        <div className="deal-side">
          <form
            className="deal-panel"
            aria-label={pt('settlement')}
            data-testid="settlement-panel"
            onSubmit={(e) => {
              e.preventDefault();
              setResult(computeSettlement(deal, calc, i18n.locale));
            }}
          >
            <h2>{pt('settlement')}</h2>
            <div className="settle-inputs">
              {(
                [
                  ['ticketsSold', 'settle.tickets'],
                  ['ticketPrice', 'settle.price'],
                  ['expenses', 'settle.expenses'],
                ] as const
              ).map(([k, label]) => (
                <label key={k} className="deal-field">
                  <span>{pt(label)}</span>
                  <input
                    className="input"
                    value={calc[k]}
                    onChange={(e) => setCalc({ ...calc, [k]: e.target.value })}
                    data-testid={`settle-${k}`}
                  />
                </label>
              ))}
            </div>
            <button type="submit" className="button" data-testid="settle-compute">
              {pt('settle.compute')}
            </button>
            {result && !result.ok ? (
              <p className="form-error" role="alert" data-testid="settle-error">
                {pt(`settle.error.${result.error}`)}
              </p>
            ) : null}
            {s ? (
              <dl className="settle-result" data-testid="settle-result">
                <dt>{pt('settle.gross')}</dt>
                <dd data-testid="settle-gross">{money(s.gross)}</dd>
                <dt>{pt('settle.deductions')}</dt>
                <dd data-testid="settle-deductions">{money(s.gross - s.net + s.splitPoint)}</dd>
                <dt>{pt('settle.net')}</dt>
                <dd data-testid="settle-net">{money(s.net)}</dd>
                <dt>{pt('settle.splitPoint')}</dt>
                <dd>{money(s.splitPoint)}</dd>
                {s.percentageAmount > 0 || s.versusWinner ? (
                  <>
                    <dt>{pt('settle.percentage')}</dt>
                    <dd>{money(s.percentageAmount)}</dd>
                  </>
                ) : null}
                {s.versusWinner ? (
                  <>
                    <dt>{pt('settle.winner')}</dt>
                    <dd data-testid="settle-winner">{pt(`settle.winner.${s.versusWinner}`)}</dd>
                  </>
                ) : null}
                <dt>{pt('settle.payout')}</dt>
                <dd data-testid="settle-payout">
                  <strong>{money(s.artistPayout)}</strong>
                </dd>
                <dt>{pt('settle.agency')}</dt>
                <dd data-testid="settle-agency">{money(s.agencyCommission)}</dd>
                <dt>{pt('settle.artistNet')}</dt>
                <dd>{money(s.artistNet)}</dd>
              </dl>
            ) : null}
          </form>

          <section className="deal-panel" aria-label={pt('conflicts')} data-testid="deal-conflicts">
            <h2>{pt('conflicts')}</h2>
            {detail.conflicts.length === 0 ? (
              <p className="muted">{pt('conflicts.none')}</p>
            ) : (
              <ul className="conflict-list">
                {detail.conflicts.map((c) => (
                  <li key={c.otherId} className="conflict" role="alert">
                    ⚠{' '}
                    {pt('conflicts.item', {
                      venue: c.otherVenueName,
                      date: formatDate(c.otherDate, i18n.locale),
                      km: c.distanceKm,
                      days: c.anchorId === id ? c.daysApart : -c.daysApart,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="deal-panel" aria-label={pt('history')} data-testid="deal-history">
            <h2>{pt('history')}</h2>
            {detail.history.length === 0 ? (
              <p className="muted">{pt('history.none')}</p>
            ) : (
              <ul className="history">
                {detail.history.map((h) => (
                  <li key={`${h.at}-${h.kind}-${h.changes.map((c) => c.field).join(',')}`}>
                    <span className="muted">
                      {formatDateTime(h.at, i18n.locale)} {h.by ? pt('history.by', { who: h.by }) : ''} ·{' '}
                      {pt(h.kind === 'edit' ? 'history.edit' : 'history.other')}
                    </span>
                    <ul>
                      {h.changes.map((c) => (
                        <li key={c.field}>
                          {c.field}: {historyValue(c.field, c.from, deal.currency, i18n.locale)} →{' '}
                          {historyValue(c.field, c.to, deal.currency, i18n.locale)}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
