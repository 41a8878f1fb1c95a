/**
 * The day sheet of a show (DOMAIN.md, "Advancing"): header (artist, date, venue and
 * address), schedule in the order of the show day, production, hospitality, contacts,
 * guest list with totals, and the day's travel and other events.
 *
 * Money: a day sheet goes to the crew and the venue, so it prints no financial term. The
 * tour book (for the tour manager) passes `withDeal` and gets the deal structure and the
 * guarantee of each show.
 */
import { type AdvancingDetail, type PdfLang, sortSchedule } from '@flowstage/shared';
import { type AdvancingWords, advancingWords, pdfSafe } from './advancing-labels';
import { PdfWriter } from './document';

export interface DaySheetOptions {
  /** Print the deal structure and guarantee (tour book, for the tour manager). */
  withDeal?: boolean;
}

function venueLine(d: AdvancingDetail): string {
  const v = d.venue;
  if (!v) return '';
  return [v.address, [v.postalCode, v.city].filter(Boolean).join(' '), v.country].filter(Boolean).join(', ');
}

function capacity(d: AdvancingDetail, w: AdvancingWords): string {
  const v = d.venue;
  if (!v) return '';
  const parts: string[] = [];
  if (v.capacityStanding > 0) parts.push(`${w.number(v.capacityStanding)} ${w.t('standing')}`);
  if (v.capacitySeated > 0) parts.push(`${w.number(v.capacitySeated)} ${w.t('seated')}`);
  return parts.join(' / ');
}

/** Draw one show's day sheet from the current position of `pdf`. */
export function drawDaySheet(
  pdf: PdfWriter,
  d: AdvancingDetail,
  w: AdvancingWords,
  options: DaySheetOptions = {},
): void {
  const venueName = d.venue?.name ?? '';
  pdf.title(`${w.t('daySheet')} — ${d.artist.name}`, `${w.longDate(d.deal.date)} · ${venueName}`);
  pdf.keyValues([
    [w.t('artist'), d.artist.name],
    [w.t('date'), w.longDate(d.deal.date)],
    [w.t('venue'), venueName],
    [w.t('address'), venueLine(d)],
    [w.t('city'), d.venue?.city ?? ''],
    [w.t('capacity'), capacity(d, w)],
    [w.t('phone'), d.venue?.phone ?? ''],
  ]);

  pdf.heading(w.t('schedule'));
  const schedule = sortSchedule(d.deal.schedule ?? []);
  if (schedule.length === 0) pdf.paragraph(w.t('noSchedule'), { muted: true });
  else
    pdf.table(
      [
        { header: w.t('time'), width: 1 },
        { header: w.t('item'), width: 5 },
      ],
      schedule.map((s) => [s.time, s.label]),
    );

  pdf.heading(w.t('production'));
  pdf.paragraph(d.deal.production?.trim() || w.t('notSet'), { muted: !d.deal.production?.trim() });
  pdf.heading(w.t('hospitality'));
  pdf.paragraph(d.deal.hospitality?.trim() || w.t('notSet'), { muted: !d.deal.hospitality?.trim() });

  pdf.heading(w.t('contacts'));
  if (d.dayContacts.length === 0) pdf.paragraph(w.t('noContacts'), { muted: true });
  else
    pdf.table(
      [
        { header: w.t('name'), width: 3 },
        { header: w.t('role'), width: 2 },
        { header: w.t('phone'), width: 2 },
        { header: w.t('email'), width: 3 },
      ],
      d.dayContacts.map((c) => [
        [`${c.firstName} ${c.lastName}`.trim(), c.company].filter(Boolean).join(' · '),
        w.role(c.role),
        c.phone,
        c.email,
      ]),
    );

  pdf.heading(w.t('guestList'));
  const guests = d.deal.guestList ?? [];
  if (guests.length === 0) pdf.paragraph(w.t('noGuests'), { muted: true });
  else {
    pdf.table(
      [
        { header: w.t('guest'), width: 3 },
        { header: w.t('plusOnes'), width: 2, align: 'right' },
        { header: w.t('note'), width: 3 },
      ],
      guests.map((g) => [g.name, g.plusOnes > 0 ? `+${g.plusOnes}` : '', g.note]),
    );
    pdf.paragraph(
      w.t('guestTotal', {
        guests: d.summary.guests,
        heads: d.summary.guestHeads,
        plus: d.summary.guestHeads - d.summary.guests,
      }),
    );
  }

  if (d.events.length > 0) {
    pdf.heading(w.t('events'));
    pdf.table(
      [
        { header: w.t('time'), width: 2 },
        { header: w.t('kind'), width: 2 },
        { header: w.t('item'), width: 5 },
      ],
      d.events.map((e) => [
        e.allDay ? w.shortDate(e.start.slice(0, 10)) : `${w.time(e.start)}–${w.time(e.end)}`,
        w.eventKind(e.kind),
        pdfSafe(e.title),
      ]),
    );
  }

  if (options.withDeal) {
    pdf.heading(w.t('deal'));
    pdf.keyValues([
      [w.t('dealType'), w.dealType(d.deal.dealType)],
      [w.t('guarantee'), w.money(d.deal.guarantee, d.deal.currency)],
    ]);
  }
}

/** A day sheet as a PDF file's bytes. */
export async function daySheetPdf(
  d: AdvancingDetail,
  lang: PdfLang,
  meta: { footer: string; createdAt?: Date } = { footer: 'Flow Stage' },
): Promise<{ bytes: Buffer; pages: number }> {
  const w = advancingWords(lang);
  const pdf = await PdfWriter.create({
    title: `${w.t('daySheet')} — ${d.artist.name} — ${d.deal.date}`,
    footer: meta.footer,
    pageLabel: w.t('page'),
    ...(meta.createdAt ? { createdAt: meta.createdAt } : {}),
  });
  drawDaySheet(pdf, d, w);
  return pdf.finish();
}
