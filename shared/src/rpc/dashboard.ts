/**
 * Dashboard RPC: what needs the booker's attention today (upcoming shows, expiring holds,
 * challenges due), the pipeline by stage and revenue by month. Money in integer minor
 * units, per currency. Composed into `rpcContract` (contract.ts).
 */
import { z } from 'zod';
import { Currency, DealStage, HoldLevel } from '../domain/enums';
import { IsoDate } from '../domain/records';

export const DashboardParams = z
  .object({
    /** The day the dashboard is for (default: today, UTC). */
    today: IsoDate.optional(),
  })
  .strict();
export type DashboardParams = z.infer<typeof DashboardParams>;

export const DashboardDeal = z.object({
  id: z.string(),
  artistId: z.string(),
  artistName: z.string(),
  venueName: z.string(),
  venueCity: z.string(),
  date: z.string(),
  stage: DealStage,
  holdLevel: HoldLevel.nullable(),
  holdExpiresAt: z.string().nullable(),
  challengeDeadline: z.string().nullable(),
  guarantee: z.number().int(),
  currency: Currency,
});
export type DashboardDeal = z.infer<typeof DashboardDeal>;

export const MoneyTotal = z.object({ currency: Currency, amount: z.number().int() });
export type MoneyTotal = z.infer<typeof MoneyTotal>;

export const StageSummary = z.object({
  stage: DealStage,
  count: z.number().int(),
  /** Sum of guarantees, one entry per currency present. */
  guarantees: z.array(MoneyTotal),
});
export type StageSummary = z.infer<typeof StageSummary>;

/** One currency's revenue over the months of `RevenueByMonth.months` (same order). */
export const RevenueSeries = z.object({
  currency: Currency,
  guarantee: z.array(z.number().int()),
  commission: z.array(z.number().int()),
});
export type RevenueSeries = z.infer<typeof RevenueSeries>;

export const RevenueByMonth = z.object({
  /** 12 months, "YYYY-MM", oldest first. */
  months: z.array(z.string()),
  series: z.array(RevenueSeries),
});
export type RevenueByMonth = z.infer<typeof RevenueByMonth>;

/** A list on the dashboard: its first items and how many there are in all. */
const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const Dashboard = z.object({
  today: z.string(),
  /** Firm deals in the next 30 days, by date. */
  upcoming: listOf(DashboardDeal),
  /** Holds whose expiry falls within 7 days, soonest first. */
  expiringHolds: listOf(DashboardDeal),
  /** Pending challenges, by deadline. */
  challenges: listOf(DashboardDeal),
  byStage: z.array(StageSummary),
  revenue: RevenueByMonth,
});
export type Dashboard = z.infer<typeof Dashboard>;

export const dashboardContract = {
  'dashboard.get': { params: DashboardParams, result: Dashboard },
} as const;
