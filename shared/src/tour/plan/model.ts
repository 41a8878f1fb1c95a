/**
 * The tour-planning problem (issue 5): who tours, from where, when; the shows that are
 * fixed; the engagements that could be added; the rules of the road; what a good tour is
 * worth. Every field is validated here: the solver only ever sees a parsed problem.
 *
 * Time is counted in whole days. A stop is one show on one day (one show per day). A leg
 * between two stops gets one driving day per calendar day between them, counting the
 * arrival day (a show on day 3 after a show on day 1: the drive may be split over days 2
 * and 3). The drive out may start on the window's first day; the drive home may end the
 * day after the window's last day.
 */
import { z } from 'zod';
import { addDays, dayNumber } from '../../domain/avails';
import { RadiusClause } from '../../domain/deals/radius';
import { HoldLevel } from '../../domain/enums';
import { Id, IsoDate, Minor } from '../../domain/records';

export const Place = z.object({
  /** Stable id of the place (a venue id, `home`…): two stops at one place are exempt from each other's radius clause. */
  id: Id,
  label: z.string().trim().min(1).max(200),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type Place = z.infer<typeof Place>;

/** Where a candidate engagement comes from. */
export const CandidateSource = z.enum(['hold', 'offer', 'request', 'open_date']);
export type CandidateSource = z.infer<typeof CandidateSource>;

export const TourArtist = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  /** Days this artist cannot perform (a stop they play in cannot fall on them). */
  noGoDates: z.array(IsoDate).max(366).default([]),
});
export type TourArtist = z.infer<typeof TourArtist>;

/** A show already confirmed (or pinned by the user): it is in every itinerary, on its date. */
export const FixedShow = z.object({
  id: Id,
  place: Place,
  date: IsoDate,
  /** Fee counted in the objective (already earned: it does not change the choice). */
  fee: Minor.default(0),
  /** This show's radius clause; absent: the problem's default clause. */
  radius: RadiusClause.optional(),
  /** The artists playing it (package tours); absent: all of them. */
  artistIds: z.array(Id).max(20).optional(),
  dealId: Id.optional(),
});
export type FixedShow = z.infer<typeof FixedShow>;

export const Candidate = z.object({
  id: Id,
  place: Place,
  /** The dates the engagement can take; the solver picks at most one. */
  dates: z.array(IsoDate).min(1).max(366),
  fee: Minor,
  source: CandidateSource,
  holdLevel: HoldLevel.nullable().default(null),
  radius: RadiusClause.optional(),
  artistIds: z.array(Id).max(20).optional(),
  dealId: Id.optional(),
});
export type Candidate = z.infer<typeof Candidate>;

/** A confirmed show outside the problem (before or after the window, or another tour) whose clause still binds. */
export const ExternalClause = z.object({
  id: Id,
  place: Place,
  date: IsoDate,
  radius: RadiusClause,
  /** The artists of that show: its clause binds only stops they play (absent: all). */
  artistIds: z.array(Id).max(20).optional(),
});
export type ExternalClause = z.infer<typeof ExternalClause>;

export const TourConstraints = z.object({
  maxDriveKmPerDay: z.number().positive().max(5000).default(600),
  maxDriveHoursPerDay: z.number().positive().max(24).default(8),
  /** Average road speed when the distance source gives no durations. */
  speedKmh: z.number().positive().max(200).default(80),
  /** Longest run of show days in a row. */
  maxConsecutiveShows: z.number().int().min(1).max(366).default(5),
  /** Days without a show in every 7 consecutive days between the first and last show. */
  minDaysOffPer7Days: z.number().int().min(0).max(6).default(1),
  /**
   * Between two shows at least this many days apart, the artist goes home when the drives
   * leave a day there (0: never; the van stays out for the whole tour).
   */
  homeBreakDays: z.number().int().min(0).max(60).default(4),
  noGoDates: z.array(IsoDate).max(366).default([]),
  /** Clause applied to stops that carry none (the artist's usual clause). */
  defaultRadius: RadiusClause.default({ radiusKm: 0, radiusDaysBefore: 0, radiusDaysAfter: 0 }),
});
export type TourConstraints = z.infer<typeof TourConstraints>;

/** Objective: Σ fee × weight(source, hold level) − cost per km × km − cost per night away × nights. */
export const TourObjective = z.object({
  costPerKm: Minor.default(50),
  costPerNight: Minor.default(0),
  /** Weight of a hold by level (index 0 = 1st hold): a 3rd hold is less likely to happen. */
  holdWeights: z.array(z.number().min(0).max(1)).length(5).default([1, 1, 1, 1, 1]),
  /** Weight of an open date (no deal yet: the fee is an estimate). */
  openDateWeight: z.number().min(0).max(1).default(1),
});
export type TourObjective = z.infer<typeof TourObjective>;

export const TourProblem = z
  .object({
    artists: z.array(TourArtist).min(1).max(20),
    home: Place,
    /** Where the tour ends; absent: back home. */
    end: Place.optional(),
    window: z.object({ start: IsoDate, end: IsoDate }),
    fixed: z.array(FixedShow).max(366).default([]),
    candidates: z.array(Candidate).max(2000).default([]),
    external: z.array(ExternalClause).max(2000).default([]),
    constraints: TourConstraints.default(TourConstraints.parse({})),
    objective: TourObjective.default(TourObjective.parse({})),
    currency: z.string().length(3).default('EUR'),
    /** Candidates the user dropped: never chosen. */
    dropped: z.array(Id).max(2000).default([]),
    /** Candidates the user pinned, with the date they chose (or null: any allowed date). */
    pinned: z
      .array(z.object({ id: Id, date: IsoDate.nullable() }))
      .max(366)
      .default([]),
  })
  .superRefine((p, ctx) => {
    if (p.window.end < p.window.start)
      ctx.addIssue({ code: 'custom', path: ['window', 'end'], message: 'the window ends before it starts' });
    else if (dayDiff(p.window.start, p.window.end) > 365)
      ctx.addIssue({ code: 'custom', path: ['window', 'end'], message: 'the window is longer than a year' });
    const ids = new Set<string>();
    for (const [i, s] of [...p.fixed, ...p.candidates].entries()) {
      if (ids.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['candidates', i, 'id'], message: `duplicate stop id ${s.id}` });
      ids.add(s.id);
    }
  });
export type TourProblem = z.infer<typeof TourProblem>;
export type TourProblemInput = z.input<typeof TourProblem>;

/** Why a candidate is not in the itinerary (the UI translates the code and shows the params). */
export const ExclusionCode = z.enum([
  'dropped',
  'no_date_in_window',
  'no_go_date',
  'date_taken',
  'radius',
  'too_far',
  'consecutive_shows',
  'days_off',
  'not_worth_it',
  'displaced',
]);
export type ExclusionCode = z.infer<typeof ExclusionCode>;

export interface Exclusion {
  candidateId: string;
  code: ExclusionCode;
  /** The stop or clause behind the reason (radius, date taken, displaced…). */
  otherId?: string;
  /** not_worth_it: the best change of objective it could bring (negative); too_far: km. */
  value?: number;
  date?: string;
}

/** Why the fixed shows alone break the rules (the itinerary is still returned, flagged). */
export const ProblemCode = z.enum([
  'outside_window',
  'no_go_date',
  'date_not_allowed',
  'same_day',
  'too_far',
  'radius',
  'consecutive_shows',
  'days_off',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export interface Violation {
  code: ProblemCode;
  stopIds: string[];
  date?: string;
  value?: number;
}

export interface ItineraryStop {
  id: string;
  kind: 'fixed' | 'candidate';
  place: Place;
  date: string;
  fee: number;
  /** Fee × weight: what the stop counts for in the objective. */
  value: number;
  pinned: boolean;
}

export interface Leg {
  fromId: string;
  toId: string;
  km: number;
  hours: number;
  /** Driving days available between the two stops. */
  days: number;
  /** Driving days needed under the per-day limits. */
  daysNeeded: number;
  /** A drive home or back from home during a break between two shows. */
  homeBreak?: boolean;
}

export interface Itinerary {
  stops: ItineraryStop[];
  /** home → stops… → end; ids `home` / `end` for the tour's ends. */
  legs: Leg[];
  totalKm: number;
  nights: number;
  fees: number;
  travelCost: number;
  objective: number;
  violations: Violation[];
}

export interface TourResult {
  itinerary: Itinerary;
  feasible: boolean;
  excluded: Exclusion[];
  iterations: number;
  /** True when the solver stopped on its time budget or was cancelled. */
  stoppedEarly: boolean;
  cancelled: boolean;
  /** Where the distances came from (provider name). */
  distances: string;
}

export { addDays, dayNumber };

/** Days from one date to another (negative when `to` is earlier). */
export function dayDiff(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
