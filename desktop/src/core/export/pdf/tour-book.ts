/**
 * A tour book: the artist's firm shows of a period. Cover page (artist, period, number
 * of shows), itinerary with the distance travelled between consecutive shows (great
 * circle between the venues; the first from the artist's home base), the days off,
 * travel and other events of the period, then one day sheet per show, each on its own
 * page and with the deal terms (the tour book is for the tour manager).
 */
import {
  type AdvancingDetail,
  type EventRecord,
  eventDays,
  haversineKm,
  type PdfLang,
} from '@flowstage/shared';
import { type AdvancingWords, advancingWords, pdfSafe } from './advancing-labels';
import { drawDaySheet } from './day-sheet';
import { PdfWriter } from './document';

export interface TourBookData {
  artist: { name: string; homeCity: string; lat: number; lon: number };
  from: string;
  to: string;
  /** The shows, by date. */
  shows: readonly AdvancingDetail[];
  /** The artist's events of the period (shows' own events included or not). */
  events: readonly EventRecord[];
}

export interface Leg {
  dealId: string;
  /** Where the artist comes from: the previous show's city, or home. */
  fromCity: string;
  fromHome: boolean;
  km: number | null;
}

/** The travel leg to each show: from the previous show's venue, the first from home. */
export function itineraryLegs(data: TourBookData): Leg[] {
  let prev: { city: string; lat: number; lon: number } | null = null;
  return data.shows.map((s) => {
    const v = s.venue;
    const origin = prev ?? { city: data.artist.homeCity, lat: data.artist.lat, lon: data.artist.lon };
    const leg: Leg = {
      dealId: s.deal.id,
      fromCity: origin.city,
      fromHome: prev === null,
      km: v ? Math.round(haversineKm(origin.lat, origin.lon, v.lat, v.lon)) : null,
    };
    if (v) prev = { city: v.city, lat: v.lat, lon: v.lon };
    return leg;
  });
}

function legText(leg: Leg, to: AdvancingDetail, w: AdvancingWords): string {
  if (leg.km === null) return '';
  const toCity = to.venue?.city ?? '';
  if (!leg.fromHome && leg.fromCity === toCity && leg.km < 5) return w.t('sameCity');
  const from = leg.fromHome ? w.t('fromHome', { city: leg.fromCity }) : leg.fromCity;
  return `${from} -> ${toCity} · ${w.number(leg.km)} km`;
}

function period(data: TourBookData, w: AdvancingWords): string {
  return `${w.longDate(data.from)} – ${w.longDate(data.to)}`;
}

export function drawTourBook(pdf: PdfWriter, data: TourBookData, w: AdvancingWords): void {
  pdf.title(`${w.t('tourBook')} — ${data.artist.name}`, period(data, w));
  pdf.keyValues([
    [w.t('artist'), data.artist.name],
    [w.t('period'), period(data, w)],
    [w.t('shows'), w.number(data.shows.length)],
  ]);
  pdf.heading(w.t('itinerary'));
  if (data.shows.length === 0) pdf.paragraph(w.t('noShows'), { muted: true });
  else {
    const legs = itineraryLegs(data);
    pdf.table(
      [
        { header: w.t('date'), width: 2 },
        { header: w.t('city'), width: 2 },
        { header: w.t('venue'), width: 3 },
        { header: w.t('travel'), width: 4 },
      ],
      data.shows.map((s, i) => {
        const leg = legs[i];
        return [
          w.shortDate(s.deal.date),
          s.venue?.city ?? '',
          s.venue?.name ?? '',
          leg ? legText(leg, s, w) : '',
        ];
      }),
    );
  }
  const others = data.events.filter((e) => e.kind !== 'show' && e.kind !== 'hold');
  if (others.length > 0) {
    pdf.heading(w.t('offDays'));
    pdf.table(
      [
        { header: w.t('date'), width: 2 },
        { header: w.t('kind'), width: 2 },
        { header: w.t('item'), width: 5 },
      ],
      others.map((e) => {
        const days = eventDays(e);
        const when = e.allDay
          ? w.shortDate(days.from)
          : `${w.shortDate(days.from)} ${w.time(e.start)}–${w.time(e.end)}`;
        return [when, w.eventKind(e.kind), pdfSafe(e.title)];
      }),
    );
  }
  for (const show of data.shows) {
    pdf.pageBreak();
    drawDaySheet(pdf, show, w, { withDeal: true });
  }
}

export async function tourBookPdf(
  data: TourBookData,
  lang: PdfLang,
  meta: { footer: string; createdAt?: Date } = { footer: 'Flow Stage' },
): Promise<{ bytes: Buffer; pages: number }> {
  const w = advancingWords(lang);
  const pdf = await PdfWriter.create({
    title: `${w.t('tourBook')} — ${data.artist.name} — ${data.from} / ${data.to}`,
    footer: meta.footer,
    pageLabel: w.t('page'),
    ...(meta.createdAt ? { createdAt: meta.createdAt } : {}),
  });
  drawTourBook(pdf, data, w);
  return pdf.finish();
}
