/**
 * The deal terms beyond the base fields (DOMAIN.md "Deal structures and settlement"):
 * bonus tiers, expenses and promoter profit (split point), co-headline shares, VAT,
 * withholding and deposit — as typed in the form, validated into a `DealPatch`, and fed
 * to the shared `settle()`. Only the fields the chosen structure uses are shown and sent,
 * so switching structure never loses what was stored for another one.
 */
import {
  type BonusTier,
  type Country,
  type DealPatch,
  type DealRecord,
  type DealTermsInput,
  type DealType,
  vatRatesOn,
  vatReverseChargeApplies,
} from '@flowstage/shared';
import { parseMajorToMinor } from '../lib/money';
import { bpsToPercent, percentToBps } from './percent';

export interface BonusRow {
  metric: BonusTier['metric'];
  threshold: string;
  amount: string;
}
export interface ExpenseRow {
  label: string;
  amount: string;
}
export interface ExtraForm {
  bonuses: BonusRow[];
  bonusMode: 'incremental' | 'highest';
  expenses: ExpenseRow[];
  promoterProfit: string;
  shares: string[];
  coHeadlineIndex: number;
  vat: string;
  vatReverseCharge: boolean;
  withholding: string;
  depositPaid: string;
}

export type ExtraErrorCode = 'required' | 'amount' | 'percent' | 'number' | 'shares_sum' | 'shares_count';
/** Errors by field: `bonus.0.threshold`, `expense.1.amount`, `shares`, `vat` … */
export type ExtraErrors = Record<string, ExtraErrorCode>;

/** Which editors a structure shows. */
export function sectionsOf(type: DealType) {
  return {
    guarantee: type !== 'door' && type !== 'percentage',
    percentage: type !== 'flat' && type !== 'guarantee_bonus',
    bonuses: type === 'guarantee_bonus',
    splitPoint: type === 'versus_net' || type === 'door' || type === 'co_headline',
    shares: type === 'co_headline',
  };
}

export function extraFormOf(d: DealRecord, toInput: (minor: number) => string): ExtraForm {
  return {
    bonuses: (d.bonuses ?? []).map((b) => ({
      metric: b.metric,
      threshold:
        b.metric === 'revenue'
          ? toInput(b.threshold)
          : b.metric === 'occupancy'
            ? bpsToPercent(b.threshold)
            : String(b.threshold),
      amount: toInput(b.amount),
    })),
    bonusMode: d.bonusMode ?? 'incremental',
    expenses: (d.expenses ?? []).map((e) => ({ label: e.label, amount: toInput(e.amount) })),
    promoterProfit: bpsToPercent(d.promoterProfitBps ?? 0),
    shares: (d.coHeadlineSharesBps?.length ? d.coHeadlineSharesBps : [5000, 5000]).map(bpsToPercent),
    coHeadlineIndex: d.coHeadlineIndex ?? 0,
    vat: bpsToPercent(d.vatBps ?? 0),
    vatReverseCharge: d.vatReverseCharge ?? false,
    withholding: bpsToPercent(d.withholdingBps ?? 0),
    depositPaid: toInput(d.depositPaid ?? 0),
  };
}

/** Validates the extra terms the structure uses into patch fields, or errors per field. */
export function extraPatch(
  form: ExtraForm,
  type: DealType,
  currency: DealRecord['currency'],
  locale: string,
): { ok: true; patch: DealPatch } | { ok: false; errors: ExtraErrors } {
  const errors: ExtraErrors = {};
  const money = (key: string, text: string, required = true): number => {
    if (!required && text.trim() === '') return 0;
    const r = parseMajorToMinor(text, currency, locale);
    if (!r.ok) errors[key] = r.error === 'empty' ? 'required' : 'amount';
    return r.ok ? r.minor : 0;
  };
  const pct = (key: string, text: string): number => {
    const b = percentToBps(text.trim() === '' ? '0' : text);
    if (b === null) errors[key] = 'percent';
    return b ?? 0;
  };
  const show = sectionsOf(type);
  const patch: DealPatch = {
    vatBps: pct('vat', form.vat),
    vatReverseCharge: form.vatReverseCharge,
    withholdingBps: pct('withholding', form.withholding),
    depositPaid: money('depositPaid', form.depositPaid, false),
  };
  if (show.bonuses) {
    patch.bonusMode = form.bonusMode;
    patch.bonuses = form.bonuses.map((b, i) => {
      const key = `bonus.${i}.threshold`;
      let threshold = 0;
      if (b.metric === 'revenue') threshold = money(key, b.threshold);
      else if (b.metric === 'occupancy') threshold = pct(key, b.threshold);
      else if (/^\d{1,7}$/.test(b.threshold.trim())) threshold = Number(b.threshold.trim());
      else errors[key] = 'number';
      return { metric: b.metric, threshold, amount: money(`bonus.${i}.amount`, b.amount) };
    });
  }
  if (show.splitPoint) {
    patch.promoterProfitBps = pct('promoterProfit', form.promoterProfit);
    patch.expenses = form.expenses.map((e, i) => ({
      label: e.label.trim().slice(0, 200),
      amount: money(`expense.${i}.amount`, e.amount),
    }));
  }
  if (show.shares) {
    const shares = form.shares.map((s, i) => {
      const b = percentToBps(s);
      if (b === null) errors[`share.${i}`] = 'percent';
      return b ?? 0;
    });
    if (shares.length < 2) errors.shares = 'shares_count';
    else if (!Object.keys(errors).some((k) => k.startsWith('share.')) && sumOf(shares) !== 10_000) {
      errors.shares = 'shares_sum';
    }
    patch.coHeadlineSharesBps = shares;
    patch.coHeadlineIndex = Math.min(form.coHeadlineIndex, Math.max(0, shares.length - 1));
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patch };
}

const sumOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** What an absent extra field means (older records): sending it unchanged would only add noise to the history. */
const ABSENT: Partial<Record<keyof DealPatch, unknown>> = {
  bonuses: [],
  bonusMode: 'incremental',
  promoterProfitBps: 0,
  coHeadlineIndex: 0,
  vatBps: 0,
  vatReverseCharge: false,
  withholdingBps: 0,
  depositPaid: 0,
  expenses: [],
};

/** The patch without the extra fields whose value is already the stored one (or what its absence means). */
export function changedOnly(patch: DealPatch, deal: DealRecord): DealPatch {
  const stored = deal as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(patch).filter(([k, v]) => {
      const was = stored[k] ?? ABSENT[k as keyof DealPatch];
      return was === undefined || JSON.stringify(was) !== JSON.stringify(v);
    }),
  ) as DealPatch;
}

/** The shares as typed, summed in bps (null when one is not a percentage). */
export function sharesTotal(shares: readonly string[]): number | null {
  const bps = shares.map(percentToBps);
  return bps.some((b) => b === null) ? null : sumOf(bps as number[]);
}

/** The terms `settle()` takes, from a stored deal. */
export function dealTermsInput(deal: DealRecord): DealTermsInput {
  const shares = deal.coHeadlineSharesBps?.length ? deal.coHeadlineSharesBps : [5000, 5000];
  return {
    dealType: deal.dealType,
    currency: deal.currency,
    guarantee: deal.guarantee,
    percentageBps: deal.percentageBps,
    agencyCommissionBps: deal.agencyCommissionBps,
    bonuses: deal.bonuses ?? [],
    bonusMode: deal.bonusMode ?? 'incremental',
    promoterProfitBps: deal.promoterProfitBps ?? 0,
    ...(deal.dealType === 'co_headline'
      ? {
          coHeadlineSharesBps: shares,
          coHeadlineIndex: Math.min(deal.coHeadlineIndex ?? 0, shares.length - 1),
        }
      : {}),
    vatBps: deal.vatBps ?? 0,
    vatReverseCharge: deal.vatReverseCharge ?? false,
    withholdingBps: deal.withholdingBps ?? 0,
    depositPaid: deal.depositPaid ?? 0,
  };
}

/** The VAT the booker is offered: the table's rates for the show's country, and whether reverse charge applies. */
export function vatSuggestion(
  venueCountry: Country | undefined,
  artistCountry: Country | undefined,
  date: string,
): { rates: { kind: 'standard' | 'live_reduced'; percent: string }[]; reverseCharge: boolean } {
  if (!venueCountry) return { rates: [], reverseCharge: false };
  return {
    rates: vatRatesOn(venueCountry, date).map((r) => ({ kind: r.kind, percent: bpsToPercent(r.bps) })),
    reverseCharge: artistCountry ? vatReverseChargeApplies(artistCountry, venueCountry) : false,
  };
}
