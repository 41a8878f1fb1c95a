/**
 * Plausibility tables of the demo generator: artist levels, venue sizes and budgets,
 * stage and deal-type mixes. Amounts are whole currency units here; records store
 * minor units. These shape demo data only — business rates live in their own tables.
 */
import type { ArtistKind, DealStage, DealType, EventKind, VenueKind } from '../domain/enums';
import type { PopulationClass } from './inputs';

export type ArtistLevel = 'local' | 'regional' | 'national' | 'headliner';

export interface LevelProfile {
  weight: number;
  /** Fee range in whole units (EUR or CHF). */
  fee: readonly [number, number];
  draw: readonly [number, number];
  /** Typical ticket prices in whole units (0 = free entry). */
  tickets: readonly number[];
  radiusKm: number;
  radiusDaysBefore: number;
  radiusDaysAfter: number;
  /** Relative number of deals per artist. */
  dealWeight: number;
  showCount: readonly [number, number];
}

export const LEVELS: Record<ArtistLevel, LevelProfile> = {
  local: {
    weight: 30,
    fee: [300, 1500],
    draw: [40, 250],
    tickets: [5, 8, 10, 12, 15],
    radiusKm: 0,
    radiusDaysBefore: 0,
    radiusDaysAfter: 0,
    dealWeight: 1.2,
    showCount: [30, 150],
  },
  regional: {
    weight: 30,
    fee: [1000, 4000],
    draw: [200, 700],
    tickets: [12, 15, 18, 20, 22, 25],
    radiusKm: 30,
    radiusDaysBefore: 21,
    radiusDaysAfter: 7,
    dealWeight: 1.1,
    showCount: [100, 300],
  },
  national: {
    weight: 25,
    fee: [3500, 12000],
    draw: [600, 2500],
    tickets: [22, 25, 28, 32, 35, 39],
    radiusKm: 80,
    radiusDaysBefore: 45,
    radiusDaysAfter: 21,
    dealWeight: 1,
    showCount: [200, 500],
  },
  headliner: {
    weight: 15,
    fee: [10000, 25000],
    draw: [2000, 8000],
    tickets: [35, 39, 45, 49, 55, 65],
    radiusKm: 150,
    radiusDaysBefore: 60,
    radiusDaysAfter: 30,
    dealWeight: 0.7,
    showCount: [400, 900],
  },
};
export const ARTIST_LEVELS = Object.keys(LEVELS) as ArtistLevel[];

export const ARTIST_KIND_WEIGHTS: Record<ArtistKind, number> = { band: 40, solo: 30, dj: 18, ensemble: 12 };
/** Fee multiplier and line-up range per kind (a band costs more than a solo act). */
export const KIND_PROFILE: Record<ArtistKind, { feeFactor: number; lineup: readonly [number, number] }> = {
  solo: { feeFactor: 1, lineup: [1, 1] },
  dj: { feeFactor: 1, lineup: [1, 1] },
  band: { feeFactor: 1.2, lineup: [3, 6] },
  ensemble: { feeFactor: 1.3, lineup: [4, 14] },
};
export const ABSOLUTE_FEE: readonly [number, number] = [300, 25000];
export const COMMISSION_BPS = [1000, 1200, 1500, 1500, 1800, 2000] as const;
export const COMMISSION_RANGE: readonly [number, number] = [1000, 2000];

/** How often a city is drawn, by size. */
export const CITY_WEIGHT_ARTISTS: Record<PopulationClass, number> = {
  metropolis: 10,
  large: 3,
  medium: 1.2,
  small: 0.6,
};
export const CITY_WEIGHT_VENUES: Record<PopulationClass, number> = {
  metropolis: 14,
  large: 5,
  medium: 2.2,
  small: 1.2,
};
/** Spread of venues around the city centre, km. */
export const CITY_SPREAD_KM: Record<PopulationClass, number> = {
  metropolis: 5,
  large: 3,
  medium: 1.5,
  small: 0.8,
};

export const VENUE_KIND_WEIGHTS: Record<PopulationClass, Record<VenueKind, number>> = {
  metropolis: { club: 28, concert_hall: 12, bar: 26, theatre: 12, festival: 5, private: 11, municipal: 6 },
  large: { club: 22, concert_hall: 13, bar: 24, theatre: 13, festival: 7, private: 10, municipal: 11 },
  medium: { club: 15, concert_hall: 12, bar: 24, theatre: 13, festival: 10, private: 10, municipal: 16 },
  small: { club: 8, concert_hall: 8, bar: 25, theatre: 10, festival: 16, private: 12, municipal: 21 },
};

export interface VenueSize {
  standing: readonly [number, number];
  /** Seated capacity as a share of standing, or a range of its own when standing is 0. */
  seated: readonly [number, number];
  seatedIsShare: boolean;
  /** Budget per head of capacity, whole units. */
  perHead: number;
  genres: readonly [number, number];
}

export const VENUE_SIZES: Record<VenueKind, VenueSize> = {
  bar: { standing: [40, 200], seated: [0.3, 0.5], seatedIsShare: true, perHead: 6, genres: [1, 3] },
  club: { standing: [150, 1200], seated: [0, 0.2], seatedIsShare: true, perHead: 9, genres: [1, 3] },
  concert_hall: {
    standing: [300, 2500],
    seated: [0.4, 0.6],
    seatedIsShare: true,
    perHead: 10,
    genres: [2, 4],
  },
  theatre: { standing: [0, 0], seated: [200, 1500], seatedIsShare: false, perHead: 14, genres: [2, 4] },
  festival: { standing: [1500, 35000], seated: [0, 0], seatedIsShare: true, perHead: 3, genres: [3, 6] },
  private: { standing: [60, 600], seated: [0.6, 0.8], seatedIsShare: true, perHead: 45, genres: [2, 5] },
  municipal: { standing: [200, 900], seated: [0.6, 0.7], seatedIsShare: true, perHead: 12, genres: [2, 5] },
};
/** Big cities have bigger rooms. */
export const CITY_SIZE_FACTOR: Record<PopulationClass, number> = {
  metropolis: 1.6,
  large: 1.15,
  medium: 0.8,
  small: 0.6,
};
export const VENUE_BUDGET: readonly [number, number] = [300, 60000];
/** Swiss budgets and ticket prices run higher. */
export const CHF_PRICE_FACTOR = 1.2;
/** Demo exchange rates for fees quoted across the border. */
export const FX = { EUR_TO_CHF: 0.95, CHF_TO_EUR: 1.05 } as const;

export const STAGE_WEIGHTS: Record<DealStage, number> = {
  request: 5,
  hold: 15,
  offer: 7,
  confirmed: 8,
  contract_sent: 5,
  contract_signed: 8,
  advanced: 4,
  played: 6,
  settled: 22,
  declined: 7,
  released: 8,
  cancelled: 5,
};

/** Date window of a stage, in days from today (past dates for played/settled, future for holds/offers). */
export const STAGE_WINDOWS: Record<DealStage, readonly [number, number]> = {
  request: [14, 365],
  hold: [7, 365],
  offer: [14, 300],
  confirmed: [21, 365],
  contract_sent: [14, 300],
  contract_signed: [7, 240],
  advanced: [0, 28],
  played: [-45, -1],
  settled: [-180, -4],
  declined: [-180, 365],
  released: [-90, 365],
  cancelled: [-180, 365],
};
/** Minimum days between a deal's creation and its date. */
export const STAGE_LEAD_DAYS: Record<DealStage, number> = {
  request: 7,
  hold: 5,
  offer: 7,
  confirmed: 14,
  contract_sent: 14,
  contract_signed: 21,
  advanced: 30,
  played: 30,
  settled: 30,
  declined: 3,
  released: 7,
  cancelled: 14,
};
export const PAST_DAYS = 180;
export const FUTURE_DAYS = 365;

export { FIRM_STAGES, SHOW_STAGES } from '../domain/stages';

export const HOLD_LEVEL_WEIGHTS = [40, 25, 18, 10, 7] as const;
export const MAX_HOLDS_PER_ARTIST_DAY = 3;

export const DEAL_TYPE_WEIGHTS: Record<VenueKind, Partial<Record<DealType, number>>> = {
  bar: { flat: 45, door: 40, percentage: 10, guarantee_bonus: 5 },
  club: {
    flat: 30,
    versus_net: 22,
    door: 15,
    guarantee_bonus: 15,
    percentage: 8,
    versus_gross: 5,
    co_headline: 5,
  },
  concert_hall: {
    flat: 25,
    guarantee_bonus: 22,
    versus_net: 22,
    versus_gross: 12,
    co_headline: 10,
    percentage: 9,
  },
  theatre: { flat: 40, versus_net: 20, percentage: 20, co_headline: 10, guarantee_bonus: 10 },
  festival: { flat: 70, guarantee_bonus: 30 },
  private: { flat: 100 },
  municipal: { flat: 85, guarantee_bonus: 15 },
};

/** Guarantee as a share of the fee, and artist percentage (bps), per deal type. */
export const DEAL_TERMS: Record<
  DealType,
  { guarantee: readonly [number, number]; bps: readonly [number, number] }
> = {
  flat: { guarantee: [1, 1], bps: [0, 0] },
  guarantee_bonus: { guarantee: [0.75, 0.95], bps: [0, 0] },
  versus_net: { guarantee: [0.5, 0.8], bps: [7000, 8500] },
  versus_gross: { guarantee: [0.5, 0.8], bps: [5500, 7000] },
  door: { guarantee: [0, 0], bps: [7000, 10000] },
  percentage: { guarantee: [0, 0], bps: [6000, 8500] },
  co_headline: { guarantee: [0.4, 0.6], bps: [4000, 6000] },
};

/** Relative likelihood of a show on each weekday, Sunday first. */
export const WEEKDAY_WEIGHTS = [0.6, 0.25, 0.5, 0.8, 1.2, 2, 2] as const;

/** Local start times (minutes after midnight; past 1440 = after midnight) per venue kind. */
export const SHOW_STARTS: Record<VenueKind, readonly number[]> = {
  bar: [1260, 1290, 1320],
  club: [1290, 1320, 1380, 1410],
  concert_hall: [1200, 1230, 1260],
  theatre: [1200, 1230],
  festival: [900, 990, 1080, 1170, 1260, 1350, 1410],
  private: [1140, 1200, 1260, 1320],
  municipal: [1200, 1230, 1260],
};
export const DJ_CLUB_STARTS = [1380, 1440, 1530, 1590] as const;
export const SET_MINUTES: Record<ArtistKind, readonly [number, number]> = {
  solo: [60, 100],
  band: [70, 110],
  dj: [90, 180],
  ensemble: [70, 120],
};

export const EXTRA_EVENT_WEIGHTS: Record<Exclude<EventKind, 'show' | 'hold' | 'travel'>, number> = {
  promo: 35,
  rehearsal: 30,
  day_off: 35,
};
/**
 * Travel: straight-line distance × detour factor at an average speed; beyond `trainKm`
 * the team takes the train (faster, plus transfers). Longer than `overnightMinutes`
 * from home, they leave the day before.
 */
export const ROAD = {
  detour: 1.25,
  kmh: 85,
  minKm: 40,
  trainKm: 450,
  trainKmh: 160,
  trainExtraMinutes: 75,
  overnightMinutes: 360,
} as const;
/** Back-to-back firm dates are booked within this distance of each other. */
export const TOUR_MAX_KM = 350;
