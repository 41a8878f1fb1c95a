/**
 * The avails PDF for pitching (FR/EN): the artist's open dates over a period as ranges
 * by month, a summary, then every day with its status. Drawn with the shared PdfWriter.
 */
import {
  type AvailDay,
  type AvailStatus,
  availSummary,
  formatDay,
  formatLongDate,
  formatMonth,
  formatRange,
  groupedRanges,
  holdOrdinal,
  type PitchLang,
} from '@flowstage/shared';
import { PdfWriter } from './pdf/document';

const WORDS = {
  fr: {
    title: 'Disponibilités — {artist}',
    period: 'Du {from} au {to}',
    summary: 'Résumé',
    open: 'Dates libres',
    held: 'Dates en option',
    booked: 'Dates prises',
    dayOff: 'Repos',
    travel: 'Voyage',
    month: 'Mois',
    dates: 'Dates',
    days: 'Jours',
    none: 'Aucune date libre sur la période.',
    byDay: 'Jour par jour',
    status: 'Statut',
    footer: 'Flow Stage · Disponibilités',
    page: 'Page',
    s_open: 'libre',
    s_held: 'en option ({levels})',
    s_booked: 'pris',
    s_day_off: 'repos',
    s_travel: 'voyage',
  },
  en: {
    title: 'Avails — {artist}',
    period: 'From {from} to {to}',
    summary: 'Summary',
    open: 'Open dates',
    held: 'Dates on hold',
    booked: 'Booked dates',
    dayOff: 'Days off',
    travel: 'Travel',
    month: 'Month',
    dates: 'Dates',
    days: 'Days',
    none: 'No open date in this period.',
    byDay: 'Day by day',
    status: 'Status',
    footer: 'Flow Stage · Avails',
    page: 'Page',
    s_open: 'open',
    s_held: 'on hold ({levels})',
    s_booked: 'booked',
    s_day_off: 'day off',
    s_travel: 'travel',
  },
} as const;

export function availStatusLabel(day: AvailDay, lang: PitchLang): string {
  const w = WORDS[lang];
  const key: `s_${AvailStatus}` = `s_${day.status}`;
  return w[key].replace('{levels}', day.holds.map((l) => holdOrdinal(l, lang)).join(', '));
}

export interface AvailsPdfInput {
  artistName: string;
  from: string;
  to: string;
  days: readonly AvailDay[];
  lang: PitchLang;
  createdAt?: Date;
}

export async function availsPdf(input: AvailsPdfInput): Promise<{ bytes: Buffer; pages: number }> {
  const { lang, days } = input;
  const w = WORDS[lang];
  const title = w.title.replace('{artist}', input.artistName);
  const pdf = await PdfWriter.create({
    title,
    footer: w.footer,
    pageLabel: w.page,
    createdAt: input.createdAt,
  });
  pdf.title(
    title,
    w.period
      .replace('{from}', formatLongDate(input.from, lang))
      .replace('{to}', formatLongDate(input.to, lang)),
  );
  const count = availSummary(days);
  pdf.keyValues([
    [w.open, String(count.open)],
    [w.held, String(count.held)],
    [w.booked, String(count.booked)],
    [w.dayOff, String(count.day_off)],
    [w.travel, String(count.travel)],
  ]);
  pdf.heading(w.open);
  const groups = groupedRanges(days, 'month');
  if (groups.length === 0) pdf.paragraph(w.none, { muted: true });
  else {
    pdf.table(
      [
        { header: w.month, width: 1.2 },
        { header: w.dates, width: 3 },
        { header: w.days, width: 0.6, align: 'right' },
      ],
      groups.flatMap((g) =>
        g.ranges.map((r, i) => [
          i === 0 ? formatMonth(`${g.key}-01`, lang) : '',
          formatRange(r, lang),
          String(r.days),
        ]),
      ),
    );
  }
  pdf.heading(w.byDay);
  pdf.table(
    [
      { header: w.dates, width: 2 },
      { header: w.status, width: 3 },
    ],
    days.map((d) => [formatDay(d.date, lang, true, true), availStatusLabel(d, lang)]),
  );
  return pdf.finish();
}
