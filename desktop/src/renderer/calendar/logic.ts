/**
 * Pure helpers of the calendar screen: item → FullCalendar event input, colours by
 * artist (roster mode), kind groups of the filter, move issues as sentences, periods.
 */
import type { AvailStatus, CalendarItem, CalendarItemKind, MoveIssue } from '@flowstage/shared';
import type { CalKey, CalT } from './messages';

export const ITEM_KINDS: readonly CalendarItemKind[] = [
  'hold',
  'show',
  'offer',
  'request',
  'travel',
  'day_off',
  'promo',
  'rehearsal',
];

/** Twelve hues far enough apart to tell artists apart in the roster calendar. */
const ARTIST_PALETTE = [
  '#3451b2',
  '#c2410c',
  '#0f766e',
  '#a21caf',
  '#4d7c0f',
  '#b91c1c',
  '#0369a1',
  '#7c3aed',
  '#a16207',
  '#be185d',
  '#15803d',
  '#475569',
];

/** Colour of a kind in one artist's calendar. */
export const KIND_COLOURS: Record<CalendarItemKind, string> = {
  hold: '#b45309',
  show: '#12805c',
  offer: '#5236e0',
  request: '#667085',
  travel: '#0369a1',
  day_off: '#9ca3af',
  promo: '#a21caf',
  rehearsal: '#475569',
};

/** A stable colour per artist (same artist, same colour, across sessions). */
export function artistColour(artistId: string): string {
  let h = 2166136261;
  for (let i = 0; i < artistId.length; i++) {
    h ^= artistId.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ARTIST_PALETTE[(h >>> 0) % ARTIST_PALETTE.length] ?? '#3451b2';
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A Date shown by the calendar (local midnight) as YYYY-MM-DD. */
export function localDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export interface EventInputLike {
  id: string;
  title: string;
  start: string;
  end?: string;
  allDay: boolean;
  startEditable: boolean;
  durationEditable: boolean;
  className: string;
  color: string;
}

/** The FullCalendar event of an item; only holds can be dragged. */
export function toEventInput(item: CalendarItem, roster: boolean): EventInputLike {
  const colour = roster ? artistColour(item.artistId) : KIND_COLOURS[item.kind];
  const timed = item.start !== null && item.end !== null;
  return {
    id: item.id,
    title: item.title,
    start: timed ? (item.start ?? item.date) : item.date,
    ...(timed ? { end: item.end ?? undefined } : { end: addDays(item.endDate, 1) }),
    allDay: !timed,
    startEditable: item.kind === 'hold' && item.dealId !== null,
    durationEditable: false,
    className: `cal-ev cal-ev-${item.kind}`,
    color: colour,
  };
}

export function filterItems(
  items: readonly CalendarItem[],
  kinds: ReadonlySet<CalendarItemKind>,
): CalendarItem[] {
  return items.filter((i) => kinds.has(i.kind));
}

/** Label of an item in the calendar: "H2 · Zaz — L'Olympia" (artist only in roster mode). */
export function itemLabel(item: CalendarItem, roster: boolean, t: CalT): string {
  const badge =
    item.kind === 'hold' && item.holdLevel !== null ? `${t('hold.badge', { n: item.holdLevel })} · ` : '';
  const who = roster ? `${item.artistName} — ` : '';
  return `${badge}${who}${item.title}${item.city && item.kind !== 'day_off' ? `, ${item.city}` : ''}`;
}

/** One sentence per move issue. */
export function issueText(issue: MoveIssue, t: CalT, formatDay: (date: string) => string): string {
  const key: CalKey = `issue.${issue.code}`;
  const other = issue.otherLabel
    ? ` (${issue.otherLabel}${issue.otherDate ? `, ${formatDay(issue.otherDate)}` : ''})`
    : '';
  return t(key, {
    other: issue.code === 'radius' || issue.code === 'lower_hold' ? issue.otherLabel || '—' : other,
    km: issue.distanceKm ?? 0,
    days: Math.abs(issue.daysApart ?? 0),
    level: issue.level !== null ? t('hold.badge', { n: issue.level }) : '',
  });
}

/** The message key for a hold refusal from `deal.update`, or null. */
export function holdErrorKey(code: string): CalKey | null {
  if (code === 'hold_date_taken' || code === 'hold_no_level_left') return `error.${code}`;
  return code.startsWith('hold_') ? 'error.hold' : null;
}

/** The avails period a screen starts with: today and the next three months. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 3);
  d.setUTCDate(d.getUTCDate() - 1);
  return { from: today, to: d.toISOString().slice(0, 10) };
}

/** Whether a period is valid for the avails: both dates, in order, at most `maxDays` days. */
export function periodOk(from: string, to: string, maxDays: number): boolean {
  const re = /^\d{4}-\d{2}-\d{2}$/;
  if (!re.test(from) || !re.test(to) || from > to) return false;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  return Number.isFinite(days) && days < maxDays;
}

/** Weeks (Monday first) of a month for the avails grid: dates, null outside the month. */
export function monthGrid(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const offset = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array.from({ length: offset }, () => null);
  for (let date = first; date.startsWith(month); date = addDays(date, 1)) {
    week.push(date);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

export const STATUS_ORDER: readonly AvailStatus[] = ['open', 'held', 'booked', 'day_off', 'travel'];
