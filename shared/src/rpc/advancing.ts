/**
 * Advancing RPC (DOMAIN.md, "Advancing"): the upcoming firm shows with how complete their
 * advancing is, a show's day (schedule, production, hospitality, contacts, guest list)
 * with its venue, contacts and events, edits, and the day sheet / tour book PDFs.
 * Composed into `rpcContract` (contract.ts). The pure schedule helpers live here too, so
 * the renderer and the core sort a day the same way.
 */
import { z } from 'zod';
import {
  ContactRecord,
  DealRecord,
  EventRecord,
  GuestEntry,
  IsoDate,
  ScheduleItem,
  VenueRecord,
} from '../domain/records';
import { ArtistRecord } from '../domain/records';
import { ExportedFile, LocalFilePath } from './files';

const id = z.string().min(1).max(64);

/** What is filled in a show's advancing. */
export const AdvancingSummary = z.object({
  schedule: z.number().int(),
  production: z.boolean(),
  hospitality: z.boolean(),
  contacts: z.number().int(),
  guests: z.number().int(),
  /** Guests plus their plus-ones. */
  guestHeads: z.number().int(),
});
export type AdvancingSummary = z.infer<typeof AdvancingSummary>;

export const AdvancingRow = DealRecord.pick({
  id: true,
  artistId: true,
  venueId: true,
  date: true,
  stage: true,
}).extend({
  artistName: z.string(),
  venueName: z.string(),
  venueCity: z.string(),
  summary: AdvancingSummary,
});
export type AdvancingRow = z.infer<typeof AdvancingRow>;

export const AdvancingListParams = z
  .object({
    /** Default: today on this device. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    artistId: id.optional(),
  })
  .strict();
export type AdvancingListParams = z.infer<typeof AdvancingListParams>;

export const DayContact = ContactRecord.pick({
  id: true,
  firstName: true,
  lastName: true,
  role: true,
  company: true,
  email: true,
  phone: true,
  venueId: true,
});
export type DayContact = z.infer<typeof DayContact>;

export const AdvancingDetail = z.object({
  deal: DealRecord,
  artist: ArtistRecord.pick({ id: true, name: true, homeCity: true, lineupSize: true }),
  venue: VenueRecord.nullable(),
  /** The contacts chosen for the day, in their order (unknown or deleted ids left out). */
  dayContacts: z.array(DayContact),
  /** Suggestions: the venue's contacts and the deal's contact, not yet chosen. */
  suggestedContacts: z.array(DayContact),
  /** The artist's calendar events of that day (travel, promo …) and the deal's own. */
  events: z.array(EventRecord),
  summary: AdvancingSummary,
});
export type AdvancingDetail = z.infer<typeof AdvancingDetail>;

export const AdvancingPatch = z
  .object({
    schedule: z.array(ScheduleItem).max(100),
    production: z.string().max(20_000),
    hospitality: z.string().max(20_000),
    dayContactIds: z.array(id).max(30),
  })
  .partial()
  .strict();
export type AdvancingPatch = z.infer<typeof AdvancingPatch>;

export const NewGuest = GuestEntry.omit({ id: true }).strict();
export type NewGuest = z.infer<typeof NewGuest>;

export const PdfLang = z.enum(['fr', 'en']);
export type PdfLang = z.infer<typeof PdfLang>;

export const advancingContract = {
  'advancing.list': { params: AdvancingListParams, result: z.array(AdvancingRow) },
  'advancing.get': { params: z.object({ dealId: id }).strict(), result: AdvancingDetail },
  'advancing.update': {
    params: z.object({ dealId: id, patch: AdvancingPatch }).strict(),
    result: AdvancingDetail,
  },
  'advancing.addGuest': {
    params: z.object({ dealId: id, guest: NewGuest }).strict(),
    result: AdvancingDetail,
  },
  'advancing.removeGuest': {
    params: z.object({ dealId: id, guestId: id }).strict(),
    result: AdvancingDetail,
  },
  'advancing.daySheetPdf': {
    params: z.object({ dealId: id, lang: PdfLang, path: LocalFilePath }).strict(),
    result: ExportedFile,
  },
  'advancing.tourBookPdf': {
    params: z
      .object({ artistId: id, from: IsoDate, to: IsoDate, lang: PdfLang, path: LocalFilePath })
      .strict()
      .refine((p) => p.from <= p.to, 'from must not be after to'),
    result: ExportedFile,
  },
} as const;

/** Minutes since the start of the show day: a time before 06:00 belongs to the previous day's night. */
export function showDayMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  const minutes = (h ?? 0) * 60 + (m ?? 0);
  return minutes < 6 * 60 ? minutes + 24 * 60 : minutes;
}

/** The schedule in the order of the show day (load-in … curfew, then after midnight); stable. */
export function sortSchedule(items: readonly ScheduleItem[]): ScheduleItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => showDayMinutes(a.item.time) - showDayMinutes(b.item.time) || a.i - b.i)
    .map((x) => x.item);
}

/** Completeness of a deal's advancing. */
export function advancingSummary(deal: Partial<DealRecord>): AdvancingSummary {
  const guests = deal.guestList ?? [];
  return {
    schedule: deal.schedule?.length ?? 0,
    production: Boolean(deal.production?.trim()),
    hospitality: Boolean(deal.hospitality?.trim()),
    contacts: deal.dayContactIds?.length ?? 0,
    guests: guests.length,
    guestHeads: guests.reduce((n, g) => n + 1 + g.plusOnes, 0),
  };
}
