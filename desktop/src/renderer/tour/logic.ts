/**
 * Pure helpers of the tour planner: the problem as the user tuned it, moving a visit to
 * another allowed date, what the map and the timeline draw, the accept payload and the
 * itinerary PDF document, number formatting.
 */
import type { RpcParams } from '@flowstage/shared/rpc/contract';
import type { TourItineraryDoc, TourStopInfo } from '@flowstage/shared/rpc/tour';
import {
  addDays,
  dayDiff,
  type Leg,
  type PlannedVisit,
  type TourProblem,
  type TourResult,
} from '@flowstage/shared/tour/plan/index';
import type { MapLeg, MapStop } from './map/TourMap';

/** The rules and costs the user can tune (money in minor units). */
export interface TourSettings {
  maxDriveKmPerDay: number;
  maxDriveHoursPerDay: number;
  speedKmh: number;
  maxConsecutiveShows: number;
  minDaysOffPer7Days: number;
  homeBreakDays: number;
  costPerKm: number;
  costPerNight: number;
}

export function settingsOf(problem: TourProblem): TourSettings {
  const { constraints: c, objective: o } = problem;
  return {
    maxDriveKmPerDay: c.maxDriveKmPerDay,
    maxDriveHoursPerDay: c.maxDriveHoursPerDay,
    speedKmh: c.speedKmh,
    maxConsecutiveShows: c.maxConsecutiveShows,
    minDaysOffPer7Days: c.minDaysOffPer7Days,
    homeBreakDays: c.homeBreakDays,
    costPerKm: o.costPerKm,
    costPerNight: o.costPerNight,
  };
}

/** The loaded problem with the user's settings, pins and drops. */
export function tunedProblem(
  base: TourProblem,
  settings: TourSettings,
  pinned: readonly { id: string; date: string | null }[],
  dropped: readonly string[],
): TourProblem {
  const { costPerKm, costPerNight, ...rules } = settings;
  return {
    ...base,
    constraints: { ...base.constraints, ...rules },
    objective: { ...base.objective, costPerKm, costPerNight },
    pinned: pinned.map((p) => ({ id: p.id, date: p.date })),
    dropped: [...dropped],
  };
}

/** The visits of an itinerary, as `evaluateTour` takes them. */
export function visitsOf(result: TourResult): PlannedVisit[] {
  return result.itinerary.stops.map((s) => ({ id: s.id, date: s.date }));
}

/** The confirmed shows of a problem, always part of the tour. */
export function fixedVisits(problem: TourProblem): PlannedVisit[] {
  return problem.fixed.map((f) => ({ id: f.id, date: f.date }));
}

/**
 * The arrangement carried over a reload (after an accept, holds replace open dates): a visit
 * keeps its stop when it still exists, else moves to a stop at the same venue that allows its
 * date; confirmed shows are always in.
 */
export function carryVisits(
  previous: readonly PlannedVisit[],
  prevInfos: ReadonlyMap<string, TourStopInfo>,
  next: TourProblem,
  nextInfos: ReadonlyMap<string, TourStopInfo>,
): PlannedVisit[] {
  const out = fixedVisits(next);
  const used = new Set(out.map((v) => v.id));
  const taken = new Set(out.map((v) => v.date));
  const ids = [...next.fixed, ...next.candidates].map((s) => s.id);
  for (const v of previous) {
    if (taken.has(v.date)) continue;
    const venue = prevInfos.get(v.id)?.venueId;
    const id = [v.id, ...ids.filter((x) => venue !== undefined && nextInfos.get(x)?.venueId === venue)].find(
      (x) => !used.has(x) && allowedDates(next, x).includes(v.date),
    );
    if (!id) continue;
    out.push({ id, date: v.date });
    used.add(id);
    taken.add(v.date);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** Every day of the window, in order. */
export function windowDates(from: string, to: string): string[] {
  const n = dayDiff(from, to) + 1;
  return Array.from({ length: Math.max(0, n) }, (_, i) => addDays(from, i));
}

/** The dates a stop can take inside the window, off the no-go dates (a fixed show: its date). */
export function allowedDates(problem: TourProblem, id: string): string[] {
  const fixed = problem.fixed.find((f) => f.id === id);
  if (fixed) return [fixed.date];
  const c = problem.candidates.find((x) => x.id === id);
  if (!c) return [];
  const noGo = new Set(problem.constraints.noGoDates);
  for (const a of problem.artists) {
    if (!c.artistIds || c.artistIds.includes(a.id)) for (const d of a.noGoDates) noGo.add(d);
  }
  const { start, end } = problem.window;
  return [...new Set(c.dates)].filter((d) => d >= start && d <= end && !noGo.has(d)).sort();
}

/** Puts a visit on `date` (added when absent); null when another visit holds that day. */
export function moveVisit(visits: readonly PlannedVisit[], id: string, date: string): PlannedVisit[] | null {
  if (visits.some((v) => v.id !== id && v.date === date)) return null;
  const rest = visits.filter((v) => v.id !== id);
  return [...rest, { id, date }].sort((a, b) => a.date.localeCompare(b.date));
}

/** The previous (-1) or next (+1) allowed date of a visit that no other visit holds; null: none. */
export function stepDate(
  problem: TourProblem,
  visits: readonly PlannedVisit[],
  id: string,
  dir: -1 | 1,
): string | null {
  const current = visits.find((v) => v.id === id)?.date;
  if (!current) return null;
  const taken = new Set(visits.filter((v) => v.id !== id).map((v) => v.date));
  const dates = allowedDates(problem, id).filter((d) => !taken.has(d));
  const next = dir > 0 ? dates.find((d) => d > current) : dates.reverse().find((d) => d < current);
  return next ?? null;
}

/** "1 234 km" in the locale. */
export function formatKm(km: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(km))} km`;
}

/** Decimal hours as "3 h 05". */
export function formatHours(hours: number): string {
  const minutes = Math.round(hours * 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

/** A leg's tooltip: "312 km · 3 h 40". */
export function legTitle(leg: Pick<Leg, 'km' | 'hours'>, locale: string): string {
  return `${formatKm(leg.km, locale)} · ${formatHours(leg.hours)}`;
}

/** The name a stop goes by: its venue and city, else the place's label. */
export function stopName(id: string, infos: ReadonlyMap<string, TourStopInfo>, problem: TourProblem): string {
  const info = infos.get(id);
  if (info)
    return info.city && !info.venueName.includes(info.city)
      ? `${info.venueName}, ${info.city}`
      : info.venueName;
  const s = [...problem.fixed, ...problem.candidates, ...problem.external].find((x) => x.id === id);
  return s?.place.label ?? id;
}

export function infoMap(stops: readonly TourStopInfo[]): Map<string, TourStopInfo> {
  return new Map(stops.map((s) => [s.id, s]));
}

/** The map's markers: home (and end), the tour's stops in order, the candidates left out. */
export function mapStops(
  problem: TourProblem,
  result: TourResult,
  names: { home: string; end: string; stop(id: string): string },
): MapStop[] {
  const { home, end } = problem;
  const out: MapStop[] = [{ id: 'home', lat: home.lat, lon: home.lon, label: names.home, kind: 'home' }];
  if (end) out.push({ id: 'end', lat: end.lat, lon: end.lon, label: names.end, kind: 'home' });
  const inTour = new Set<string>();
  result.itinerary.stops.forEach((s, i) => {
    inTour.add(s.id);
    out.push({
      id: s.id,
      lat: s.place.lat,
      lon: s.place.lon,
      label: names.stop(s.id),
      order: i + 1,
      kind: s.kind === 'fixed' ? 'fixed' : 'chosen',
      pinned: s.pinned,
    });
  });
  const dropped = new Set(problem.dropped);
  for (const c of problem.candidates) {
    if (inTour.has(c.id)) continue;
    out.push({
      id: c.id,
      lat: c.place.lat,
      lon: c.place.lon,
      label: names.stop(c.id),
      kind: dropped.has(c.id) ? 'excluded' : 'candidate',
    });
  }
  return out;
}

/** The map's legs; the drive home ends on `home` when the tour has no separate end. */
export function mapLegs(problem: TourProblem, result: TourResult, locale: string): MapLeg[] {
  const endId = problem.end ? 'end' : 'home';
  return result.itinerary.legs.map((l) => ({
    from: l.fromId === 'end' ? endId : l.fromId,
    to: l.toId === 'end' ? endId : l.toId,
    title: legTitle(l, locale),
  }));
}

export type AcceptStop = RpcParams<'tour.accept'>['stops'][number];

/** The candidate stops of the tour, to hold in the pipeline (confirmed shows stay as they are). */
export function acceptStops(result: TourResult, infos: ReadonlyMap<string, TourStopInfo>): AcceptStop[] {
  return result.itinerary.stops.flatMap((s) => {
    const info = infos.get(s.id);
    if (s.kind !== 'candidate' || !info) return [];
    return [
      {
        candidateId: s.id,
        dealId: info.dealId,
        ...(info.dealIds.length > 1 ? { dealIds: info.dealIds } : {}),
        ...(info.dealId === null && info.artistIds.length > 1 ? { artistIds: info.artistIds } : {}),
        venueId: info.venueId,
        date: s.date,
        fee: s.fee,
      },
    ];
  });
}

/** The itinerary as the PDF shows it (names resolved, statuses translated). */
export function itineraryDoc(
  problem: TourProblem,
  result: TourResult,
  infos: ReadonlyMap<string, TourStopInfo>,
  labels: { home: string; end: string; fixed: string; hold: string; newHold: string },
): TourItineraryDoc {
  const it = result.itinerary;
  const name = (id: string) =>
    id === 'home'
      ? labels.home
      : id === 'end'
        ? labels.end
        : (infos.get(id)?.venueName ?? stopName(id, infos, problem));
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return {
    currency: problem.currency,
    stops: it.stops.map((s) => {
      const info = infos.get(s.id);
      const status = s.kind === 'fixed' ? labels.fixed : info?.dealId ? labels.hold : labels.newHold;
      return {
        date: s.date,
        venue: clip(info?.venueName ?? s.place.label, 200),
        city: clip(info?.city ?? '', 120),
        fee: s.fee,
        kind: s.kind,
        status: clip(status, 60),
      };
    }),
    legs: it.legs.map((l) => ({
      from: clip(name(l.fromId), 200),
      to: clip(name(l.toId), 200),
      km: Math.max(0, l.km),
      hours: Math.max(0, l.hours),
    })),
    totalKm: Math.max(0, it.totalKm),
    nights: Math.max(0, Math.round(it.nights)),
    fees: Math.round(it.fees),
    travelCost: Math.round(it.travelCost),
    objective: Math.round(it.objective),
    distances: clip(result.distances, 80),
  };
}

/** Percent of a search done, 0–100. */
export function percent(fraction: number): number {
  return Math.max(0, Math.min(100, Math.round(fraction * 100)));
}
