/**
 * The planning problem of one artist over a window, from the workspace's records:
 * confirmed shows are fixed; holds, offers and requests are candidates on their date
 * (a request, which asks for a date, may also move up to REQUEST_FLEX_DAYS either way);
 * days off, promo, rehearsal and travel days are no-go dates; shows outside the window
 * keep binding through their radius clause; optionally, open dates at the directory's
 * venues that fit the artist's fee, nearest first, with an estimated fee.
 */
import {
  type ArtistRecord,
  type DealRecord,
  type EventRecord,
  FIRM_STAGES,
  SHOW_STAGES,
  type TourProblemResult,
  type TourStopInfo,
  type VenueRecord,
} from '@flowstage/shared';
import { haversineKm } from '@flowstage/shared/domain/deals/radius';
import {
  addDays,
  type Candidate,
  type CandidateSource,
  type ExternalClause,
  type FixedShow,
  type Place,
  TourProblem,
} from '@flowstage/shared/tour/plan/index';

export const REQUEST_FLEX_DAYS = 3;
/** How far outside the window a show's radius clause is looked for. */
export const CLAUSE_LOOKAROUND_DAYS = 365;
const DEAD = new Set(['released', 'declined', 'cancelled']);
const NO_GO_EVENTS = new Set(['day_off', 'promo', 'rehearsal', 'travel']);

export interface ProblemInput {
  artist: ArtistRecord;
  from: string;
  to: string;
  /** The artist's live deals from CLAUSE_LOOKAROUND_DAYS before to after the window. */
  deals: readonly DealRecord[];
  /** The artist's events touching the window, with their local first and last days. */
  events: readonly { event: EventRecord; from: string; to: string }[];
  venues: ReadonlyMap<string, VenueRecord>;
  /** Venues offered for open dates (already filtered to live ones). */
  openVenues: readonly VenueRecord[];
  maxOpenVenues: number;
}

/** A venue whose position is known (records without one are at 0/0). */
const located = (v: { lat: number; lon: number }) => v.lat !== 0 || v.lon !== 0;

const sourceOf = (stage: DealRecord['stage']): CandidateSource | null =>
  stage === 'hold' ? 'hold' : stage === 'offer' ? 'offer' : stage === 'request' ? 'request' : null;

/** The later of two ISO dates (strings: Math.max does not apply). */
const laterDate = (a: string, b: string) => [a, b].sort()[1] as string;

const placeOf = (v: VenueRecord): Place => ({ id: v.id, label: v.name, lat: v.lat, lon: v.lon });

export function buildTourProblem(input: ProblemInput): TourProblemResult {
  const { artist: a, from, to } = input;
  const clause = {
    radiusKm: a.radiusKm,
    radiusDaysBefore: a.radiusDaysBefore,
    radiusDaysAfter: a.radiusDaysAfter,
  };
  const fixed: FixedShow[] = [];
  const candidates: Candidate[] = [];
  const external: ExternalClause[] = [];
  const stops: TourStopInfo[] = [];
  const info = (
    id: string,
    v: VenueRecord,
    d: DealRecord | null,
    source: TourStopInfo['source'],
  ): TourStopInfo => ({
    id,
    dealId: d?.id ?? null,
    venueId: v.id,
    venueName: v.name,
    city: v.city,
    country: v.country,
    stage: d?.stage ?? null,
    holdLevel: d?.holdLevel ?? null,
    source,
  });
  const busy = new Set<string>();
  const unlocated: TourStopInfo[] = [];
  const noGo = new Set<string>();
  for (const d of [...input.deals].sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id))) {
    const v = input.venues.get(d.venueId);
    if (!v || DEAD.has(d.stage)) continue;
    const inside = d.date >= from && d.date <= to;
    if (!located(v)) {
      // No position to route from: a firm date stays taken, the rest is listed apart.
      if (!inside) continue;
      if (FIRM_STAGES.has(d.stage)) noGo.add(d.date);
      busy.add(d.date);
      unlocated.push(
        info(`deal:${d.id}`, v, d, SHOW_STAGES.has(d.stage) ? 'show' : (sourceOf(d.stage) ?? 'hold')),
      );
      continue;
    }
    if (SHOW_STAGES.has(d.stage) && !inside) {
      if (clause.radiusKm > 0)
        external.push({ id: `deal:${d.id}`, place: placeOf(v), date: d.date, radius: clause });
      continue;
    }
    if (!inside) continue;
    busy.add(d.date);
    const id = `deal:${d.id}`;
    if (SHOW_STAGES.has(d.stage)) {
      fixed.push({ id, place: placeOf(v), date: d.date, fee: d.guarantee, dealId: d.id });
      stops.push(info(id, v, d, 'show'));
      continue;
    }
    const source = sourceOf(d.stage);
    if (!source) continue;
    const dates =
      source === 'request'
        ? Array.from({ length: 2 * REQUEST_FLEX_DAYS + 1 }, (_, i) =>
            addDays(d.date, i - REQUEST_FLEX_DAYS),
          ).filter((x) => x >= from && x <= to)
        : [d.date];
    candidates.push({
      id,
      place: placeOf(v),
      dates,
      fee: d.guarantee,
      source,
      holdLevel: d.holdLevel,
      dealId: d.id,
    });
    stops.push(info(id, v, d, source));
  }
  for (const e of input.events)
    if (NO_GO_EVENTS.has(e.event.kind))
      for (let day = laterDate(e.from, from); day <= e.to && day <= to; day = addDays(day, 1)) noGo.add(day);
  if (input.maxOpenVenues > 0) {
    const open: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1))
      if (!busy.has(day) && !noGo.has(day)) open.push(day);
    const inDeals = new Set(input.deals.map((d) => d.venueId));
    const mid = Math.round((a.feeMin + a.feeMax) / 2);
    const fitting = input.openVenues
      .filter(
        (v) =>
          !inDeals.has(v.id) && v.budgetMax >= a.feeMin && v.budgetMax > 0 && (v.lat !== 0 || v.lon !== 0),
      )
      .map((v) => ({ v, km: haversineKm(a.lat, a.lon, v.lat, v.lon) }))
      .sort((x, y) => x.km - y.km || x.v.id.localeCompare(y.v.id))
      .slice(0, input.maxOpenVenues);
    if (open.length > 0)
      for (const { v } of fitting) {
        const id = `open:${v.id}`;
        candidates.push({
          id,
          place: placeOf(v),
          dates: open,
          fee: Math.min(Math.max(mid, v.budgetMin), v.budgetMax),
          source: 'open_date',
          holdLevel: null,
        });
        stops.push(info(id, v, null, 'open_date'));
      }
  }
  const problem = TourProblem.parse({
    artists: [{ id: a.id, name: a.name, noGoDates: [] }],
    home: { id: 'home', label: a.homeCity || a.name, lat: a.lat, lon: a.lon },
    window: { start: from, end: to },
    fixed,
    candidates,
    external,
    constraints: { noGoDates: [...noGo].sort(), defaultRadius: clause },
    currency: a.currency,
  });
  return {
    artist: { id: a.id, name: a.name, currency: a.currency, homeCity: a.homeCity },
    problem,
    stops,
    unlocated,
  };
}
