/**
 * A parsed problem turned into arrays the solver reads in its inner loops: day indices
 * (0 = the window's first day), node indices into the distance matrix, per-stop allowed
 * days, values and radius clauses.
 */
import { haversineKm, type RadiusClause } from '../../domain/deals/radius';
import type { DistanceMatrix, LatLon } from './distance';
import { type Candidate, dayDiff, type FixedShow, type Place, type TourProblem } from './model';

export interface CStop {
  /** Index in `stops` (fixed shows first, then candidates). */
  index: number;
  id: string;
  fixed: boolean;
  /** Fixed shows and candidates pinned to a date: this day; others: -1. */
  fixedDay: number;
  /** Pinned without a date: must be in the itinerary if any allowed day works. */
  mustInclude: boolean;
  dropped: boolean;
  node: number;
  place: Place;
  fee: number;
  value: number;
  /** Allowed days inside the window and off every no-go date of its artists. */
  days: number[];
  /** Allowed dates before any filtering (for explanations). */
  rawDates: string[];
  /** Window days on a no-go date of the tour or of one of its artists. */
  blockedDays: Set<number>;
  radius: RadiusClause | null;
  /** Bit per artist of the problem who plays this stop: radius clauses bind artists, not vans. */
  mask: number;
  source: Candidate | FixedShow;
}

export interface CExternal {
  id: string;
  place: Place;
  day: number;
  radius: RadiusClause;
  mask: number;
}

export interface Compiled {
  problem: TourProblem;
  /** Days in the window. */
  W: number;
  /** Node 0: home, node 1: end. */
  nodes: Place[];
  stops: CStop[];
  external: CExternal[];
  km: Float64Array;
  hours: Float64Array;
  /** Straight-line km between nodes (radius clauses are as the crow flies). */
  crow: Float64Array;
  noGo: Uint8Array;
  matrixSource: string;
  /** near[a * stops + b]: the two stops are close enough for one's radius clause to bind the other. */
  near: Uint8Array;
  /** Driving days each node-to-node leg needs (daysNeeded, precomputed). */
  need: Int32Array;
}

/** The nodes of a problem, in matrix order: home, end, then each distinct place. */
export function problemNodes(problem: TourProblem): Place[] {
  const nodes: Place[] = [problem.home, problem.end ?? problem.home];
  const seen = new Set<string>();
  for (const s of [...problem.fixed, ...problem.candidates]) {
    if (seen.has(s.place.id)) continue;
    seen.add(s.place.id);
    nodes.push(s.place);
  }
  return nodes;
}

const clauseOf = (r: RadiusClause | undefined, dflt: RadiusClause) => {
  const c = r ?? dflt;
  return c.radiusKm > 0 ? c : null;
};

export function compile(problem: TourProblem, matrix: DistanceMatrix): Compiled {
  const nodes = problemNodes(problem);
  const n = nodes.length;
  if (matrix.n !== n)
    throw new Error(`distance matrix is ${matrix.n}×${matrix.n}, the problem has ${n} places`);
  const nodeOf = new Map<string, number>();
  for (let i = 2; i < n; i++) nodeOf.set((nodes[i] as Place).id, i);
  const { constraints: c, objective: o } = problem;
  const start = problem.window.start;
  const W = dayDiff(start, problem.window.end) + 1;
  const noGo = new Uint8Array(W);
  for (const d of c.noGoDates) {
    const t = dayDiff(start, d);
    if (t >= 0 && t < W) noGo[t] = 1;
  }
  // The window days a stop cannot take: the tour's no-go days and those of its artists
  // (one set per distinct line-up, shared by its stops).
  const artistNoGo = new Map(
    problem.artists.map((a) => [
      a.id,
      a.noGoDates.map((d) => dayDiff(start, d)).filter((t) => t >= 0 && t < W),
    ]),
  );
  const blockedByLineUp = new Map<string, Set<number>>();
  const blockedDays = (artistIds: string[] | undefined) => {
    const ids = artistIds ?? problem.artists.map((a) => a.id);
    const key = ids.join('\u0000');
    let out = blockedByLineUp.get(key);
    if (!out) {
      out = new Set<number>();
      for (let t = 0; t < W; t++) if (noGo[t]) out.add(t);
      for (const id of ids) for (const t of artistNoGo.get(id) ?? []) out.add(t);
      blockedByLineUp.set(key, out);
    }
    return out;
  };
  const hours = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++)
    hours[i] = matrix.hours ? (matrix.hours[i] as number) : (matrix.km[i] as number) / c.speedKmh;
  const crow = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const a = nodes[i] as LatLon;
      const b = nodes[j] as LatLon;
      crow[i * n + j] = i === j ? 0 : haversineKm(a.lat, a.lon, b.lat, b.lon);
    }
  const dropped = new Set(problem.dropped);
  const pins = new Map(problem.pinned.map((p) => [p.id, p.date]));
  const bit = new Map(problem.artists.map((a, i) => [a.id, 1 << i]));
  const all = (1 << problem.artists.length) - 1;
  const maskOf = (ids: readonly string[] | undefined) =>
    ids ? ids.reduce((m, id) => m | (bit.get(id) ?? 0), 0) || all : all;
  const stops: CStop[] = [];
  for (const f of problem.fixed) {
    const day = dayDiff(start, f.date);
    stops.push({
      index: stops.length,
      id: f.id,
      fixed: true,
      fixedDay: day,
      mustInclude: true,
      dropped: false,
      node: nodeOf.get(f.place.id) as number,
      place: f.place,
      fee: f.fee,
      value: f.fee,
      days: [day],
      rawDates: [f.date],
      blockedDays: blockedDays(f.artistIds),
      radius: clauseOf(f.radius, c.defaultRadius),
      mask: maskOf(f.artistIds),
      source: f,
    });
  }
  for (const k of problem.candidates) {
    const weight =
      k.source === 'open_date'
        ? o.openDateWeight
        : k.source === 'hold' && k.holdLevel !== null
          ? (o.holdWeights[k.holdLevel - 1] ?? 1)
          : 1;
    const blocked = blockedDays(k.artistIds);
    const days = [...new Set(k.dates.map((d) => dayDiff(start, d)))]
      .filter((t) => t >= 0 && t < W && !blocked.has(t))
      .sort((a, b) => a - b);
    stops.push({
      index: stops.length,
      id: k.id,
      fixed: false,
      ...userChoice(k.id, days, start, pins, dropped),
      node: nodeOf.get(k.place.id) as number,
      place: k.place,
      fee: k.fee,
      value: k.fee * weight,
      days,
      rawDates: k.dates,
      blockedDays: blocked,
      radius: clauseOf(k.radius, c.defaultRadius),
      mask: maskOf(k.artistIds),
      source: k,
    });
  }
  const external = problem.external.map((e) => ({
    id: e.id,
    place: e.place,
    day: dayDiff(start, e.date),
    radius: e.radius,
    mask: maskOf(e.artistIds),
  }));
  const S = stops.length;
  const near = new Uint8Array(S * S);
  for (const a of stops)
    for (const b of stops) {
      if (a.index === b.index || a.place.id === b.place.id || (a.mask & b.mask) === 0) continue;
      const reach = Math.max(a.radius?.radiusKm ?? 0, b.radius?.radiusKm ?? 0);
      if (reach > 0 && (crow[a.node * n + b.node] as number) <= reach) near[a.index * S + b.index] = 1;
    }
  const need = new Int32Array(n * n);
  for (let i = 0; i < n * n; i++) {
    const km = matrix.km[i] as number;
    need[i] =
      km <= 1e-9
        ? 0
        : Math.max(
            1,
            Math.ceil(Math.max(km / c.maxDriveKmPerDay, (hours[i] as number) / c.maxDriveHoursPerDay) - 1e-9),
          );
  }
  return {
    problem,
    W,
    nodes,
    stops,
    external,
    km: matrix.km,
    hours,
    crow,
    noGo,
    matrixSource: matrix.source,
    near,
    need,
  };
}

/** Driving days a leg needs under the per-day km and hours limits (0 for no distance). */
export function daysNeeded(cp: Compiled, from: number, to: number): number {
  return cp.need[from * cp.nodes.length + to] as number;
}

/**
 * Whether a show of `a` on `dayA` and one of `b` on `dayB` break either one's radius
 * clause (straight-line km ≤ R and the other date within [day − D, day + D'], as in
 * domain/deals/radius.ts). Two shows at one place never do, nor two shows no artist plays both.
 */
export function radiusConflict(
  a: { place: Place; radius: RadiusClause | null; mask: number },
  dayA: number,
  b: { place: Place; radius: RadiusClause | null; mask: number },
  dayB: number,
  km: number,
): boolean {
  if (a.place.id === b.place.id || (a.mask & b.mask) === 0) return false;
  return clauseBinds(a.radius, km, dayB - dayA) || clauseBinds(b.radius, km, dayA - dayB);
}

/** A clause binds a show `km` away, `d` days after the clause's own show (negative: before). */
function clauseBinds(c: RadiusClause | null, km: number, d: number): boolean {
  return c !== null && km <= c.radiusKm && d >= -c.radiusDaysBefore && d <= c.radiusDaysAfter;
}

/** Straight-line km between two stops' places (matrix lookup) or any two places. */
export function crowKm(
  cp: Compiled,
  a: { place: Place; node?: number },
  b: { place: Place; node?: number },
): number {
  if (a.node !== undefined && b.node !== undefined)
    return cp.crow[a.node * cp.nodes.length + b.node] as number;
  return haversineKm(a.place.lat, a.place.lon, b.place.lat, b.place.lon);
}

/** A candidate's pin (on a date, or anywhere) and drop, as the solver reads them. */
function userChoice(
  id: string,
  days: readonly number[],
  start: string,
  pins: ReadonlyMap<string, string | null>,
  dropped: ReadonlySet<string>,
): Pick<CStop, 'fixedDay' | 'mustInclude' | 'dropped'> {
  const pin = pins.get(id);
  const pinDay = pin ? dayDiff(start, pin) : -1;
  return {
    fixedDay: pin && days.includes(pinDay) ? pinDay : -1,
    mustInclude: pins.has(id),
    dropped: dropped.has(id),
  };
}

/**
 * The same compiled problem with other pins and drops: the planner re-evaluates each
 * pin or drop without recomputing distances, clauses and day lists.
 */
export function withUserChoices(cp: Compiled, problem: TourProblem): Compiled {
  const pins = new Map(problem.pinned.map((p) => [p.id, p.date]));
  const dropped = new Set(problem.dropped);
  const start = problem.window.start;
  const stops = cp.stops.map((s) =>
    s.fixed ? s : { ...s, ...userChoice(s.id, s.days, start, pins, dropped) },
  );
  return { ...cp, problem, stops };
}
