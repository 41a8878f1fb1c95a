/** The "New deal" form: strings in, validated `deal.create` params (or per-field errors) out. Pure. */
import type { Country, Currency, DealType, NewDeal } from '@flowstage/shared';
import { parseMajorToMinor } from '../lib/money';
import type { PipeKey } from './messages';

export const NEW_DEAL_STAGES = ['request', 'hold', 'offer'] as const;
export type NewDealStage = (typeof NEW_DEAL_STAGES)[number];

export interface NewDealForm {
  artistId: string;
  venueId: string | null;
  date: string;
  stage: NewDealStage;
  dealType: DealType;
  guarantee: string;
  currency: Currency;
}

export type NewDealErrors = Partial<Record<'artistId' | 'venueId' | 'date' | 'guarantee', PipeKey>>;

/** A deal's currency from its venue's country: CHF in Switzerland, else EUR. */
export function currencyForCountry(country: Country | undefined): Currency {
  return country === 'CH' ? 'CHF' : 'EUR';
}

export function emptyNewDeal(venueId: string | null = null): NewDealForm {
  return { artistId: '', venueId, date: '', stage: 'hold', dealType: 'flat', guarantee: '', currency: 'EUR' };
}

export function newDealParams(
  form: NewDealForm,
  locale: string,
): { params: NewDeal & { stage: NewDealStage } } | { errors: NewDealErrors } {
  const errors: NewDealErrors = {};
  if (!form.artistId) errors.artistId = 'error.required';
  if (!form.venueId) errors.venueId = 'error.required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || Number.isNaN(Date.parse(form.date)))
    errors.date = 'error.date';
  let guarantee = 0;
  if (form.guarantee.trim() !== '') {
    const parsed = parseMajorToMinor(form.guarantee, form.currency, locale);
    if (parsed.ok) guarantee = parsed.minor;
    else errors.guarantee = 'error.amount';
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    params: {
      artistId: form.artistId,
      venueId: form.venueId ?? '',
      date: form.date,
      stage: form.stage,
      dealType: form.dealType,
      guarantee,
      currency: form.currency,
    },
  };
}
