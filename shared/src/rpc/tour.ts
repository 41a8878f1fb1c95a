/**
 * Tour planner RPC: the planning problem of an artist over a window, read from the
 * workspace (confirmed shows fixed; holds, offers and requests as candidates; optionally
 * open dates at directory venues), road distances from the configured provider, accepting
 * a tour into the pipeline (holds created or moved by the holds rules) and the itinerary
 * PDF. The solver itself runs in the renderer's worker. Composed into `rpcContract`.
 */
import { z } from 'zod';
import { dayNumber } from '../domain/avails';
import { DealStage, HoldLevel } from '../domain/enums';
import { IsoDate, Minor } from '../domain/records';
import { CandidateSource, TourProblem } from '../tour/plan/model';
import { ExportedFile, LocalFilePath } from './files';

const id = z.string().min(1).max(64);

/** Longest window the planner plans over, in days. */
export const MAX_TOUR_DAYS = 180;

export const TourProblemParams = z
  .object({
    artistId: id,
    /** Package tour: other artists sharing the van (the lead's home base and currency count). */
    partnerIds: z.array(id).max(4).optional(),
    from: IsoDate,
    to: IsoDate,
    /** Add open dates at directory venues that fit the artist (estimated fees). */
    openDates: z.boolean().optional(),
    /** How many venues the open dates are offered at (nearest fitting venues first). */
    maxOpenVenues: z.number().int().min(0).max(100).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.from > p.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`' });
    else if (dayNumber(p.to) - dayNumber(p.from) >= MAX_TOUR_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_TOUR_DAYS} days` });
  });

/** What the planner shows of a stop beyond the solver's fields. */
export const TourStopInfo = z.object({
  /** The stop id in the problem (`deal:<id>` or `open:<venueId>`). */
  id: z.string(),
  /** The stop's first deal; a co-bill of a package has several (`dealIds`). */
  dealId: id.nullable(),
  dealIds: z.array(id),
  /** Who plays it (package tours); empty for an open date of a single artist. */
  artistIds: z.array(id),
  venueId: id,
  venueName: z.string(),
  city: z.string(),
  country: z.string(),
  stage: DealStage.nullable(),
  holdLevel: HoldLevel.nullable(),
  source: z.union([CandidateSource, z.literal('show')]),
});
export type TourStopInfo = z.infer<typeof TourStopInfo>;

export const TourProblemResult = z.object({
  artist: z.object({ id, name: z.string(), currency: z.string(), homeCity: z.string() }),
  /** The lead then the partners. */
  artists: z.array(z.object({ id, name: z.string() })),
  problem: TourProblem,
  stops: z.array(TourStopInfo),
  /**
   * Deals at venues with no known position (0/0): left out of the routing. A firm one's
   * date is kept free as a no-go date.
   */
  unlocated: z.array(TourStopInfo),
});
export type TourProblemResult = z.infer<typeof TourProblemResult>;

export const LatLonPoint = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });

export const TourDistancesResult = z.object({
  n: z.number().int(),
  km: z.array(z.number()),
  hours: z.array(z.number()).nullable(),
  source: z.string(),
});
export type TourDistancesResult = z.infer<typeof TourDistancesResult>;

export const TourAcceptStop = z.object({
  candidateId: z.string().min(1).max(80),
  dealId: id.nullable(),
  /** Every deal of a co-bill (all moved together); absent: `dealId` alone. */
  dealIds: z.array(id).max(20).optional(),
  /** An open date of a package: a hold for each of these artists (the fee split between them). */
  artistIds: z.array(id).max(5).optional(),
  venueId: id,
  date: IsoDate,
  fee: Minor,
});

export const TourAcceptAction = z.enum(['created', 'moved', 'held', 'unchanged', 'refused']);
export type TourAcceptAction = z.infer<typeof TourAcceptAction>;

export const TourAcceptResult = z.object({
  results: z.array(
    z.object({
      candidateId: z.string(),
      action: TourAcceptAction,
      dealId: id.nullable(),
      holdLevel: HoldLevel.nullable(),
      /** refused: the holds rules' code (hold_date_firm, hold_no_level…). */
      reason: z.string().optional(),
    }),
  ),
});
export type TourAcceptResult = z.infer<typeof TourAcceptResult>;

/** The itinerary as the planner shows it, for the PDF (names resolved, money in minor units). */
export const TourItineraryDoc = z.object({
  currency: z.string().length(3),
  stops: z
    .array(
      z.object({
        date: IsoDate,
        venue: z.string().max(200),
        city: z.string().max(120),
        fee: Minor,
        kind: z.enum(['fixed', 'candidate']),
        status: z.string().max(60),
      }),
    )
    .max(366),
  legs: z
    .array(
      z.object({
        from: z.string().max(200),
        to: z.string().max(200),
        km: z.number().min(0),
        hours: z.number().min(0),
      }),
    )
    .max(367),
  totalKm: z.number().min(0),
  nights: z.number().int().min(0),
  fees: z.number().int(),
  travelCost: z.number().int(),
  objective: z.number().int(),
  distances: z.string().max(80),
});
export type TourItineraryDoc = z.infer<typeof TourItineraryDoc>;

export const tourContract = {
  'tour.problem': { params: TourProblemParams, result: TourProblemResult },
  'tour.distances': {
    params: z.object({ points: z.array(LatLonPoint).min(1).max(400) }).strict(),
    result: TourDistancesResult,
  },
  'tour.accept': {
    params: z
      .object({
        artistId: id,
        partnerIds: z.array(id).max(4).optional(),
        stops: z.array(TourAcceptStop).min(1).max(200),
      })
      .strict(),
    result: TourAcceptResult,
  },
  'tour.pdf': {
    params: z
      .object({
        artistId: id,
        from: IsoDate,
        to: IsoDate,
        lang: z.enum(['fr', 'en']),
        path: LocalFilePath,
        itinerary: TourItineraryDoc,
      })
      .strict(),
    result: ExportedFile,
  },
} as const;
