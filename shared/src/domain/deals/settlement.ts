/**
 * Settlement calculator for every deal structure of DOMAIN.md ("Deal structures and
 * settlement"). Pure, zod-validated, integer minor units only, BigInt internally.
 *
 * Order of deductions (DOMAIN.md "order of deductions matters"):
 *   gross = Σ ticket price × tickets sold                     (comps are free tickets)
 *   adjusted gross = gross − facility fees − pre-settlement fees   ("before tax")
 *   net = adjusted gross − ticket tax, tax in a price x at rate r = x − x/(1+r)
 *         (computed once on the whole gross, rounded half-even)     ("tax")
 *   split point = fixed + variable expenses + promoter profit (bps of expenses) ("before split")
 *   backend = X% × max(0, net − split point)                         ("after split")
 * then agency commission, VAT on the fee, withholding and deposit ("withholding").
 *
 * Structures:
 * - flat: payout = guarantee.
 * - guarantee_bonus: guarantee + bonuses on tickets sold, gross revenue or occupancy
 *   (bps of sellable), either `incremental` (every tier reached adds) or `highest`
 *   (only the highest tier reached pays).
 * - versus_net: max(guarantee, X% × max(0, net − split point)) — "net receipts after
 *   agreed expenses". The winning branch is reported; ties go to the guarantee.
 * - versus_gross: max(guarantee, X% × gross), no expense audit.
 * - door: X% × max(0, net − split point), no guarantee.
 * - percentage (straight): X% × net, no guarantee and no expenses.
 * - co_headline: a shared pool = max(guarantee, X% × max(0, net − split point)) split
 *   between the headliners by `coHeadlineSharesBps` (largest remainder); payout = the
 *   share at `coHeadlineIndex` (this deal's artist).
 */
import { z } from 'zod';
import { Currency, DealType } from '../enums';
import { BonusTier, Expense, Minor } from '../records';
import { agencyCommission, Bps } from './commission';
import { allocate, applyBps, BPS, divHalfEven, toMinor } from './money';

const MAX_MINOR = 1_000_000_000_00;

/** Deal terms: what DealRecord carries, plus what some structures need. */
export const DealTerms = z
  .object({
    dealType: DealType,
    currency: Currency,
    guarantee: Minor.default(0),
    /** Artist percentage X in basis points (8000 = 80%). */
    percentageBps: Bps.default(0),
    agencyCommissionBps: Bps.default(0),
    bonuses: z.array(BonusTier).max(50).default([]),
    bonusMode: z.enum(['incremental', 'highest']).default('incremental'),
    /** Promoter profit, a percentage of expenses, added to the split point. */
    promoterProfitBps: Bps.default(0),
    /** Co-headline: every headliner's share of the pool (bps, summing to 10 000). */
    coHeadlineSharesBps: z.array(Bps).max(10).default([]),
    coHeadlineIndex: z.number().int().min(0).default(0),
    /** VAT on the artist fee, from the country table (DOMAIN.md: rates are data). */
    vatBps: Bps.default(0),
    /** EU B2B cross-border: VAT reverse-charged, none invoiced. */
    vatReverseCharge: z.boolean().default(false),
    /** Withholding deducted at settlement (e.g. foreign-artist tax), bps of the fee. */
    withholdingBps: Bps.default(0),
    /** Deposit already paid to the artist side, deducted from the walkout. */
    depositPaid: Minor.default(0),
  })
  .superRefine((t, ctx) => {
    if (t.dealType === 'co_headline') {
      const sum = t.coHeadlineSharesBps.reduce((a, b) => a + b, 0);
      if (t.coHeadlineSharesBps.length < 2 || sum !== 10_000) {
        ctx.addIssue({
          code: 'custom',
          path: ['coHeadlineSharesBps'],
          message: 'co-headline needs at least two shares summing to 10000 bps',
        });
      } else if (t.coHeadlineIndex >= t.coHeadlineSharesBps.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['coHeadlineIndex'],
          message: 'coHeadlineIndex is out of range',
        });
      }
    }
  });
export type DealTermsInput = z.input<typeof DealTerms>;
export type DealTerms = z.output<typeof DealTerms>;

export const PriceTier = z.object({
  label: z.string().max(100).default(''),
  /** Ticket price, taxes included, in minor units. */
  price: Minor,
  sold: z.number().int().min(0).max(1_000_000),
  comps: z.number().int().min(0).max(1_000_000).default(0),
});

export const BoxOffice = z
  .object({
    capacity: z.number().int().min(0).max(1_000_000),
    kills: z.number().int().min(0).max(1_000_000).default(0),
    tiers: z.array(PriceTier).max(100),
    facilityFees: Minor.default(0),
    preSettlementFees: Minor.default(0),
    /** Rate of the tax included in ticket prices, bps (e.g. 210 = 2.1%). */
    ticketTaxBps: Bps.default(0),
    fixedExpenses: z.array(Expense).max(200).default([]),
    variableExpenses: z.array(Expense).max(200).default([]),
  })
  .superRefine((b, ctx) => {
    const sold = b.tiers.reduce((a, t) => a + t.sold, 0);
    const comps = b.tiers.reduce((a, t) => a + t.comps, 0);
    if (sold + comps + b.kills > b.capacity) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiers'],
        message: 'tickets sold + comps + kills exceed capacity',
      });
    }
  });
export type BoxOfficeInput = z.input<typeof BoxOffice>;
export type BoxOffice = z.output<typeof BoxOffice>;

export type DeductionKind =
  | 'facility_fees'
  | 'pre_settlement_fees'
  | 'ticket_tax'
  | 'fixed_expense'
  | 'variable_expense'
  | 'promoter_profit';
export interface DeductionLine {
  kind: DeductionKind;
  label: string;
  amount: number;
  stage: 'before_tax' | 'tax' | 'before_split';
}

export interface Settlement {
  dealType: DealType;
  currency: Currency;
  ticketsSold: number;
  comps: number;
  sellable: number;
  /** Occupancy in bps of sellable (floor). */
  occupancyBps: number;
  gross: number;
  adjustedGross: number;
  ticketTax: number;
  net: number;
  deductions: DeductionLine[];
  expenses: number;
  splitPoint: number;
  guarantee: number;
  bonus: number;
  /** The percentage branch: X% of the structure's base (0 when not applicable). */
  percentageAmount: number;
  /** For versus deals (and co-headline pools): which branch won. */
  versusWinner: 'guarantee' | 'percentage' | null;
  /** Co-headline only: the whole pool before splitting between headliners. */
  coHeadlinePool: number | null;
  coHeadlineShares: number[] | null;
  /** The artist fee earned (never negative). */
  artistPayout: number;
  agencyCommission: number;
  /** artistPayout − agencyCommission. */
  artistNet: number;
  vatBps: number;
  vat: number;
  vatReverseCharge: boolean;
  withholding: number;
  depositPaid: number;
  /** artistPayout + vat − withholding − depositPaid; negative = owed back to the buyer. */
  walkout: number;
}

export class SettlementError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettlementError';
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new SettlementError(
      `invalid_${what}`,
      `${what}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return r.data;
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);

function bonusFor(terms: DealTerms, sold: number, gross: bigint, occupancyBps: number): bigint {
  const reached = terms.bonuses.filter((b) => {
    if (b.metric === 'tickets') return sold >= b.threshold;
    if (b.metric === 'revenue') return gross >= BigInt(b.threshold);
    return occupancyBps >= b.threshold;
  });
  if (reached.length === 0) return 0n;
  if (terms.bonusMode === 'incremental') return reached.reduce((a, b) => a + BigInt(b.amount), 0n);
  // highest tier reached: the largest amount among reached tiers
  return reached.reduce((a, b) => max(a, BigInt(b.amount)), 0n);
}

export function settle(termsInput: DealTermsInput, boxOfficeInput: BoxOfficeInput): Settlement {
  const terms = parse(DealTerms, termsInput, 'terms');
  const bo = parse(BoxOffice, boxOfficeInput, 'box_office');

  const ticketsSold = bo.tiers.reduce((a, t) => a + t.sold, 0);
  const comps = bo.tiers.reduce((a, t) => a + t.comps, 0);
  const sellable = bo.capacity - comps - bo.kills;
  const occupancyBps = sellable > 0 ? Math.floor((ticketsSold * 10_000) / sellable) : 0;

  const gross = bo.tiers.reduce((a, t) => a + BigInt(t.price) * BigInt(t.sold), 0n);
  const deductions: DeductionLine[] = [];
  const facility = BigInt(bo.facilityFees);
  const pre = BigInt(bo.preSettlementFees);
  if (facility > 0n)
    deductions.push({ kind: 'facility_fees', label: '', amount: bo.facilityFees, stage: 'before_tax' });
  if (pre > 0n)
    deductions.push({
      kind: 'pre_settlement_fees',
      label: '',
      amount: bo.preSettlementFees,
      stage: 'before_tax',
    });
  const adjustedGross = gross - facility - pre;
  if (adjustedGross < 0n) {
    throw new SettlementError('fees_exceed_gross', 'facility and pre-settlement fees exceed gross');
  }
  // tax in x at rate r: x − x/(1+r) = x·r/(1+r); with r in bps: x·bps/(10000+bps)
  const ticketTax = divHalfEven(gross * BigInt(bo.ticketTaxBps), BPS + BigInt(bo.ticketTaxBps));
  if (ticketTax > 0n)
    deductions.push({ kind: 'ticket_tax', label: '', amount: toMinor(ticketTax), stage: 'tax' });
  const net = max(0n, adjustedGross - ticketTax);

  let expenses = 0n;
  for (const e of bo.fixedExpenses) {
    expenses += BigInt(e.amount);
    deductions.push({ kind: 'fixed_expense', label: e.label, amount: e.amount, stage: 'before_split' });
  }
  for (const e of bo.variableExpenses) {
    expenses += BigInt(e.amount);
    deductions.push({
      kind: 'variable_expense',
      label: e.label,
      amount: e.amount,
      stage: 'before_split',
    });
  }
  const promoterProfit = applyBps(expenses, terms.promoterProfitBps);
  if (promoterProfit > 0n)
    deductions.push({
      kind: 'promoter_profit',
      label: '',
      amount: toMinor(promoterProfit),
      stage: 'before_split',
    });
  const splitPoint = expenses + promoterProfit;
  const afterSplit = max(0n, net - splitPoint);

  const guarantee = BigInt(terms.guarantee);
  const pct = terms.percentageBps;
  let bonus = 0n;
  let percentageAmount = 0n;
  let versusWinner: Settlement['versusWinner'] = null;
  let payout: bigint;
  let coHeadlinePool: number | null = null;
  let coHeadlineShares: number[] | null = null;

  const versus = (base: bigint): bigint => {
    percentageAmount = applyBps(base, pct);
    versusWinner = percentageAmount > guarantee ? 'percentage' : 'guarantee';
    return max(guarantee, percentageAmount);
  };

  switch (terms.dealType) {
    case 'flat':
      payout = guarantee;
      break;
    case 'guarantee_bonus':
      bonus = bonusFor(terms, ticketsSold, gross, occupancyBps);
      payout = guarantee + bonus;
      break;
    case 'versus_net':
      payout = versus(afterSplit);
      break;
    case 'versus_gross':
      payout = versus(gross);
      break;
    case 'door':
      percentageAmount = applyBps(afterSplit, pct);
      payout = percentageAmount;
      break;
    case 'percentage':
      percentageAmount = applyBps(net, pct);
      payout = percentageAmount;
      break;
    case 'co_headline': {
      const pool = versus(afterSplit);
      coHeadlinePool = toMinor(pool);
      coHeadlineShares = allocate(coHeadlinePool, terms.coHeadlineSharesBps);
      payout = BigInt(coHeadlineShares[terms.coHeadlineIndex] ?? 0);
      break;
    }
  }

  const artistPayout = toMinor(payout);
  if (artistPayout > MAX_MINOR) {
    throw new SettlementError('payout_overflow', 'artist payout exceeds the maximum amount');
  }
  const split = agencyCommission(artistPayout, terms.agencyCommissionBps);
  const vatBps = terms.vatReverseCharge ? 0 : terms.vatBps;
  const vat = toMinor(applyBps(payout, vatBps));
  const withholding = toMinor(applyBps(payout, terms.withholdingBps));

  return {
    dealType: terms.dealType,
    currency: terms.currency,
    ticketsSold,
    comps,
    sellable,
    occupancyBps,
    gross: toMinor(gross),
    adjustedGross: toMinor(adjustedGross),
    ticketTax: toMinor(ticketTax),
    net: toMinor(net),
    deductions,
    expenses: toMinor(expenses),
    splitPoint: toMinor(splitPoint),
    guarantee: terms.guarantee,
    bonus: toMinor(bonus),
    percentageAmount: toMinor(percentageAmount),
    versusWinner,
    coHeadlinePool,
    coHeadlineShares,
    artistPayout,
    agencyCommission: split.agency,
    artistNet: split.artist,
    vatBps,
    vat,
    vatReverseCharge: terms.vatReverseCharge,
    withholding,
    depositPaid: terms.depositPaid,
    walkout: artistPayout + vat - withholding - terms.depositPaid,
  };
}
