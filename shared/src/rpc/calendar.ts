/**
 * Calendar RPC: the booking calendar's items over a date range (per artist or the whole
 * roster), the check before a hold is dragged to another date, and the avails (open
 * dates) with their text and PDF exports for pitching. Composed into `rpcContract`.
 */
import { z } from 'zod';
import { AvailDay, dayNumber, MAX_AVAILS_DAYS } from '../domain/avails';
import { DealStage } from '../domain/enums';
import { IsoDate, IsoDateTime } from '../domain/records';
import { ExportedFile, LocalFilePath } from './files';

export * from '../domain/avails';
export * from '../domain/avails-text';

const id = z.string().min(1).max(64);

/** Longest range `calendar.items` answers (a list or year view), in days. */
export const MAX_CALENDAR_DAYS = 400;

/** Kinds of calendar items: deal-based (hold, show, offer, request) and event-based. */
export const CalendarItemKind = z.enum([
  'hold',
  'show',
  'offer',
  'request',
  'travel',
  'day_off',
  'promo',
  'rehearsal',
]);
export type CalendarItemKind = z.infer<typeof CalendarItemKind>;

export const CalendarItem = z.object({
  /** The deal id, or `event:<id>` for a calendar event. */
  id: z.string(),
  kind: CalendarItemKind,
  dealId: z.string().nullable(),
  artistId: z.string(),
  artistName: z.string(),
  /** Venue name for a deal, the event's title otherwise. */
  title: z.string(),
  city: z.string(),
  /** First and last day (inclusive). */
  date: IsoDate,
  endDate: IsoDate,
  /** Start and end instants of a timed item (a show's set, a travel); null when all-day. */
  start: IsoDateTime.nullable(),
  end: IsoDateTime.nullable(),
  stage: DealStage.nullable(),
  holdLevel: z.number().int().nullable(),
  holdExpiresAt: IsoDateTime.nullable(),
});
export type CalendarItem = z.infer<typeof CalendarItem>;

const periodShape = { from: IsoDate, to: IsoDate };

/** A period of at most `maxDays` days, `to` not before `from`. */
function checkPeriod(maxDays: number) {
  return (p: { from: string; to: string }, ctx: z.RefinementCtx) => {
    if (p.from > p.to)
      ctx.addIssue({ code: 'custom', message: '`to` must not be before `from`', path: ['to'] });
    else if (dayNumber(p.to) - dayNumber(p.from) >= maxDays) {
      ctx.addIssue({ code: 'custom', message: `at most ${maxDays} days`, path: ['to'] });
    }
  };
}

export const CalendarItemsParams = z
  .object({ ...periodShape, artistId: id.optional(), kinds: z.array(CalendarItemKind).max(8).optional() })
  .strict()
  .superRefine(checkPeriod(MAX_CALENDAR_DAYS));

export const MoveIssueCode = z.enum([
  // Refusals: the hold cannot go there.
  'not_a_hold',
  'same_date',
  'past_date',
  'date_taken',
  'no_level_left',
  'day_off',
  'travel',
  // Warnings: it can, after the booker confirms.
  'radius',
  'lower_hold',
  'busy',
]);
export type MoveIssueCode = z.infer<typeof MoveIssueCode>;

export const MoveIssue = z.object({
  code: MoveIssueCode,
  /** The other deal or event concerned (firm deal, radius anchor, travel…). */
  otherId: z.string().nullable(),
  /** Its venue name or event title, and date. */
  otherLabel: z.string(),
  otherDate: z.string().nullable(),
  distanceKm: z.number().nullable(),
  daysApart: z.number().int().nullable(),
  level: z.number().int().nullable(),
});
export type MoveIssue = z.infer<typeof MoveIssue>;

export const CheckMoveResult = z.object({
  dealId: z.string(),
  date: IsoDate,
  /** True when nothing refuses the move (warnings may still ask for confirmation). */
  allowed: z.boolean(),
  refusals: z.array(MoveIssue),
  warnings: z.array(MoveIssue),
  /** The hold level the deal would get on the new date. */
  level: z.number().int().nullable(),
});
export type CheckMoveResult = z.infer<typeof CheckMoveResult>;

export const AvailsLang = z.enum(['fr', 'en']);
export const AvailsGroup = z.enum(['week', 'month']);

export const AvailsParams = z
  .object({ ...periodShape, artistId: id })
  .strict()
  .superRefine(checkPeriod(MAX_AVAILS_DAYS));
export type AvailsParams = z.infer<typeof AvailsParams>;

export const AvailsResult = z.object({
  artistId: z.string(),
  artistName: z.string(),
  from: IsoDate,
  to: IsoDate,
  days: z.array(AvailDay),
});
export type AvailsResult = z.infer<typeof AvailsResult>;

export const calendarContract = {
  'calendar.items': { params: CalendarItemsParams, result: z.array(CalendarItem) },
  'calendar.checkMove': {
    params: z.object({ dealId: id, date: IsoDate }).strict(),
    result: CheckMoveResult,
  },
  'calendar.avails': { params: AvailsParams, result: AvailsResult },
  'calendar.availsText': {
    params: z
      .object({
        ...periodShape,
        artistId: id,
        lang: AvailsLang,
        group: AvailsGroup,
        includeHeld: z.boolean().optional(),
      })
      .strict()
      .superRefine(checkPeriod(MAX_AVAILS_DAYS)),
    result: z.object({ text: z.string(), openDays: z.number().int() }),
  },
  'calendar.availsPdf': {
    params: z
      .object({ ...periodShape, artistId: id, lang: AvailsLang, path: LocalFilePath })
      .strict()
      .superRefine(checkPeriod(MAX_AVAILS_DAYS)),
    result: ExportedFile,
  },
} as const;
