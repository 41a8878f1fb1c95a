/**
 * Commissions (DOMAIN.md, "People and organisations" and "Money").
 *
 * - Agency commission: a percentage (basis points) of the artist fee, taken by the
 *   booker / agency. The fee is split exactly into agency + artist parts.
 * - Platform commission (product): one rate chosen by the contract amount bracket and
 *   applied to the WHOLE amount (not marginally). Rates live in a data table.
 * - Escrow: deposit / balance split of the contract amount (default 30% / 70%).
 */
import { z } from 'zod';
import { Minor } from '../records';
import { allocate, applyBps, MoneyError, toMinor } from './money';

export const Bps = z.number().int().min(0).max(10_000);

/** One bracket: applies to amounts up to and including `upToMinor` (null = no ceiling). */
export const CommissionBracket = z.object({ upToMinor: Minor.nullable(), rateBps: Bps });
export type CommissionBracket = z.infer<typeof CommissionBracket>;
export const CommissionTable = z
  .array(CommissionBracket)
  .min(1)
  .refine(
    (rows) =>
      rows.every((r, i) => {
        const prev = rows[i - 1];
        if (i === rows.length - 1) return r.upToMinor === null;
        return (
          r.upToMinor !== null &&
          (prev === undefined || (prev.upToMinor !== null && prev.upToMinor < r.upToMinor))
        );
      }),
    'brackets must be ascending and end with an open bracket (upToMinor: null)',
  );
export type CommissionTable = z.infer<typeof CommissionTable>;

/** Seed table from DOMAIN.md (EUR minor units). Data, versioned with the domain doc. */
export const PLATFORM_COMMISSION_TABLE_EUR_V1: CommissionTable = [
  { upToMinor: 1_000_00, rateBps: 1200 },
  { upToMinor: 5_000_00, rateBps: 1000 },
  { upToMinor: 15_000_00, rateBps: 800 },
  { upToMinor: 50_000_00, rateBps: 600 },
  { upToMinor: null, rateBps: 400 },
];

export interface PlatformCommission {
  amount: number;
  rateBps: number;
  commission: number;
  /** amount − commission; commission + remainder === amount. */
  remainder: number;
}

export function platformCommission(
  amountMinor: number,
  table: CommissionTable = PLATFORM_COMMISSION_TABLE_EUR_V1,
): PlatformCommission {
  const amount = Minor.parse(amountMinor);
  const rows = CommissionTable.parse(table);
  const row = rows.find((r) => r.upToMinor === null || amount <= r.upToMinor);
  if (!row) throw new MoneyError('no_bracket', 'no commission bracket matches');
  const commission = toMinor(applyBps(BigInt(amount), row.rateBps));
  return { amount, rateBps: row.rateBps, commission, remainder: amount - commission };
}

export interface AgencySplit {
  fee: number;
  commissionBps: number;
  agency: number;
  artist: number;
}

/** The agency's commission on a new deal when the artist has no earlier deal to take it from (10 %). */
export const DEFAULT_AGENCY_COMMISSION_BPS = 1000;

/** Splits an artist fee between agency (commissionBps of the fee, half-even) and artist. */
export function agencyCommission(feeMinor: number, commissionBps: number): AgencySplit {
  const fee = Minor.parse(feeMinor);
  const bps = Bps.parse(commissionBps);
  const agency = toMinor(applyBps(BigInt(fee), bps));
  return { fee, commissionBps: bps, agency, artist: fee - agency };
}

export interface EscrowSplit {
  deposit: number;
  balance: number;
}

/** Deposit / balance of a contract amount; default 30% / 70%; sums back exactly. */
export function escrowSchedule(amountMinor: number, depositBps = 3000): EscrowSplit {
  const amount = Minor.parse(amountMinor);
  const bps = Bps.parse(depositBps);
  const [deposit = 0, balance = 0] = allocate(amount, [bps, 10_000 - bps]);
  return { deposit, balance };
}
