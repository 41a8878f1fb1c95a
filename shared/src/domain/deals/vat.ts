/**
 * VAT on the artist fee (DOMAIN.md "Money"): rates are data, one row per country and kind,
 * versioned by the date they apply from. Reverse charge for B2B cross-border supplies
 * inside the EU (no VAT invoiced; the buyer accounts for it).
 */
import type { Country } from '../enums';

export interface VatRate {
  country: Country;
  kind: 'standard' | 'live_reduced';
  bps: number;
  /** First day the rate applies (YYYY-MM-DD). */
  from: string;
}

/** Seed rows: France 20 % (5.5 % for qualifying live-performance contracts), Belgium 21 % (6 % reduced), Switzerland 8.1 %. */
export const VAT_RATES: readonly VatRate[] = [
  { country: 'FR', kind: 'standard', bps: 2000, from: '2014-01-01' },
  { country: 'FR', kind: 'live_reduced', bps: 550, from: '2014-01-01' },
  { country: 'BE', kind: 'standard', bps: 2100, from: '1996-01-01' },
  { country: 'BE', kind: 'live_reduced', bps: 600, from: '1996-01-01' },
  { country: 'CH', kind: 'standard', bps: 770, from: '2018-01-01' },
  { country: 'CH', kind: 'standard', bps: 810, from: '2024-01-01' },
];

export const EU_COUNTRIES: ReadonlySet<Country> = new Set<Country>(['FR', 'BE']);

/** The rates of a country in force on `date` (latest row per kind), standard first. */
export function vatRatesOn(country: Country, date: string): VatRate[] {
  const byKind = new Map<VatRate['kind'], VatRate>();
  for (const r of VAT_RATES) {
    if (r.country !== country || r.from > date) continue;
    const cur = byKind.get(r.kind);
    if (!cur || cur.from < r.from) byKind.set(r.kind, r);
  }
  return [...byKind.values()].sort((a, b) => (a.kind === 'standard' ? -1 : b.kind === 'standard' ? 1 : 0));
}

/** Reverse charge applies to a B2B supply between two different EU countries. */
export function vatReverseChargeApplies(seller: Country, buyer: Country, b2b = true): boolean {
  return b2b && seller !== buyer && EU_COUNTRIES.has(seller) && EU_COUNTRIES.has(buyer);
}
