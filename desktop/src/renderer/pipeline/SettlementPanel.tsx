/**
 * The settlement calculator: what the booker types (tickets, price, other expenses) with the
 * deal's stored terms (bonuses, agreed expenses, promoter profit, shares, VAT, withholding,
 * deposit) through the shared `settle()`.
 */
import type { DealRecord } from '@flowstage/shared';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { formatMoney, minorToInput } from '../lib/money';
import { computeSettlement, type SettlementForm, type SettlementOutcome } from './logic';
import { usePipeT } from './messages';
import { bpsToPercent } from './percent';

export function SettlementPanel({ deal }: { deal: DealRecord }) {
  const pt = usePipeT();
  const i18n = useI18n();
  const [calc, setCalc] = useState<SettlementForm>(() => ({
    ticketsSold: '',
    ticketPrice: minorToInput(deal.ticketPrice, deal.currency, i18n.locale),
    expenses: '',
  }));
  const [result, setResult] = useState<SettlementOutcome | null>(null);
  // Terms saved since the last computation: its result no longer holds.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new version of the deal
  useEffect(() => setResult(null), [deal.updatedAt]);
  const money = (m: number) => formatMoney(m, deal.currency, i18n.locale);
  const s = result?.ok ? result.settlement : null;
  const row = (label: string, value: string, testId?: string, strong = false) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{strong ? <strong>{value}</strong> : value}</dd>
    </>
  );
  return (
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
          {row(pt('settle.gross'), money(s.gross), 'settle-gross')}
          {row(pt('settle.deductions'), money(s.gross - s.net + s.splitPoint), 'settle-deductions')}
          {row(pt('settle.net'), money(s.net), 'settle-net')}
          {row(pt('settle.splitPoint'), money(s.splitPoint), 'settle-split')}
          {s.bonus > 0 ? row(pt('settle.bonus'), money(s.bonus), 'settle-bonus') : null}
          {s.percentageAmount > 0 || s.versusWinner
            ? row(pt('settle.percentage'), money(s.percentageAmount))
            : null}
          {s.versusWinner
            ? row(pt('settle.winner'), pt(`settle.winner.${s.versusWinner}`), 'settle-winner')
            : null}
          {s.coHeadlinePool !== null
            ? row(
                pt('settle.share', { pool: money(s.coHeadlinePool) }),
                money(s.artistPayout),
                'settle-share',
              )
            : null}
          {row(pt('settle.payout'), money(s.artistPayout), 'settle-payout', true)}
          {row(pt('settle.agency'), money(s.agencyCommission), 'settle-agency')}
          {row(pt('settle.artistNet'), money(s.artistNet))}
          {s.vatReverseCharge
            ? row(pt('settle.vatReverse'), money(0), 'settle-vat')
            : row(pt('settle.vat', { rate: bpsToPercent(s.vatBps) }), money(s.vat), 'settle-vat')}
          {s.withholding > 0
            ? row(pt('settle.withholding'), `− ${money(s.withholding)}`, 'settle-withholding')
            : null}
          {s.depositPaid > 0
            ? row(pt('settle.deposit'), `− ${money(s.depositPaid)}`, 'settle-deposit')
            : null}
          {row(pt('settle.walkout'), money(s.walkout), 'settle-walkout', true)}
        </dl>
      ) : null}
    </form>
  );
}
