/**
 * The deal's terms form: the base fields, then the editors the chosen structure needs
 * (TermsExtras.tsx). Validated as a whole before anything is sent: on an error every
 * field keeps what was typed and the faulty ones say why.
 */
import type { Currency, DealDetail, DealType } from '@flowstage/shared';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { minorToInput } from '../lib/money';
import { useRpc } from '../rpc/react';
import { DEAL_TYPES, type TermsErrors, type TermsForm, termsFormOf, termsPatch } from './logic';
import { usePipeT } from './messages';
import { BonusEditor, ExpensesEditor, SharesEditor, TaxFields } from './TermsExtras';
import { changedOnly, type ExtraErrors, type ExtraForm, extraFormOf, extraPatch, sectionsOf } from './terms';

const CURRENCIES: readonly Currency[] = ['EUR', 'CHF'];

export function TermsPanel({
  detail,
  onSaved,
  onError,
}: {
  detail: DealDetail;
  onSaved(d: DealDetail): void;
  onError(err: unknown): void;
}) {
  const pt = usePipeT();
  const i18n = useI18n();
  const rpc = useRpc();
  const { deal } = detail;
  const toInput = (m: number) => minorToInput(m, deal.currency, i18n.locale);
  const [form, setForm] = useState<TermsForm>(() => termsFormOf(deal, toInput));
  const [extra, setExtra] = useState<ExtraForm>(() => extraFormOf(deal, toInput));
  const [errors, setErrors] = useState<TermsErrors>({});
  const [extraErrors, setExtraErrors] = useState<ExtraErrors>({});
  const [saved, setSaved] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const show = sectionsOf(form.dealType);

  const set = <K extends keyof TermsForm>(k: K, v: TermsForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setSaved(false);
  };
  const setX = <K extends keyof ExtraForm>(k: K, v: ExtraForm[K]) => {
    setExtra((f) => ({ ...f, [k]: v }));
    setSaved(false);
  };
  const save = () => {
    const base = termsPatch(form, i18n.locale);
    const more = extraPatch(extra, form.dealType, form.currency, i18n.locale);
    setErrors(base.ok ? {} : base.errors);
    setExtraErrors(more.ok ? {} : more.errors);
    if (!base.ok || !more.ok) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const patch = { ...base.patch, ...changedOnly(more.patch, deal) };
    rpc.call('deal.update', { id: deal.id, patch }).then((d) => {
      setSaved(true);
      onSaved(d);
    }, onError);
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
  const props = { form: extra, errors: extraErrors, set: setX };

  return (
    <form
      className="deal-panel"
      aria-label={pt('terms')}
      data-testid="terms-panel"
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
      {show.guarantee ? text('guarantee') : null}
      {show.percentage ? text('percentage') : null}
      {text('ticketPrice')}
      {text('capacity')}
      {text('agencyCommission')}
      {show.bonuses ? <BonusEditor {...props} /> : null}
      {show.splitPoint ? <ExpensesEditor {...props} /> : null}
      {show.shares ? <SharesEditor {...props} /> : null}
      <TaxFields
        {...props}
        venueCountry={detail.venueCountry}
        artistCountry={detail.artistCountry}
        date={form.date}
      />
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
      {invalid ? (
        <p className="form-error" role="alert" data-testid="terms-invalid">
          {pt('error.fix')}
        </p>
      ) : null}
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
    </form>
  );
}
