/**
 * The planning problem of an artist, or of a package (the lead artist and partners sharing
 * a van), over a window, from the workspace's records: confirmed shows are fixed; holds,
 * offers and requests are candidates on their date (a request, which asks for a date, may
 * also move up to REQUEST_FLEX_DAYS either way); deals of several package artists at one
 * venue on one date are one stop (a co-bill: fees added, every deal kept); each artist's
 * days off, promo, rehearsal and travel days not tied to a deal are that artist's no-go
 * dates; shows outside the window keep binding through their artist's radius clause;
 * optionally, open dates at the directory's venues that fit the package's fees, nearest
 * first, with an estimated fee. Deals at venues with no position are listed apart (a firm
 * one keeps its date taken).
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
import { haversineKm, type RadiusClause } from '@flowstage/shared/domain/deals/radius';
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
/** When deals of a co-bill differ, the stop takes the firmest source. */
const SOURCE_RANK: Record<CandidateSource, number> = { offer: 0, hold: 1, request: 2, open_date: 3 };

export interface ProblemInput {
  /** The lead artist first (home base, currency), then the package partners. */
  artists: readonly ArtistRecord[];
  from: string;
  to: string;
  /** The artists' live deals from CLAUSE_LOOKAROUND_DAYS before to after the window. */
  deals: readonly DealRecord[];
  /** The artists' events touching the window, with their local first and last days. */
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

const clauseOf = (a: ArtistRecord): RadiusClause => ({
  radiusKm: a.radiusKm,
  radiusDaysBefore: a.radiusDaysBefore,
  radiusDaysAfter: a.radiusDaysAfter,
});

/** The widest of several clauses (a co-bill keeps every artist's protection). */
function widest(clauses: readonly RadiusClause[]): RadiusClause {
  return {
    radiusKm: Math.max(0, ...clauses.map((c) => c.radiusKm)),
    radiusDaysBefore: Math.max(0, ...clauses.map((c) => c.radiusDaysBefore)),
    radiusDaysAfter: Math.max(0, ...clauses.map((c) => c.radiusDaysAfter)),
  };
}

function info(
  id: string,
  v: VenueRecord,
  deals: readonly DealRecord[],
  source: TourStopInfo['source'],
): TourStopInfo {
  const first = deals[0];
  return {
    id,
    dealId: first?.id ?? null,
    dealIds: deals.map((d) => d.id),
    artistIds: [...new Set(deals.map((d) => d.artistId))],
    venueId: v.id,
    venueName: v.name,
    city: v.city,
    country: v.country,
    stage: first?.stage ?? null,
    holdLevel: deals.reduce<number | null>(
      (m, d) => (d.holdLevel === null ? m : Math.min(m ?? 9, d.holdLevel)),
      null,
    ),
    source,
  };
}

export function buildTourProblem(input: ProblemInput): TourProblemResult {
  const { from, to } = input;
  const lead = input.artists[0];
  if (!lead) throw new RangeError('a tour needs an artist');
  const artistOf = new Map(input.artists.map((a) => [a.id, a]));
  const clause = (artistId: string) => clauseOf(artistOf.get(artistId) ?? lead);
  const fixed: FixedShow[] = [];
  const candidates: Candidate[] = [];
  const external: ExternalClause[] = [];
  const stops: TourStopInfo[] = [];
  const unlocated: TourStopInfo[] = [];
  const busy = new Set<string>();
  const noGo = new Map(input.artists.map((a) => [a.id, new Set<string>()]));
  // Live deals in the window, grouped by venue and date: one stop per group (co-bills).
  const groups = new Map<string, DealRecord[]>();
  for (const d of [...input.deals].sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id))) {
    const v = input.venues.get(d.venueId);
    if (!v || DEAD.has(d.stage) || !artistOf.has(d.artistId)) continue;
    const inside = d.date >= from && d.date <= to;
    if (!located(v)) {
      if (!inside) continue;
      if (FIRM_STAGES.has(d.stage)) noGo.get(d.artistId)?.add(d.date);
      busy.add(d.date);
      unlocated.push(
        info(`deal:${d.id}`, v, [d], SHOW_STAGES.has(d.stage) ? 'show' : (sourceOf(d.stage) ?? 'hold')),
      );
      continue;
    }
    if (SHOW_STAGES.has(d.stage) && !inside) {
      const c = clause(d.artistId);
      if (c.radiusKm > 0)
        external.push({
          id: `deal:${d.id}`,
          place: placeOf(v),
          date: d.date,
          radius: c,
          artistIds: [d.artistId],
        });
      continue;
    }
    if (!inside || (!SHOW_STAGES.has(d.stage) && !sourceOf(d.stage))) continue;
    busy.add(d.date);
    const key = `${d.venueId}|${d.date}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const deals of groups.values()) {
    const d = deals[0] as DealRecord;
    const v = input.venues.get(d.venueId) as VenueRecord;
    const id = `deal:${d.id}`;
    const artistIds = [...new Set(deals.map((x) => x.artistId))];
    const fee = deals.reduce((s, x) => s + x.guarantee, 0);
    const radius = widest(artistIds.map(clause));
    const who = input.artists.length > 1 ? { artistIds } : {};
    if (deals.some((x) => SHOW_STAGES.has(x.stage))) {
      fixed.push({ id, place: placeOf(v), date: d.date, fee, dealId: d.id, radius, ...who });
      stops.push(info(id, v, deals, 'show'));
      continue;
    }
    const source = deals
      .map((x) => sourceOf(x.stage) as CandidateSource)
      .sort((a, b) => SOURCE_RANK[a] - SOURCE_RANK[b])[0] as CandidateSource;
    const dates =
      source === 'request'
        ? Array.from({ length: 2 * REQUEST_FLEX_DAYS + 1 }, (_, i) =>
            addDays(d.date, i - REQUEST_FLEX_DAYS),
          ).filter((x) => x >= from && x <= to)
        : [d.date];
    const stop = info(id, v, deals, source);
    candidates.push({
      id,
      place: placeOf(v),
      dates,
      fee,
      source,
      holdLevel: stop.holdLevel,
      dealId: d.id,
      radius,
      ...who,
    });
    stops.push(stop);
  }
  // An event tied to a deal (the drive to a show, its promo) belongs to that date's plan.
  for (const e of input.events)
    if (NO_GO_EVENTS.has(e.event.kind) && e.event.dealId === null)
      for (let day = laterDate(e.from, from); day <= e.to && day <= to; day = addDays(day, 1))
        noGo.get(e.event.artistId)?.add(day);
  if (input.maxOpenVenues > 0) addOpenDates(input, busy, noGo, candidates, stops);
  const problem = TourProblem.parse({
    artists: input.artists.map((a) => ({
      id: a.id,
      name: a.name,
      noGoDates: [...(noGo.get(a.id) ?? [])].sort(),
    })),
    home: { id: 'home', label: lead.homeCity || lead.name, lat: lead.lat, lon: lead.lon },
    window: { start: from, end: to },
    fixed,
    candidates,
    external,
    constraints: { defaultRadius: widest(input.artists.map(clauseOf)) },
    currency: lead.currency,
  });
  return {
    artist: { id: lead.id, name: lead.name, currency: lead.currency, homeCity: lead.homeCity },
    artists: input.artists.map((a) => ({ id: a.id, name: a.name })),
    problem,
    stops,
    unlocated,
  };
}

/**
 * Open dates (no deal, no no-go day of any package artist) at the nearest directory venues
 * whose budget reaches the package's lowest fees; the estimated fee is the package's
 * middle fee, kept within the venue's budget.
 */
function addOpenDates(
  input: ProblemInput,
  busy: ReadonlySet<string>,
  noGo: ReadonlyMap<string, ReadonlySet<string>>,
  candidates: Candidate[],
  stops: TourStopInfo[],
): void {
  const lead = input.artists[0] as ArtistRecord;
  const open: string[] = [];
  for (let day = input.from; day <= input.to; day = addDays(day, 1))
    if (!busy.has(day) && ![...noGo.values()].some((s) => s.has(day))) open.push(day);
  if (open.length === 0) return;
  const feeMin = input.artists.reduce((s, a) => s + a.feeMin, 0);
  const mid = input.artists.reduce((s, a) => s + Math.round((a.feeMin + a.feeMax) / 2), 0);
  const inDeals = new Set(input.deals.map((d) => d.venueId));
  const fitting = input.openVenues
    .filter((v) => !inDeals.has(v.id) && v.budgetMax >= feeMin && v.budgetMax > 0 && located(v))
    .map((v) => ({ v, km: haversineKm(lead.lat, lead.lon, v.lat, v.lon) }))
    .sort((x, y) => x.km - y.km || x.v.id.localeCompare(y.v.id))
    .slice(0, input.maxOpenVenues);
  for (const { v } of fitting) {
    const id = `open:${v.id}`;
    const fee = Math.min(Math.max(mid, v.budgetMin), v.budgetMax);
    candidates.push({ id, place: placeOf(v), dates: open, fee, source: 'open_date', holdLevel: null });
    stops.push({ ...info(id, v, [], 'open_date'), artistIds: input.artists.map((a) => a.id) });
  }
}
