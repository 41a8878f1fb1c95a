/** Pure logic of the pipeline screens: columns, moves, the terms form and the settlement input. */
import {
  type BoxOfficeInput,
  type DealPatch,
  type DealRecord,
  type DealRow,
  DealStage,
  type DealStage as Stage,
  type DealTermsInput,
  DealType,
  type Settlement,
  SettlementError,
  settle,
} from '@flowstage/shared';
import { formatMoney, parseMajorToMinor } from '../lib/money';
import { bpsToPercent, percentToBps } from './percent';
import { dealTermsInput } from './terms';

/** The main line of a date's life, in order (DOMAIN.md "Lifecycle"): the kanban columns. */
export const MAIN_STAGES: readonly Stage[] = DealStage.options.filter(
  (s) => s !== 'declined' && s !== 'released' && s !== 'cancelled',
);
/** Side states, shown together in a last "closed" column. */
export const SIDE_STAGES: readonly Stage[] = ['declined', 'released', 'cancelled'];
export const ALL_STAGES: readonly Stage[] = DealStage.options;
export const DEAL_TYPES = DealType.options;

export type ColumnId = Stage | 'closed';
export const COLUMNS: readonly ColumnId[] = [...MAIN_STAGES, 'closed'];

export function columnOf(stage: Stage): ColumnId {
  return SIDE_STAGES.includes(stage) ? 'closed' : stage;
}

/** Deals grouped by kanban column, every column present, order of the list kept. */
export function groupByColumn<T extends Pick<DealRow, 'stage'>>(rows: readonly T[]): Map<ColumnId, T[]> {
  const out = new Map<ColumnId, T[]>(COLUMNS.map((c) => [c, []]));
  for (const r of rows) out.get(columnOf(r.stage))?.push(r);
  return out;
}

/** The next / previous stage on the main line (null at the ends or from a side state). */
export function nextStage(stage: Stage): Stage | null {
  const i = MAIN_STAGES.indexOf(stage);
  return i >= 0 && i < MAIN_STAGES.length - 1 ? (MAIN_STAGES[i + 1] ?? null) : null;
}
export function previousStage(stage: Stage): Stage | null {
  const i = MAIN_STAGES.indexOf(stage);
  return i > 0 ? (MAIN_STAGES[i - 1] ?? null) : null;
}

/**
 * The stage a card dropped on a column moves to (null: it is already there). The closed
 * column means released for a hold, declined for a request or an offer, cancelled after.
 */
export function dropStage(stage: Stage, column: ColumnId): Stage | null {
  if (columnOf(stage) === column) return null;
  if (column !== 'closed') return column;
  if (stage === 'hold') return 'released';
  return stage === 'request' || stage === 'offer' ? 'declined' : 'cancelled';
}

/** "1st", "2nd" / "1re", "2e" … hold badge text. */
export function holdBadge(level: number | null, lang: 'fr' | 'en'): string | null {
  if (level === null) return null;
  if (lang === 'fr') return `${level}${level === 1 ? 're' : 'e'} option`;
  const suffix = level === 1 ? 'st' : level === 2 ? 'nd' : level === 3 ? 'rd' : 'th';
  return `${level}${suffix} hold`;
}

/** The terms form: strings as typed. */
export interface TermsForm {
  date: string;
  dealType: DealRecord['dealType'];
  currency: DealRecord['currency'];
  guarantee: string;
  percentage: string;
  ticketPrice: string;
  capacity: string;
  agencyCommission: string;
  notes: string;
}
export type TermsErrors = Partial<
  Record<keyof TermsForm, 'required' | 'amount' | 'percent' | 'number' | 'date'>
>;

export { bpsToPercent, percentToBps } from './percent';

export function termsFormOf(d: DealRecord, toInput: (minor: number) => string): TermsForm {
  return {
    date: d.date,
    dealType: d.dealType,
    currency: d.currency,
    guarantee: toInput(d.guarantee),
    percentage: bpsToPercent(d.percentageBps),
    ticketPrice: toInput(d.ticketPrice),
    capacity: String(d.capacity),
    agencyCommission: bpsToPercent(d.agencyCommissionBps),
    notes: d.notes,
  };
}

/** Validates the terms form into a deal patch, or the errors per field. */
export function termsPatch(
  form: TermsForm,
  locale: string,
): { ok: true; patch: DealPatch } | { ok: false; errors: TermsErrors } {
  const errors: TermsErrors = {};
  const money = (k: 'guarantee' | 'ticketPrice') => {
    const r = parseMajorToMinor(form[k], form.currency, locale);
    if (!r.ok) errors[k] = r.error === 'empty' ? 'required' : 'amount';
    return r.ok ? r.minor : 0;
  };
  const pct = (k: 'percentage' | 'agencyCommission') => {
    const b = percentToBps(form[k] || '0');
    if (b === null) errors[k] = 'percent';
    return b ?? 0;
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || Number.isNaN(Date.parse(form.date))) errors.date = 'date';
  const guarantee = money('guarantee');
  const ticketPrice = money('ticketPrice');
  const percentageBps = pct('percentage');
  const agencyCommissionBps = pct('agencyCommission');
  const capacity = /^\d{1,6}$/.test(form.capacity.trim()) ? Number(form.capacity.trim()) : null;
  if (capacity === null || capacity > 200_000) errors.capacity = 'number';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      date: form.date,
      dealType: form.dealType,
      currency: form.currency,
      guarantee,
      ticketPrice,
      percentageBps,
      capacity: capacity ?? 0,
      agencyCommissionBps,
      notes: form.notes,
    },
  };
}

/** The settlement calculator's inputs, as typed. */
export interface SettlementForm {
  ticketsSold: string;
  ticketPrice: string;
  expenses: string;
}

export type SettlementOutcome =
  | { ok: true; settlement: Settlement }
  | { ok: false; error: 'tickets' | 'price' | 'expenses' | 'capacity' | 'invalid' };

/** Runs the shared `settle()` for a deal with what the booker typed. */
export function computeSettlement(deal: DealRecord, form: SettlementForm, locale: string): SettlementOutcome {
  const sold = form.ticketsSold.trim();
  if (!/^\d{1,7}$/.test(sold)) return { ok: false, error: 'tickets' };
  const price = parseMajorToMinor(form.ticketPrice, deal.currency, locale);
  if (!price.ok) return { ok: false, error: 'price' };
  const expenses =
    form.expenses.trim() === ''
      ? { ok: true as const, minor: 0 }
      : parseMajorToMinor(form.expenses, deal.currency, locale);
  if (!expenses.ok) return { ok: false, error: 'expenses' };
  const ticketsSold = Number(sold);
  const terms: DealTermsInput = dealTermsInput(deal);
  const box: BoxOfficeInput = {
    capacity: Math.max(deal.capacity, ticketsSold),
    tiers: [{ price: price.minor, sold: ticketsSold }],
    fixedExpenses: [
      ...(deal.expenses ?? []).filter((e) => e.amount > 0),
      ...(expenses.minor > 0 ? [{ label: 'expenses', amount: expenses.minor }] : []),
    ],
  };
  if (deal.capacity > 0 && ticketsSold > deal.capacity) return { ok: false, error: 'capacity' };
  try {
    return { ok: true, settlement: settle(terms, box) };
  } catch (err) {
    if (err instanceof SettlementError) return { ok: false, error: 'invalid' };
    throw err;
  }
}

/** A history value as the booker reads it: amounts in the deal's currency, rates in %. */
export function historyValue(field: string, value: unknown, currency: string, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if ((field === 'guarantee' || field === 'ticketPrice') && typeof value === 'number') {
    return formatMoney(value, currency, locale);
  }
  if (field.endsWith('Bps') && typeof value === 'number') return `${bpsToPercent(value)} %`;
  return String(value);
}
