/**
 * Editors of the terms a structure adds: bonus tiers (guarantee + bonus), agreed expenses
 * and promoter profit (versus net, door, co-headline), co-headline shares (must sum to
 * 100 %), and the taxes every deal has (VAT from the country table with reverse charge,
 * withholding, deposit already paid).
 */
import type { BonusTier, Country } from '@flowstage/shared';
import type { ReactNode } from 'react';
import { bpsToPercent } from './percent';
import { usePipeT } from './messages';
import { type ExtraErrors, type ExtraForm, sharesTotal, vatSuggestion } from './terms';

type Set = <K extends keyof ExtraForm>(k: K, v: ExtraForm[K]) => void;
interface Props {
  form: ExtraForm;
  errors: ExtraErrors;
  set: Set;
}

const METRICS: readonly BonusTier['metric'][] = ['tickets', 'revenue', 'occupancy'];

function ErrorOf({ errors, k }: { errors: ExtraErrors; k: string }) {
  const pt = usePipeT();
  const code = errors[k];
  return code ? (
    <span className="form-error" data-testid={`deal-${k.replace(/\./g, '-')}-error`}>
      {pt(`error.${code}`)}
    </span>
  ) : null;
}

function Input({
  id,
  label,
  value,
  onChange,
  errors,
  errorKey,
}: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  errors: ExtraErrors;
  errorKey: string;
}) {
  return (
    <span className="terms-cell">
      <input
        className="input"
        aria-label={label}
        value={value}
        aria-invalid={errors[errorKey] ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        data-testid={id}
      />
      <ErrorOf errors={errors} k={errorKey} />
    </span>
  );
}

function Group({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <fieldset className="terms-group" data-testid={testId}>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

export function BonusEditor({ form, errors, set }: Props) {
  const pt = usePipeT();
  const rows = form.bonuses;
  const put = (i: number, patch: Partial<ExtraForm['bonuses'][number]>) =>
    set(
      'bonuses',
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  return (
    <Group title={pt('field.bonuses')} testId="bonus-editor">
      {rows.length === 0 ? <p className="muted">{pt('bonus.none')}</p> : null}
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={i} className="terms-row" data-testid="bonus-row">
          <select
            className="input"
            aria-label={pt('bonus.metric')}
            value={r.metric}
            onChange={(e) => put(i, { metric: e.target.value as BonusTier['metric'] })}
            data-testid={`bonus-metric-${i}`}
          >
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {pt(`metric.${m}`)}
              </option>
            ))}
          </select>
          <Input
            id={`bonus-threshold-${i}`}
            label={pt('bonus.threshold')}
            value={r.threshold}
            onChange={(v) => put(i, { threshold: v })}
            errors={errors}
            errorKey={`bonus.${i}.threshold`}
          />
          <Input
            id={`bonus-amount-${i}`}
            label={pt('bonus.amount')}
            value={r.amount}
            onChange={(v) => put(i, { amount: v })}
            errors={errors}
            errorKey={`bonus.${i}.amount`}
          />
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={pt('bonus.remove', { n: i + 1 })}
            onClick={() =>
              set(
                'bonuses',
                rows.filter((_, j) => j !== i),
              )
            }
            data-testid={`bonus-remove-${i}`}
          >
            ✕
          </button>
        </div>
      ))}
      <div className="terms-row">
        <button
          type="button"
          className="button button-small"
          onClick={() => set('bonuses', [...rows, { metric: 'tickets', threshold: '', amount: '' }])}
          data-testid="bonus-add"
        >
          + {pt('bonus.add')}
        </button>
        <label>
          {pt('field.bonusMode')}{' '}
          <select
            className="input"
            value={form.bonusMode}
            onChange={(e) => set('bonusMode', e.target.value as ExtraForm['bonusMode'])}
            data-testid="deal-bonusMode-input"
          >
            <option value="incremental">{pt('bonusMode.incremental')}</option>
            <option value="highest">{pt('bonusMode.highest')}</option>
          </select>
        </label>
      </div>
    </Group>
  );
}

export function ExpensesEditor({ form, errors, set }: Props) {
  const pt = usePipeT();
  const rows = form.expenses;
  const put = (i: number, patch: Partial<ExtraForm['expenses'][number]>) =>
    set(
      'expenses',
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  return (
    <Group title={pt('field.expenses')} testId="expenses-editor">
      {rows.length === 0 ? <p className="muted">{pt('expense.none')}</p> : null}
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={i} className="terms-row" data-testid="expense-row">
          <input
            className="input"
            aria-label={pt('expense.label')}
            value={r.label}
            maxLength={200}
            onChange={(e) => put(i, { label: e.target.value })}
            data-testid={`expense-label-${i}`}
          />
          <Input
            id={`expense-amount-${i}`}
            label={pt('expense.amount')}
            value={r.amount}
            onChange={(v) => put(i, { amount: v })}
            errors={errors}
            errorKey={`expense.${i}.amount`}
          />
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={pt('expense.remove', { n: i + 1 })}
            onClick={() =>
              set(
                'expenses',
                rows.filter((_, j) => j !== i),
              )
            }
            data-testid={`expense-remove-${i}`}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() => set('expenses', [...rows, { label: '', amount: '' }])}
        data-testid="expense-add"
      >
        + {pt('expense.add')}
      </button>
      <div className="terms-row">
        <span>{pt('field.promoterProfit')}</span>
        <Input
          id="deal-promoterProfit-input"
          label={pt('field.promoterProfit')}
          value={form.promoterProfit}
          onChange={(v) => set('promoterProfit', v)}
          errors={errors}
          errorKey="promoterProfit"
        />
      </div>
    </Group>
  );
}

export function SharesEditor({ form, errors, set }: Props) {
  const pt = usePipeT();
  const total = sharesTotal(form.shares);
  return (
    <Group title={pt('field.shares')} testId="shares-editor">
      {form.shares.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: headliners are numbered by place
        <div key={i} className="terms-row">
          <Input
            id={`share-${i}`}
            label={pt('share.label', { n: i + 1 })}
            value={s}
            onChange={(v) =>
              set(
                'shares',
                form.shares.map((x, j) => (j === i ? v : x)),
              )
            }
            errors={errors}
            errorKey={`share.${i}`}
          />
          <label>
            <input
              type="radio"
              name="co-headline-mine"
              checked={form.coHeadlineIndex === i}
              onChange={() => set('coHeadlineIndex', i)}
              data-testid={`share-mine-${i}`}
            />{' '}
            {pt('share.mine')}
          </label>
          {form.shares.length > 2 ? (
            <button
              type="button"
              className="button button-ghost button-small"
              aria-label={pt('share.remove', { n: i + 1 })}
              onClick={() => {
                set(
                  'shares',
                  form.shares.filter((_, j) => j !== i),
                );
                if (form.coHeadlineIndex >= i && form.coHeadlineIndex > 0) {
                  set('coHeadlineIndex', form.coHeadlineIndex - 1);
                }
              }}
              data-testid={`share-remove-${i}`}
            >
              ✕
            </button>
          ) : null}
        </div>
      ))}
      <div className="terms-row">
        {form.shares.length < 10 ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => set('shares', [...form.shares, '0'])}
            data-testid="share-add"
          >
            + {pt('share.add')}
          </button>
        ) : null}
        <span
          data-testid="shares-total"
          className={total === 10_000 ? 'muted' : 'form-error'}
          aria-live="polite"
        >
          {pt('share.total', { total: total === null ? '?' : bpsToPercent(total) })}
        </span>
      </div>
      <ErrorOf errors={errors} k="shares" />
    </Group>
  );
}

export function TaxFields({
  form,
  errors,
  set,
  venueCountry,
  artistCountry,
  date,
}: Props & { venueCountry: Country | undefined; artistCountry: Country | undefined; date: string }) {
  const pt = usePipeT();
  const hint = vatSuggestion(venueCountry, artistCountry, date);
  return (
    <Group title={pt('field.vat')} testId="tax-fields">
      <div className="terms-row">
        <Input
          id="deal-vat-input"
          label={pt('field.vat')}
          value={form.vat}
          onChange={(v) => set('vat', v)}
          errors={errors}
          errorKey="vat"
        />
        {hint.rates.length > 0 ? (
          <span className="muted" data-testid="vat-suggested">
            {pt('vat.suggested', { country: venueCountry ?? '' })}{' '}
            {hint.rates.map((r) => (
              <button
                key={r.kind}
                type="button"
                className="button button-ghost button-small"
                onClick={() => set('vat', r.percent)}
                data-testid={`vat-rate-${r.kind}`}
              >
                {r.percent} % ({pt(`vat.${r.kind}`)})
              </button>
            ))}
          </span>
        ) : null}
      </div>
      <label className="terms-row">
        <input
          type="checkbox"
          checked={form.vatReverseCharge}
          onChange={(e) => set('vatReverseCharge', e.target.checked)}
          data-testid="deal-vatReverseCharge-input"
        />{' '}
        {pt('field.vatReverseCharge')}
      </label>
      {hint.reverseCharge ? (
        <p className="muted" data-testid="vat-reverse-hint">
          {pt('vat.reverseHint')}
        </p>
      ) : null}
      <div className="terms-row">
        <span>{pt('field.withholding')}</span>
        <Input
          id="deal-withholding-input"
          label={pt('field.withholding')}
          value={form.withholding}
          onChange={(v) => set('withholding', v)}
          errors={errors}
          errorKey="withholding"
        />
      </div>
      <div className="terms-row">
        <span>{pt('field.depositPaid')}</span>
        <Input
          id="deal-depositPaid-input"
          label={pt('field.depositPaid')}
          value={form.depositPaid}
          onChange={(v) => set('depositPaid', v)}
          errors={errors}
          errorKey="depositPaid"
        />
      </div>
    </Group>
  );
}
