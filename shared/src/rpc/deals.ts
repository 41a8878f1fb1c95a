/**
 * Deals RPC (the booker's pipeline): list with filters, detail with history and radius
 * conflicts, validated edits (stage moves and hold levels go through the shared holds
 * functions). Composed into `rpcContract` (contract.ts).
 */
import { z } from 'zod';
import { Country, Currency, DealStage, DealType, HoldLevel } from '../domain/enums';
import { DealRecord, IsoDate, Minor } from '../domain/records';

const id = z.string().min(1).max(64);

export const DealRow = DealRecord.pick({
  id: true,
  artistId: true,
  venueId: true,
  date: true,
  stage: true,
  holdLevel: true,
  holdExpiresAt: true,
  dealType: true,
  guarantee: true,
  currency: true,
  updatedAt: true,
}).extend({
  artistName: z.string(),
  venueName: z.string(),
  venueCity: z.string(),
  /** The deadline of a challenge pending on this deal (it is the challenged 1st hold). */
  challengeDeadline: z.string().nullable().optional(),
  /** The lower hold that issued that challenge. */
  challengerId: z.string().nullable().optional(),
});
export type DealRow = z.infer<typeof DealRow>;

export const DealsListParams = z
  .object({
    stage: DealStage.optional(),
    artistId: id.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    search: z.string().max(200).optional(),
    sort: z.enum(['date', 'updatedAt', 'guarantee', 'artist']).optional(),
    desc: z.boolean().optional(),
  })
  .strict();
export type DealsListParams = z.infer<typeof DealsListParams>;

/** Editable deal fields. `artistId` is not: the deal lives in its artist's document. */
export const DealPatch = DealRecord.pick({
  venueId: true,
  contactId: true,
  date: true,
  stage: true,
  holdExpiresAt: true,
  dealType: true,
  guarantee: true,
  percentageBps: true,
  currency: true,
  ticketPrice: true,
  capacity: true,
  agencyCommissionBps: true,
  notes: true,
  bonuses: true,
  bonusMode: true,
  promoterProfitBps: true,
  coHeadlineSharesBps: true,
  coHeadlineIndex: true,
  vatBps: true,
  vatReverseCharge: true,
  withholdingBps: true,
  depositPaid: true,
  expenses: true,
})
  .extend({ holdLevel: HoldLevel })
  .partial()
  .strict();
export type DealPatch = z.infer<typeof DealPatch>;

/** One field-level change of a deal. */
export const DealFieldChange = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export const DealHistoryEntry = z.object({
  at: z.string(),
  by: z.string(),
  /** `edit` for the deal's own update; a hold change kind when another deal's edit moved it. */
  kind: z.string(),
  changes: z.array(DealFieldChange),
});
export type DealHistoryEntry = z.infer<typeof DealHistoryEntry>;

export const DealConflict = z.object({
  anchorId: z.string(),
  otherId: z.string(),
  otherDate: z.string(),
  otherVenueName: z.string(),
  distanceKm: z.number(),
  daysApart: z.number().int(),
});
export type DealConflict = z.infer<typeof DealConflict>;

export const DealDetail = z.object({
  deal: DealRecord,
  artistName: z.string(),
  venueName: z.string(),
  venueCity: z.string(),
  /** Where the show is and where the artist is based (VAT rate and reverse charge). */
  venueCountry: Country.optional(),
  artistCountry: Country.optional(),
  history: z.array(DealHistoryEntry),
  conflicts: z.array(DealConflict),
});
export type DealDetail = z.infer<typeof DealDetail>;

/** A lower hold with a firm offer challenges the 1st hold of its date (holds.ts challengeHold). */
export const DealChallengeParams = z
  .object({
    id,
    hours: z
      .number()
      .positive()
      .max(24 * 30)
      .optional(),
  })
  .strict();
/** The challenged 1st hold's answer (holds.ts resolveChallenge). */
export const DealAnswerParams = z.object({ id, answer: z.enum(['confirm', 'release']) }).strict();

/** A deal entered by hand: a request, a hold (the holds rules rank it) or an offer. */
export const NewDeal = z
  .object({
    artistId: id,
    venueId: id,
    contactId: id.nullable().optional(),
    date: IsoDate,
    stage: z.enum(['request', 'hold', 'offer']).optional(),
    dealType: DealType.optional(),
    guarantee: Minor.optional(),
    /** Absent: from the venue's country (CHF in Switzerland, else EUR). */
    currency: Currency.optional(),
    percentageBps: z.number().int().min(0).max(10_000).optional(),
    /** Absent: the artist's usual commission, else the agency default. */
    agencyCommissionBps: z.number().int().min(0).max(10_000).optional(),
    notes: z.string().max(20_000).optional(),
  })
  .strict();
export type NewDeal = z.infer<typeof NewDeal>;

export const dealsContract = {
  'deal.create': { params: NewDeal, result: DealDetail },
  'deal.delete': { params: z.object({ id }).strict(), result: DealRecord },
  'deal.restore': { params: z.object({ id }).strict(), result: DealRecord },
  'deals.list': { params: DealsListParams, result: z.array(DealRow) },
  'deal.get': { params: z.object({ id }).strict(), result: DealDetail },
  'deal.update': { params: z.object({ id, patch: DealPatch }).strict(), result: DealDetail },
  'deal.challenge': { params: DealChallengeParams, result: DealDetail },
  'deal.answerChallenge': { params: DealAnswerParams, result: DealDetail },
} as const;
