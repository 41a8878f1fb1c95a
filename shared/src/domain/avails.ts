/**
 * Avails (DOMAIN.md, "Holds and the life of a date"): an artist's open dates over a
 * period, for pitching. Pure functions over the artist's deals and calendar events.
 *
 * A day is, by precedence: `booked` (a firm deal takes it: FIRM_STAGES), `day_off`,
 * `travel` (a travel day without a show), `held` (active holds, with their levels:
 * still pitchable as a lower hold), else `open`. Requests and dead deals do not take a
 * date; promo and rehearsal do not either (the artist can still play that night).
 */
import { z } from 'zod';
import type { DealStage, EventKind } from './enums';
import { FIRM_STAGES } from './stages';

export const AvailStatus = z.enum(['open', 'held', 'booked', 'day_off', 'travel']);
export type AvailStatus = z.infer<typeof AvailStatus>;

export const AvailDay = z.object({
  date: z.string(),
  status: AvailStatus,
  /** Levels of the active holds that day, ascending (1 = 1st hold). */
  holds: z.array(z.number().int()),
});
export type AvailDay = z.infer<typeof AvailDay>;

export interface AvailDeal {
  date: string;
  stage: DealStage;
  holdLevel: number | null;
}

/** An event reduced to the days it covers (inclusive). */
export interface AvailBlock {
  kind: EventKind;
  from: string;
  to: string;
}

/** Longest period the avails accept, in days (about a year). */
export const MAX_AVAILS_DAYS = 366;

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Every date from `from` to `to`, inclusive (empty when `to` is before `from`). */
export function datesBetween(from: string, to: string): string[] {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const out: string[] = [];
  for (let d = a; d <= b; d++) out.push(dateOfDay(d));
  return out;
}

/** Monday-based weekday: 0 = Monday … 6 = Sunday. */
export function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

const localDate = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone (agencies work in Europe/Paris time). */
export function dateInZone(instant: string, timeZone: string): string {
  let fmt = localDate.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    localDate.set(timeZone, fmt);
  }
  return fmt.format(new Date(instant));
}

/** A span of days; an end before the start is the start. */
function inOrder(from: string, last: string): { from: string; to: string } {
  if (last < from) return { from, to: from };
  return { from, to: last };
}

/**
 * The days an event covers. All-day events run from 00:00Z on their first date to 00:00Z
 * after their last; timed events cover the local dates of their start and of their last
 * minute (a 23:00–01:00 set covers two days only when it really crosses midnight).
 */
export function eventDays(
  e: { start: string; end: string; allDay: boolean },
  timeZone = 'Europe/Paris',
): { from: string; to: string } {
  if (e.allDay) {
    const from = e.start.slice(0, 10);
    const endMs = Date.parse(e.end);
    const last = Number.isFinite(endMs) ? new Date(endMs - 1).toISOString().slice(0, 10) : from;
    return inOrder(from, last);
  }
  const from = dateInZone(e.start, timeZone);
  const endMs = Date.parse(e.end);
  const startMs = Date.parse(e.start);
  const last = endMs > startMs ? dateInZone(new Date(endMs - 1).toISOString(), timeZone) : from;
  return inOrder(from, last);
}

/** The status of every day from `from` to `to`, inclusive, in order. */
export function computeAvails(
  from: string,
  to: string,
  deals: readonly AvailDeal[],
  blocks: readonly AvailBlock[],
): AvailDay[] {
  const start = dayNumber(from);
  const days = datesBetween(from, to);
  const booked = new Uint8Array(days.length);
  const off = new Uint8Array(days.length);
  const travel = new Uint8Array(days.length);
  const holds: number[][] = days.map(() => []);
  const index = (date: string) => {
    const i = dayNumber(date) - start;
    return i >= 0 && i < days.length ? i : -1;
  };
  for (const d of deals) {
    const i = index(d.date);
    if (i < 0) continue;
    if (FIRM_STAGES.has(d.stage)) booked[i] = 1;
    else if (d.stage === 'hold' && d.holdLevel !== null) holds[i]?.push(d.holdLevel);
  }
  for (const b of blocks) {
    if (b.kind !== 'day_off' && b.kind !== 'travel') continue;
    const target = b.kind === 'day_off' ? off : travel;
    const lo = Math.max(0, dayNumber(b.from) - start);
    const hi = Math.min(days.length - 1, dayNumber(b.to) - start);
    for (let i = lo; i <= hi; i++) target[i] = 1;
  }
  return days.map((date, i) => {
    const levels = (holds[i] ?? []).slice().sort((a, b) => a - b);
    const status: AvailStatus = booked[i]
      ? 'booked'
      : off[i]
        ? 'day_off'
        : travel[i]
          ? 'travel'
          : levels.length > 0
            ? 'held'
            : 'open';
    return { date, status, holds: status === 'booked' ? [] : levels };
  });
}

export interface DateRange {
  from: string;
  to: string;
  days: number;
}

/** Runs of consecutive days whose status is in `statuses` (default: open days). */
export function availRanges(
  days: readonly AvailDay[],
  statuses: readonly AvailStatus[] = ['open'],
): DateRange[] {
  const out: DateRange[] = [];
  let current: DateRange | null = null;
  for (const d of days) {
    if (statuses.includes(d.status)) {
      if (current && dayNumber(d.date) === dayNumber(current.to) + 1) {
        current.to = d.date;
        current.days++;
      } else {
        current = { from: d.date, to: d.date, days: 1 };
        out.push(current);
      }
    } else {
      current = null;
    }
  }
  return out;
}

/** Counts per status. */
export function availSummary(days: readonly AvailDay[]): Record<AvailStatus, number> {
  const out: Record<AvailStatus, number> = { open: 0, held: 0, booked: 0, day_off: 0, travel: 0 };
  for (const d of days) out[d.status]++;
  return out;
}
