import { z } from 'zod';
import {
  ArtistKind,
  ContactRole,
  Country,
  Currency,
  DealStage,
  DealType,
  EventKind,
  HoldLevel,
  VenueKind,
} from './enums';

/** ISO-8601 timestamp with offset, as written by `new Date().toISOString()`. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date();
/** Money in integer minor units (cents / centimes). */
export const Minor = z.number().int().min(0).max(1_000_000_000_00);
export const Id = z.string().min(1).max(64);

const base = {
  id: Id,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deletedAt: IsoDateTime.nullable(),
};

/** A link to an artist's media (video, streaming, press kit): http(s) only. */
export const MediaLink = z.object({
  label: z.string().trim().max(100),
  url: z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000),
});
export type MediaLink = z.infer<typeof MediaLink>;

export const ArtistRecord = z.object({
  ...base,
  name: z.string().trim().min(1).max(200),
  kind: ArtistKind,
  genres: z.array(z.string().trim().min(1).max(60)).max(20),
  lineupSize: z.number().int().min(1).max(200),
  feeMin: Minor,
  feeMax: Minor,
  currency: Currency,
  draw: z.number().int().min(0).max(1_000_000),
  homeCity: z.string().max(120),
  homeCountry: Country,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  agentId: Id.nullable(),
  radiusKm: z.number().int().min(0).max(2000),
  radiusDaysBefore: z.number().int().min(0).max(365),
  radiusDaysAfter: z.number().int().min(0).max(365),
  bio: z.string().max(20_000),
  /** Added after schema version 2: absent in older documents (read as empty). */
  technicalRider: z.string().max(20_000).optional(),
  mediaLinks: z.array(MediaLink).max(30).optional(),
});
export type ArtistRecord = z.infer<typeof ArtistRecord>;

/** A dated entry of a venue's or contact's interaction history (DOMAIN.md, "People and organisations"). */
export const InteractionKind = z.enum(['call', 'email', 'meeting', 'note']);
export type InteractionKind = z.infer<typeof InteractionKind>;
export const Interaction = z.object({
  id: Id,
  kind: InteractionKind,
  date: IsoDate,
  text: z.string().max(5000),
  createdAt: IsoDateTime,
});
export type Interaction = z.infer<typeof Interaction>;

export const VenueRecord = z.object({
  ...base,
  name: z.string().trim().min(1).max(200),
  kind: VenueKind,
  address: z.string().max(300),
  postalCode: z.string().max(20),
  city: z.string().max(120),
  country: Country,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  capacityStanding: z.number().int().min(0).max(200_000),
  capacitySeated: z.number().int().min(0).max(200_000),
  genres: z.array(z.string().max(60)).max(20),
  budgetMin: Minor,
  budgetMax: Minor,
  currency: Currency,
  email: z.string().max(200),
  phone: z.string().max(40),
  website: z.string().max(300),
  tags: z.array(z.string().max(60)).max(50),
  /** Absent on records written before interaction history (additive). */
  interactions: z.array(Interaction).max(2000).optional(),
});
export type VenueRecord = z.infer<typeof VenueRecord>;

export const ContactRecord = z.object({
  ...base,
  firstName: z.string().max(100),
  lastName: z.string().max(100),
  role: ContactRole,
  company: z.string().max(200),
  email: z.string().max(200),
  phone: z.string().max(40),
  venueId: Id.nullable(),
  city: z.string().max(120),
  country: Country,
  tags: z.array(z.string().max(60)).max(50),
  /** Absent on records written before interaction history (additive). */
  interactions: z.array(Interaction).max(2000).optional(),
});
export type ContactRecord = z.infer<typeof ContactRecord>;

const Bps = z.number().int().min(0).max(10_000);

/** A bonus paid when a threshold is reached (settlement, DOMAIN.md). */
export const BonusTier = z.object({
  metric: z.enum(['tickets', 'revenue', 'occupancy']),
  /** tickets: a count; revenue: gross in minor units; occupancy: bps of sellable. */
  threshold: z.number().int().min(0),
  amount: Minor,
});
export type BonusTier = z.infer<typeof BonusTier>;

export const Expense = z.object({ label: z.string().max(200), amount: Minor });
export type Expense = z.infer<typeof Expense>;

/** A pending challenge on a 1st hold (holds.ts): the challenger brought a firm offer. */
export const DealChallenge = z.object({
  challengerId: Id,
  issuedAt: IsoDateTime,
  deadline: IsoDateTime,
});
export type DealChallenge = z.infer<typeof DealChallenge>;

/** One line of a show day's schedule (advancing): local time at the venue. */
export const ScheduleItem = z.object({
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM'),
  label: z.string().trim().min(1).max(200),
});
export type ScheduleItem = z.infer<typeof ScheduleItem>;

/** A guest-list entry (advancing). */
export const GuestEntry = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  plusOnes: z.number().int().min(0).max(20),
  note: z.string().max(300),
});
export type GuestEntry = z.infer<typeof GuestEntry>;

export const DealRecord = z.object({
  ...base,
  artistId: Id,
  venueId: Id,
  contactId: Id.nullable(),
  date: IsoDate,
  stage: DealStage,
  holdLevel: HoldLevel.nullable(),
  holdExpiresAt: IsoDateTime.nullable(),
  dealType: DealType,
  guarantee: Minor,
  /** Artist percentage in basis points (8000 = 80%), for versus/door/percentage deals. */
  percentageBps: z.number().int().min(0).max(10_000),
  currency: Currency,
  ticketPrice: Minor,
  capacity: z.number().int().min(0).max(200_000),
  agencyCommissionBps: z.number().int().min(0).max(10_000),
  notes: z.string().max(20_000),
  /*
   * Added for issue 4 (all optional, absent on older records; one field each so that two
   * devices editing different terms merge field by field).
   * Terms beyond the base structure (settlement.ts DealTerms):
   */
  bonuses: z.array(BonusTier).max(50).optional(),
  bonusMode: z.enum(['incremental', 'highest']).optional(),
  promoterProfitBps: Bps.optional(),
  coHeadlineSharesBps: z.array(Bps).max(10).optional(),
  coHeadlineIndex: z.number().int().min(0).max(9).optional(),
  vatBps: Bps.optional(),
  vatReverseCharge: z.boolean().optional(),
  withholdingBps: Bps.optional(),
  depositPaid: Minor.optional(),
  /** Expenses agreed in the deal (versus-net split point). */
  expenses: z.array(Expense).max(200).optional(),
  /** A challenge pending on this deal (it is the challenged 1st hold); null once resolved. */
  challenge: DealChallenge.nullable().optional(),
  /** Advancing: the show day. Production and hospitality are free text (Y.Text). */
  schedule: z.array(ScheduleItem).max(100).optional(),
  production: z.string().max(20_000).optional(),
  hospitality: z.string().max(20_000).optional(),
  /** Guest list, a Y.Array: entries added on two devices at once both stay. */
  guestList: z.array(GuestEntry).max(1000).optional(),
  /** Contacts of the day (promoter, production, tour manager), in display order. */
  dayContactIds: z.array(Id).max(30).optional(),
});
export type DealRecord = z.infer<typeof DealRecord>;

export const EventRecord = z.object({
  ...base,
  artistId: Id,
  kind: EventKind,
  title: z.string().max(300),
  start: IsoDateTime,
  end: IsoDateTime,
  allDay: z.boolean(),
  dealId: Id.nullable(),
  venueId: Id.nullable(),
  city: z.string().max(120),
});
export type EventRecord = z.infer<typeof EventRecord>;

export const RECORD_SCHEMAS = {
  artists: ArtistRecord,
  venues: VenueRecord,
  contacts: ContactRecord,
  deals: DealRecord,
  events: EventRecord,
} as const;
export type Collection = keyof typeof RECORD_SCHEMAS;
export type RecordOf<C extends Collection> = z.infer<(typeof RECORD_SCHEMAS)[C]>;
export const COLLECTIONS = Object.keys(RECORD_SCHEMAS) as Collection[];

export function isCollection(name: string): name is Collection {
  return Object.hasOwn(RECORD_SCHEMAS, name);
}
