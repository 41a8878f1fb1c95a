/**
 * The dashboard's queries over the projection (deals' indexed columns, the rest read
 * from their `data` JSON with json_extract), then the pure aggregation of dashboard-math.ts.
 */
import { type Dashboard, DashboardDeal, FIRM_STAGES, SHOW_STAGES } from '@flowstage/shared';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/open';
import {
  addDays,
  addMonths,
  aggregateRevenue,
  aggregateStages,
  type RevenueRow,
  revenueMonths,
  type StageRow,
} from './dashboard-math';

/** How many items each list shows (its total is given too). */
export const DASHBOARD_LIST_LIMIT = 50;
export const UPCOMING_DAYS = 30;
export const EXPIRING_DAYS = 7;

const inList = (stages: ReadonlySet<string>) => [...stages].map((s) => `'${s}'`).join(', ');

const DEAL_COLUMNS = `
  d.id, d.artist_id AS artistId, coalesce(a.name, '') AS artistName,
  coalesce(v.name, '') AS venueName, coalesce(v.city, '') AS venueCity, d.date, d.stage,
  d.hold_level AS holdLevel, json_extract(d.data, '$.holdExpiresAt') AS holdExpiresAt,
  json_extract(d.data, '$.challenge.deadline') AS challengeDeadline, d.guarantee, d.currency,
  count(*) OVER () AS total
  FROM deals d LEFT JOIN artists a ON a.id = d.artist_id LEFT JOIN venues v ON v.id = d.venue_id
  WHERE d.deleted_at IS NULL`;

const SQL = {
  upcoming: `SELECT ${DEAL_COLUMNS} AND d.date >= ? AND d.date <= ? AND d.stage IN (${inList(FIRM_STAGES)})
    ORDER BY d.date, artistName LIMIT ${DASHBOARD_LIST_LIMIT}`,
  expiring: `SELECT ${DEAL_COLUMNS} AND d.stage = 'hold'
    AND json_extract(d.data, '$.holdExpiresAt') >= ? AND json_extract(d.data, '$.holdExpiresAt') < ?
    ORDER BY holdExpiresAt, d.date LIMIT ${DASHBOARD_LIST_LIMIT}`,
  // instr() first: most deals have no challenge, and it spares parsing their JSON.
  challenges: `SELECT ${DEAL_COLUMNS} AND instr(d.data, '"challenge":{') > 0
    AND json_extract(d.data, '$.challenge.deadline') IS NOT NULL
    ORDER BY challengeDeadline, d.date LIMIT ${DASHBOARD_LIST_LIMIT}`,
  stages: `SELECT stage, currency, count(*) AS count, sum(guarantee) AS guarantee
    FROM deals WHERE deleted_at IS NULL GROUP BY stage, currency`,
  revenue: `SELECT date, currency, guarantee,
    coalesce(json_extract(data, '$.agencyCommissionBps'), 0) AS commissionBps
    FROM deals WHERE deleted_at IS NULL AND stage IN (${inList(SHOW_STAGES)}) AND date >= ? AND date < ?`,
} as const;

type Statements = { [K in keyof typeof SQL]: Statement<unknown[]> };
const prepared = new WeakMap<Sqlite, Statements>();

function statements(sqlite: Sqlite): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, sqlite.prepare(sql)])) as Statements;
    prepared.set(sqlite, s);
  }
  return s;
}

function list(rows: unknown[]): { items: DashboardDeal[]; total: number } {
  const first = rows[0] as { total?: number } | undefined;
  const items = rows.flatMap((r) => {
    const p = DashboardDeal.safeParse(r);
    return p.success ? [p.data] : [];
  });
  return { items, total: first?.total ?? 0 };
}

export function dashboard(sqlite: Sqlite, today: string): Dashboard {
  const s = statements(sqlite);
  const months = revenueMonths(today);
  const first = months[0] ?? today.slice(0, 7);
  const last = months[months.length - 1] ?? first;
  return {
    today,
    upcoming: list(s.upcoming.all(today, addDays(today, UPCOMING_DAYS))),
    expiringHolds: list(
      s.expiring.all(`${today}T00:00:00.000Z`, `${addDays(today, EXPIRING_DAYS + 1)}T00:00:00.000Z`),
    ),
    challenges: list(s.challenges.all()),
    byStage: aggregateStages(s.stages.all() as StageRow[]),
    revenue: aggregateRevenue(
      s.revenue.all(`${first}-01`, `${addMonths(last, 1)}-01`) as RevenueRow[],
      months,
    ),
  };
}
