import type { ArtistRecord } from '@flowstage/shared';
import { ArtistKind, Country, Currency } from '@flowstage/shared/domain/enums';
import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../lib/dates';
import { RpcCallError } from '../rpc/errors';
import { useRpc, useRpcEvent } from '../rpc/react';
import { describedBy, Field } from '../ui/Field';
import {
  type ArtistField,
  type ArtistFormErrors,
  type ArtistFormValues,
  errorsFromIssues,
  parseGenres,
  toFormValues,
  validateArtistForm,
} from './artist-form';

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  | { kind: 'failed'; message: string };

const TEST_IDS: Readonly<Record<ArtistField, string>> = {
  name: 'artist-name-input',
  kind: 'artist-kind-select',
  genres: 'artist-genres-input',
  feeMin: 'artist-fee-min-input',
  feeMax: 'artist-fee-max-input',
  currency: 'artist-currency-select',
  draw: 'artist-draw-input',
  homeCity: 'artist-city-input',
  homeCountry: 'artist-country-select',
  lineupSize: 'artist-lineup-input',
  agentId: 'artist-agent-input',
  radiusKm: 'artist-radius-km-input',
  radiusDaysBefore: 'artist-radius-before-input',
  radiusDaysAfter: 'artist-radius-after-input',
  bio: 'artist-bio-input',
  technicalRider: 'artist-rider-input',
  mediaLinks: 'artist-media-input',
};

/**
 * Side panel editing one artist. Saves only the fields the booker changed; while the
 * form is untouched, changes arriving by sync are reloaded into it.
 */
export function ArtistEditor({ id, onClose }: { id: string; onClose(): void }) {
  const rpc = useRpc();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const ids = useId();
  const [original, setOriginal] = useState<ArtistRecord | null>(null);
  const [values, setValues] = useState<ArtistFormValues | null>(null);
  const [errors, setErrors] = useState<ArtistFormErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [loadError, setLoadError] = useState<unknown>(null);
  const dirty = useRef(false);
  // Bumped by saves and reverts: a load answered after them carries older data.
  const generation = useRef(0);
  const localeRef = useRef(locale);
  localeRef.current = locale;

  const load = useCallback(() => {
    const started = generation.current;
    rpc.call('artist.get', { id }).then(
      (record) => {
        if (dirty.current || generation.current !== started) return;
        setOriginal(record);
        setValues(toFormValues(record, localeRef.current));
        setLoadError(null);
      },
      (err: unknown) => setLoadError(err),
    );
  }, [rpc, id]);

  useEffect(load, [load]);
  useRpcEvent('data.changed', ({ collections }) => {
    if (!dirty.current && (collections.length === 0 || collections.includes('artists'))) load();
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const change = <F extends ArtistField>(field: F, value: ArtistFormValues[F]) => {
    dirty.current = true;
    setValues((current) => (current ? { ...current, [field]: value } : current));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setStatus({ kind: 'idle' });
  };

  const revert = () => {
    if (!original) return;
    dirty.current = false;
    generation.current += 1;
    setValues(toFormValues(original, locale));
    setErrors({});
    setStatus({ kind: 'idle' });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!values || !original || status.kind === 'saving') return;
    const result = validateArtistForm(values, original, locale);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    if (Object.keys(result.patch).length === 0) {
      setStatus({ kind: 'unchanged' });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const saved = await rpc.call('artist.update', { id, patch: result.patch });
      dirty.current = false;
      generation.current += 1;
      setOriginal(saved);
      setValues(toFormValues(saved, locale));
      setErrors({});
      setStatus({ kind: 'saved' });
    } catch (err) {
      if (err instanceof RpcCallError && err.code === 'invalid_params')
        setErrors(errorsFromIssues(err.details));
      const message =
        err instanceof RpcCallError && err.code === 'invalid_record' ? err.message : errorMessage(i18n, err);
      setStatus({ kind: 'failed', message: t('editor.saveError', { message }) });
    }
  };

  const fieldProps = (field: ArtistField, hint = false) => {
    const error = errors[field];
    const controlId = `${ids}-${field}`;
    return {
      field: {
        htmlFor: controlId,
        error: error ? t(error.key, error.vars) : undefined,
        errorTestId: `artist-error-${field}`,
      },
      control: {
        id: controlId,
        'data-testid': TEST_IDS[field],
        'aria-invalid': Boolean(error),
        'aria-describedby': describedBy(controlId, hint, Boolean(error)),
      },
    };
  };

  let body: ReactNode;
  if (loadError && !values) {
    body = (
      <p className="form-error" role="alert" data-testid="artist-editor-error">
        {t('editor.loadError', { message: errorMessage(i18n, loadError) })}
      </p>
    );
  } else if (!values || !original) {
    body = <p className="muted">{t('editor.loading')}</p>;
  } else {
    const name = fieldProps('name');
    const kind = fieldProps('kind');
    const genres = fieldProps('genres', true);
    const feeMin = fieldProps('feeMin');
    const feeMax = fieldProps('feeMax');
    const currency = fieldProps('currency');
    const draw = fieldProps('draw');
    const city = fieldProps('homeCity');
    const country = fieldProps('homeCountry');
    const chips = parseGenres(values.genres);
    const lineup = fieldProps('lineupSize');
    const agent = fieldProps('agentId', true);
    const radiusKm = fieldProps('radiusKm');
    const radiusBefore = fieldProps('radiusDaysBefore');
    const radiusAfter = fieldProps('radiusDaysAfter');
    const bio = fieldProps('bio');
    const rider = fieldProps('technicalRider');
    const media = fieldProps('mediaLinks', true);
    const savedLinks = original.mediaLinks ?? [];
    body = (
      <form className="editor-form" onSubmit={save} noValidate>
        <Field label={t('editor.name')} {...name.field}>
          <input
            {...name.control}
            maxLength={200}
            value={values.name}
            onChange={(e) => change('name', e.target.value)}
          />
        </Field>
        <Field label={t('editor.kind')} {...kind.field}>
          <select
            {...kind.control}
            value={values.kind}
            onChange={(e) => {
              const parsed = ArtistKind.safeParse(e.target.value);
              if (parsed.success) change('kind', parsed.data);
            }}
          >
            {ArtistKind.options.map((option) => (
              <option key={option} value={option}>
                {t(`kind.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('editor.genres')} hint={t('editor.genres.hint')} {...genres.field}>
          <input
            {...genres.control}
            value={values.genres}
            onChange={(e) => change('genres', e.target.value)}
          />
        </Field>
        {chips.length > 0 ? (
          <ul className="chips" aria-label={t('editor.genres')} data-testid="artist-genre-chips">
            {chips.map((genre) => (
              <li key={genre} className="chip">
                {genre}
              </li>
            ))}
          </ul>
        ) : null}
        <fieldset className="field-group">
          <legend>{t('editor.fees')}</legend>
          <div className="field-row">
            <Field label={t('editor.feeMin')} {...feeMin.field}>
              <input
                {...feeMin.control}
                inputMode="decimal"
                value={values.feeMin}
                onChange={(e) => change('feeMin', e.target.value)}
              />
            </Field>
            <Field label={t('editor.feeMax')} {...feeMax.field}>
              <input
                {...feeMax.control}
                inputMode="decimal"
                value={values.feeMax}
                onChange={(e) => change('feeMax', e.target.value)}
              />
            </Field>
            <Field label={t('editor.currency')} {...currency.field} className="field-narrow">
              <select
                {...currency.control}
                value={values.currency}
                onChange={(e) => {
                  const parsed = Currency.safeParse(e.target.value);
                  if (parsed.success) change('currency', parsed.data);
                }}
              >
                {Currency.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
        <Field label={t('editor.draw')} {...draw.field}>
          <input
            {...draw.control}
            inputMode="numeric"
            value={values.draw}
            onChange={(e) => change('draw', e.target.value)}
          />
        </Field>
        <div className="field-row">
          <Field label={t('editor.homeCity')} {...city.field}>
            <input
              {...city.control}
              maxLength={120}
              value={values.homeCity}
              onChange={(e) => change('homeCity', e.target.value)}
            />
          </Field>
          <Field label={t('editor.homeCountry')} {...country.field}>
            <select
              {...country.control}
              value={values.homeCountry}
              onChange={(e) => {
                const parsed = Country.safeParse(e.target.value);
                if (parsed.success) change('homeCountry', parsed.data);
              }}
            >
              {Country.options.map((option) => (
                <option key={option} value={option}>
                  {t(`country.${option}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="field-row">
          <Field label={t('editor.lineupSize')} {...lineup.field}>
            <input
              {...lineup.control}
              inputMode="numeric"
              value={values.lineupSize}
              onChange={(e) => change('lineupSize', e.target.value)}
            />
          </Field>
          <Field label={t('editor.agentId')} hint={t('editor.agentId.hint')} {...agent.field}>
            <input
              {...agent.control}
              maxLength={64}
              value={values.agentId}
              onChange={(e) => change('agentId', e.target.value)}
            />
          </Field>
        </div>
        <fieldset className="field-group">
          <legend>{t('editor.radius')}</legend>
          <div className="field-row">
            <Field label={t('editor.radiusKm')} {...radiusKm.field}>
              <input
                {...radiusKm.control}
                inputMode="numeric"
                value={values.radiusKm}
                onChange={(e) => change('radiusKm', e.target.value)}
              />
            </Field>
            <Field label={t('editor.radiusDaysBefore')} {...radiusBefore.field}>
              <input
                {...radiusBefore.control}
                inputMode="numeric"
                value={values.radiusDaysBefore}
                onChange={(e) => change('radiusDaysBefore', e.target.value)}
              />
            </Field>
            <Field label={t('editor.radiusDaysAfter')} {...radiusAfter.field}>
              <input
                {...radiusAfter.control}
                inputMode="numeric"
                value={values.radiusDaysAfter}
                onChange={(e) => change('radiusDaysAfter', e.target.value)}
              />
            </Field>
          </div>
        </fieldset>
        <Field label={t('editor.technicalRider')} {...rider.field}>
          <textarea
            {...rider.control}
            rows={6}
            value={values.technicalRider}
            onChange={(e) => change('technicalRider', e.target.value)}
          />
        </Field>
        <Field label={t('editor.mediaLinks')} hint={t('editor.mediaLinks.hint')} {...media.field}>
          <textarea
            {...media.control}
            rows={4}
            value={values.mediaLinks}
            onChange={(e) => change('mediaLinks', e.target.value)}
          />
        </Field>
        {savedLinks.length > 0 ? (
          <ul className="media-links" data-testid="artist-media-links">
            {savedLinks.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noreferrer noopener">
                  {link.label || link.url}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <Field label={t('editor.bio')} {...bio.field}>
          <textarea
            {...bio.control}
            rows={6}
            value={values.bio}
            onChange={(e) => change('bio', e.target.value)}
          />
        </Field>
        {status.kind === 'failed' ? (
          <p className="form-error" role="alert" data-testid="artist-editor-error">
            {status.message}
          </p>
        ) : null}
        <div className="editor-actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid="artist-save"
            disabled={status.kind === 'saving'}
          >
            {status.kind === 'saving' ? t('editor.saving') : t('editor.save')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="artist-revert"
            onClick={revert}
            disabled={status.kind === 'saving'}
          >
            {t('editor.revert')}
          </button>
          <span
            className="editor-status"
            role="status"
            data-testid="artist-editor-status"
            data-state={status.kind}
          >
            {status.kind === 'saved'
              ? t('editor.saved')
              : status.kind === 'unchanged'
                ? t('editor.noChanges')
                : ''}
          </span>
        </div>
        <p className="muted editor-meta">
          {t('editor.updatedAt', { date: formatDateTime(original.updatedAt, locale) })}
        </p>
      </form>
    );
  }

  return (
    <aside
      className="editor-panel artist-page"
      data-testid="artist-editor"
      data-artist-id={id}
      aria-labelledby={`${ids}-title`}
    >
      <header className="editor-header">
        <div>
          <p className="editor-kicker">{t('editor.pageTitle')}</p>
          <h2 id={`${ids}-title`}>{original?.name ?? ''}</h2>
        </div>
        <button
          type="button"
          className="button button-ghost button-icon"
          onClick={onClose}
          aria-label={t('editor.close')}
          title={t('editor.close')}
          data-testid="artist-editor-close"
        >
          ×
        </button>
      </header>
      {body}
    </aside>
  );
}
