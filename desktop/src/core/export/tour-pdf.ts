/**
 * The tour planner's itinerary PDF (FR/EN): the tour's totals, then day by day the stops
 * (venue, city, fee, status) with the drive before each, distances from the planner.
 */
import type { PdfLang, TourItineraryDoc } from '@flowstage/shared';
import { advancingWords } from './pdf/advancing-labels';
import { PdfWriter } from './pdf/document';

const WORDS = {
  fr: {
    title: 'Itinéraire de tournée — {artist}',
    period: 'Du {from} au {to}',
    totals: 'Synthèse',
    shows: 'Dates',
    fees: 'Cachets',
    km: 'Distance totale',
    nights: 'Nuits en tournée',
    travel: 'Coût du transport',
    net: 'Cachets moins transport',
    distances: 'Distances',
    itinerary: 'Jour par jour',
    date: 'Date',
    venue: 'Lieu',
    city: 'Ville',
    fee: 'Cachet',
    status: 'Statut',
    legs: 'Trajets',
    from: 'De',
    to: 'À',
    drive: 'Route',
    none: 'Aucune date dans cet itinéraire.',
    footer: 'Flow Stage · Itinéraire',
    page: 'Page',
    hours: '{h} h {m}',
  },
  en: {
    title: 'Tour itinerary — {artist}',
    period: 'From {from} to {to}',
    totals: 'Summary',
    shows: 'Dates',
    fees: 'Fees',
    km: 'Total distance',
    nights: 'Nights on the road',
    travel: 'Travel cost',
    net: 'Fees minus travel',
    distances: 'Distances',
    itinerary: 'Day by day',
    date: 'Date',
    venue: 'Venue',
    city: 'City',
    fee: 'Fee',
    status: 'Status',
    legs: 'Drives',
    from: 'From',
    to: 'To',
    drive: 'Drive',
    none: 'No date in this itinerary.',
    footer: 'Flow Stage · Itinerary',
    page: 'Page',
    hours: '{h} h {m}',
  },
} as const;

export interface TourPdfInput {
  artistName: string;
  from: string;
  to: string;
  lang: PdfLang;
  itinerary: TourItineraryDoc;
  createdAt?: Date;
}

/** 3.75 h → "3 h 45". */
export function driveTime(hours: number, lang: PdfLang): string {
  const total = Math.round(hours * 60);
  return WORDS[lang].hours
    .replace('{h}', String(Math.floor(total / 60)))
    .replace('{m}', String(total % 60).padStart(2, '0'));
}

export async function tourPdf(input: TourPdfInput): Promise<{ bytes: Buffer; pages: number }> {
  const { lang, itinerary: it } = input;
  const w = WORDS[lang];
  const fmt = advancingWords(lang);
  const money = (minor: number) => fmt.money(minor, it.currency);
  const km = (n: number) => `${fmt.number(Math.round(n))} km`;
  const title = w.title.replace('{artist}', input.artistName);
  const pdf = await PdfWriter.create({
    title,
    footer: w.footer,
    pageLabel: w.page,
    createdAt: input.createdAt,
  });
  pdf.title(
    title,
    w.period.replace('{from}', fmt.longDate(input.from)).replace('{to}', fmt.longDate(input.to)),
  );
  pdf.heading(w.totals);
  pdf.keyValues([
    [w.shows, String(it.stops.length)],
    [w.fees, money(it.fees)],
    [w.km, km(it.totalKm)],
    [w.nights, String(it.nights)],
    [w.travel, money(it.travelCost)],
    [w.net, money(it.objective)],
    [w.distances, it.distances],
  ]);
  pdf.heading(w.itinerary);
  if (it.stops.length === 0) pdf.paragraph(w.none, { muted: true });
  else
    pdf.table(
      [
        { header: w.date, width: 1.4 },
        { header: w.venue, width: 2.2 },
        { header: w.city, width: 1.4 },
        { header: w.fee, width: 1.1, align: 'right' },
        { header: w.status, width: 1.2 },
      ],
      it.stops.map((s) => [fmt.shortDate(s.date), s.venue, s.city, money(s.fee), s.status]),
    );
  pdf.heading(w.legs);
  pdf.table(
    [
      { header: w.from, width: 2 },
      { header: w.to, width: 2 },
      { header: 'km', width: 0.8, align: 'right' },
      { header: w.drive, width: 0.9, align: 'right' },
    ],
    it.legs.map((l) => [l.from, l.to, fmt.number(Math.round(l.km)), driveTime(l.hours, lang)]),
  );
  return pdf.finish();
}
