/**
 * "New deal": artist, venue (the directory's venue picker), date, stage (request, hold or
 * offer), deal structure, guarantee and currency (from the venue's country). The core
 * ranks a hold with the holds rules; a refusal (firm date, no rank left) is explained.
 */
import { type ArtistRow, Currency, type DealType } from '@flowstage/shared';
import { useEffect, useRef, useState } from 'react';
import { VenuePicker } from '../directory/VenuePicker';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { RpcCallError } from '../rpc/errors';
import { useRpc } from '../rpc/react';
import { DEAL_TYPES } from './logic';
import { useCreateT } from './messages-create';
import { holdErrorKey, usePipeT } from './messages';
import {
  currencyForCountry,
  emptyNewDeal,
  NEW_DEAL_STAGES,
  type NewDealErrors,
  type NewDealForm,
  type NewDealStage,
  newDealParams,
} from './new-deal';

export function NewDealDialog({
  venueId,
  onClose,
  onCreated,
}: {
  /** Pre-filled venue (from a venue's detail panel). */
  venueId?: string | undefined;
  onClose(): void;
  onCreated(id: string): void;
}) {
  const pt = usePipeT();
  const ct = useCreateT();
  const i18n = useI18n();
  const rpc = useRpc();
  const ref = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState<NewDealForm>(() => emptyNewDeal(venueId ?? null));
  const [artists, setArtists] = useState<ArtistRow[]>([]);
  const [errors, setErrors] = useState<NewDealErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);
  useEffect(() => {
    rpc.call('roster.list', {}).then(setArtists, () => {});
  }, [rpc]);
  useEffect(() => {
    if (!form.venueId) return;
    rpc.call('venue.get', { id: form.venueId }).then(
      (d) => setForm((f) => ({ ...f, currency: currencyForCountry(d.venue.country) })),
      () => {},
    );
  }, [rpc, form.venueId]);

  /** A field changed: its error (from the last submit) goes. */
  const edit = (patch: Partial<NewDealForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  const submit = () => {
    const built = newDealParams(form, i18n.locale);
    if ('errors' in built) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    rpc.call('deal.create', built.params).then(
      (d) => onCreated(d.deal.id),
      (err: unknown) => {
        setBusy(false);
        const key = err instanceof RpcCallError ? holdErrorKey(err.code) : null;
        setError(key ? pt(key) : errorMessage(i18n, err));
      },
    );
  };
  const fieldError = (f: keyof NewDealErrors) => {
    const key = errors[f];
    return key ? (
      <p className="field-error" role="alert" data-testid={`new-deal-${f}-error`}>
        {pt(key)}
      </p>
    ) : null;
  };

  return (
    <dialog
      ref={ref}
      className="dialog new-record-dialog"
      aria-label={ct('new.title')}
      data-testid="new-deal-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2>{ct('new.title')}</h2>
        <div className="field">
          <label htmlFor="new-deal-artist">{ct('new.artist')}</label>
          <select
            id="new-deal-artist"
            className="input"
            value={form.artistId}
            onChange={(e) => edit({ artistId: e.target.value })}
            data-testid="new-deal-artist"
          >
            <option value="">{ct('new.chooseArtist')}</option>
            {artists.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          {fieldError('artistId')}
        </div>
        <VenuePicker venueId={form.venueId} onChange={(id) => edit({ venueId: id })} />
        {fieldError('venueId')}
        <div className="field">
          <label htmlFor="new-deal-date">{pt('field.date')}</label>
          <input
            id="new-deal-date"
            type="date"
            className="input"
            value={form.date}
            onChange={(e) => edit({ date: e.target.value })}
            data-testid="new-deal-date"
          />
          {fieldError('date')}
        </div>
        <div className="field">
          <label htmlFor="new-deal-stage">{ct('new.stage')}</label>
          <select
            id="new-deal-stage"
            className="input"
            value={form.stage}
            onChange={(e) => edit({ stage: e.target.value as NewDealStage })}
            data-testid="new-deal-stage"
          >
            {NEW_DEAL_STAGES.map((s) => (
              <option key={s} value={s}>
                {pt(`stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-deal-type">{pt('field.dealType')}</label>
          <select
            id="new-deal-type"
            className="input"
            value={form.dealType}
            onChange={(e) => edit({ dealType: e.target.value as DealType })}
            data-testid="new-deal-type"
          >
            {DEAL_TYPES.map((t) => (
              <option key={t} value={t}>
                {pt(`type.${t}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-deal-guarantee">{pt('field.guarantee')}</label>
          <input
            id="new-deal-guarantee"
            className="input"
            inputMode="decimal"
            value={form.guarantee}
            onChange={(e) => edit({ guarantee: e.target.value })}
            data-testid="new-deal-guarantee"
          />
          {fieldError('guarantee')}
        </div>
        <div className="field">
          <label htmlFor="new-deal-currency">{pt('field.currency')}</label>
          <select
            id="new-deal-currency"
            className="input"
            value={form.currency}
            onChange={(e) => edit({ currency: e.target.value as Currency })}
            data-testid="new-deal-currency"
          >
            {Currency.options.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        {form.stage === 'hold' ? <p className="muted">{ct('new.holdNote')}</p> : null}
        {error ? (
          <p className="form-error" role="alert" data-testid="new-deal-error">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {ct('new.cancel')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="new-deal-create"
          >
            {ct('new.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
