/**
 * Avails as plain text for an e-mail pitch (FR/EN): the open dates as ranges of
 * consecutive days ("mar. 3 – jeu. 5 mars" / "Tue 3 – Thu 5 March"), grouped by month
 * or by week. Optionally, the dates under hold (a lower hold can still be placed).
 */
import {
  type AvailDay,
  type AvailStatus,
  availRanges,
  availSummary,
  type DateRange,
  dayNumber,
  weekday,
} from './avails';

export type PitchLang = 'fr' | 'en';
export type PitchGroup = 'week' | 'month';

const LOCALE: Record<PitchLang, string> = { fr: 'fr-FR', en: 'en-GB' };

const WORDS = {
  fr: {
    title: 'Disponibilités',
    period: 'Du {from} au {to}',
    open: '{n} dates libres',
    open1: '1 date libre',
    none: 'Aucune date libre sur la période.',
    week: 'Semaine du {date}',
    held: 'en option ({levels})',
    heldTitle: 'Dates en option (une option suivante reste possible)',
  },
  en: {
    title: 'Avails',
    period: 'From {from} to {to}',
    open: '{n} open dates',
    open1: '1 open date',
    none: 'No open date in this period.',
    week: 'Week of {date}',
    held: 'on hold ({levels})',
    heldTitle: 'Dates on hold (a further hold is still possible)',
  },
} as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: PitchLang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { ...options, timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

function at(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function dayNum(date: string, lang: PitchLang): string {
  const d = at(date).getUTCDate();
  return lang === 'fr' && d === 1 ? '1er' : String(d);
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

/** "mar. 3" / "Tue 3", with the month ("mar. 3 mars") and year when asked. */
export function formatDay(date: string, lang: PitchLang, withMonth = true, withYear = false): string {
  const wd = fmt(lang, { weekday: 'short' }).format(at(date));
  let out = `${wd} ${dayNum(date, lang)}`;
  if (withMonth) out += ` ${fmt(lang, { month: 'long' }).format(at(date))}`;
  if (withYear) out += ` ${at(date).getUTCFullYear()}`;
  return out;
}

/** A range of days: "mar. 3 – jeu. 5 mars", "sam. 28 février – lun. 2 mars", one day alone. */
export function formatRange(range: { from: string; to: string }, lang: PitchLang): string {
  if (range.from === range.to) return formatDay(range.from, lang);
  const a = at(range.from);
  const b = at(range.to);
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  const sameMonth = sameYear && a.getUTCMonth() === b.getUTCMonth();
  return `${formatDay(range.from, lang, !sameMonth, !sameYear)} – ${formatDay(range.to, lang, true, !sameYear)}`;
}

/** "1er mars 2027" / "1 March 2027". */
export function formatLongDate(date: string, lang: PitchLang): string {
  const month = fmt(lang, { month: 'long' }).format(at(date));
  return `${dayNum(date, lang)} ${month} ${at(date).getUTCFullYear()}`;
}

/** "Mars 2027" / "March 2027". */
export function formatMonth(date: string, lang: PitchLang): string {
  return capitalise(fmt(lang, { month: 'long', year: 'numeric' }).format(at(date)));
}

export function holdOrdinal(level: number, lang: PitchLang): string {
  if (lang === 'fr') return level === 1 ? '1re' : `${level}e`;
  const suffix = level === 1 ? 'st' : level === 2 ? 'nd' : level === 3 ? 'rd' : 'th';
  return `${level}${suffix}`;
}

/** Key of the group a date belongs to: its month ("2027-03") or its week's Monday. */
export function groupKey(date: string, group: PitchGroup): string {
  if (group === 'month') return date.slice(0, 7);
  const monday = dayNumber(date) - weekday(date);
  return new Date(monday * 86_400_000).toISOString().slice(0, 10);
}

export function groupTitle(key: string, group: PitchGroup, lang: PitchLang): string {
  if (group === 'month') return formatMonth(`${key}-01`, lang);
  return WORDS[lang].week.replace('{date}', formatDay(key, lang));
}

/** Ranges of days with `statuses`, cut at group boundaries, by group (in date order). */
export function groupedRanges(
  days: readonly AvailDay[],
  group: PitchGroup,
  statuses: readonly AvailStatus[] = ['open'],
): { key: string; ranges: DateRange[] }[] {
  const byKey = new Map<string, AvailDay[]>();
  for (const d of days) {
    const k = groupKey(d.date, group);
    const list = byKey.get(k) ?? [];
    list.push(d);
    byKey.set(k, list);
  }
  return [...byKey.entries()]
    .map(([key, list]) => ({ key, ranges: availRanges(list, statuses) }))
    .filter((g) => g.ranges.length > 0);
}

export interface AvailsTextOptions {
  lang: PitchLang;
  group: PitchGroup;
  artistName: string;
  from: string;
  to: string;
  includeHeld?: boolean;
}

/** The e-mail text: title, period and count, then the open ranges by group. */
export function availsText(days: readonly AvailDay[], o: AvailsTextOptions): string {
  const w = WORDS[o.lang];
  const open = availSummary(days).open;
  const lines: string[] = [
    `${w.title} — ${o.artistName}`,
    `${w.period.replace('{from}', formatLongDate(o.from, o.lang)).replace('{to}', formatLongDate(o.to, o.lang))} · ${
      open === 1 ? w.open1 : w.open.replace('{n}', String(open))
    }`,
  ];
  const groups = groupedRanges(days, o.group);
  if (groups.length === 0) lines.push('', w.none);
  for (const g of groups) {
    lines.push('', groupTitle(g.key, o.group, o.lang));
    for (const r of g.ranges) lines.push(`- ${formatRange(r, o.lang)}`);
  }
  if (o.includeHeld) {
    const held = days.filter((d) => d.status === 'held');
    if (held.length > 0) {
      lines.push('', w.heldTitle);
      for (const d of held) {
        const levels = d.holds.map((l) => holdOrdinal(l, o.lang)).join(', ');
        const colon = o.lang === 'fr' ? ' : ' : ': ';
        lines.push(`- ${formatDay(d.date, o.lang)}${colon}${w.held.replace('{levels}', levels)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
