/**
 * The dashboard's pure arithmetic: date windows, deals by stage, revenue by month. Money
 * stays in integer minor units and is never added across currencies.
 */
import {
  agencyCommission,
  type Currency,
  DealStage,
  type RevenueByMonth,
  type StageSummary,
} from '@flowstage/shared';

const DAY_MS = 86_400_000;

/** EUR first, then alphabetical. */
function byCurrency(a: Currency, b: Currency): number {
  if (a === b) return 0;
  if (a === 'EUR') return -1;
  if (b === 'EUR') return 1;
  return a < b ? -1 : 1;
}

/** `YYYY-MM-DD` plus `days` (UTC calendar days). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` plus `n` months. */
export function addMonths(month: string, n: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The revenue chart's 12 months: the 5 before today's month, it, and the 6 after. */
export function revenueMonths(today: string): string[] {
  const first = addMonths(today.slice(0, 7), -5);
  return Array.from({ length: 12 }, (_, i) => addMonths(first, i));
}

export interface StageRow {
  stage: string;
  currency: Currency;
  count: number;
  guarantee: number;
}

/** Counts and guarantee sums per stage, in the pipeline's stage order, currencies EUR first. */
export function aggregateStages(rows: readonly StageRow[]): StageSummary[] {
  const out: StageSummary[] = [];
  for (const stage of DealStage.options) {
    const mine = rows.filter((r) => r.stage === stage);
    if (mine.length === 0) continue;
    const totals = new Map<Currency, number>();
    for (const r of mine) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.guarantee);
    out.push({
      stage,
      count: mine.reduce((n, r) => n + r.count, 0),
      guarantees: [...totals]
        .sort(([a], [b]) => byCurrency(a, b))
        .map(([currency, amount]) => ({ currency, amount })),
    });
  }
  return out;
}

export interface RevenueRow {
  date: string;
  currency: Currency;
  guarantee: number;
  commissionBps: number;
}

/**
 * Guarantees and agency commission (per deal, half-even, as the deal page computes it)
 * summed per month and currency. Rows outside `months` are ignored; a currency appears
 * when it has at least one deal in the window.
 */
export function aggregateRevenue(rows: readonly RevenueRow[], months: readonly string[]): RevenueByMonth {
  const index = new Map(months.map((m, i) => [m, i]));
  const series = new Map<Currency, { guarantee: number[]; commission: number[] }>();
  for (const r of rows) {
    const i = index.get(r.date.slice(0, 7));
    if (i === undefined) continue;
    let s = series.get(r.currency);
    if (!s) {
      s = { guarantee: months.map(() => 0), commission: months.map(() => 0) };
      series.set(r.currency, s);
    }
    s.guarantee[i] = (s.guarantee[i] ?? 0) + r.guarantee;
    s.commission[i] = (s.commission[i] ?? 0) + agencyCommission(r.guarantee, r.commissionBps).agency;
  }
  return {
    months: [...months],
    series: [...series].sort(([a], [b]) => byCurrency(a, b)).map(([currency, s]) => ({ currency, ...s })),
  };
}
