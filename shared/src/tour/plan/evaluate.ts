/**
 * The whole-itinerary evaluation: legs, kilometres, nights, money and every broken rule,
 * for any list of (stop, day) — the solver's answer, or an order the user arranged by
 * hand (the planner re-evaluates each pin, drop or move with this).
 */
import { addDays } from './model';
import type { Itinerary, ItineraryStop, Leg, Violation } from './model';
import { type Compiled, crowKm, daysNeeded, radiusConflict } from './compile';
import { isHomeBreak, linkFits, linkKm, linkNights } from './links';

export interface Visit {
  stop: number;
  day: number;
}

/** Nights away: the sum of the links' nights (home breaks excluded). */
export function nightsAway(cp: Compiled, visits: readonly Visit[]): number {
  let nights = 0;
  let prevNode = 0;
  let prevDay = -1;
  for (const v of visits) {
    const node = cp.stops[v.stop]?.node ?? 0;
    nights += linkNights(cp, prevNode, prevDay, node, v.day);
    prevNode = node;
    prevDay = v.day;
  }
  return nights + linkNights(cp, prevNode, prevDay, 1, cp.W);
}

/**
 * Legs home → visits → end; `days` is the driving days the calendar leaves for each. A
 * home break between two shows is two legs (to home and back), each needing its own days.
 */
export function legsOf(cp: Compiled, visits: readonly Visit[]): Leg[] {
  const n = cp.nodes.length;
  const legs: Leg[] = [];
  let prevNode = 0;
  let prevDay = -1;
  let prevId = 'home';
  const leg = (
    from: number,
    to: number,
    fromId: string,
    toId: string,
    days: number,
    homeBreak: boolean,
  ): Leg => ({
    fromId,
    toId,
    km: cp.km[from * n + to] as number,
    hours: cp.hours[from * n + to] as number,
    days,
    daysNeeded: daysNeeded(cp, from, to),
    ...(homeBreak ? { homeBreak } : {}),
  });
  const push = (node: number, day: number, id: string) => {
    if (isHomeBreak(cp, prevNode, prevDay, node, day)) {
      const out = daysNeeded(cp, prevNode, 0);
      legs.push(leg(prevNode, 0, prevId, 'home', out, true));
      legs.push(leg(0, node, 'home', id, day - prevDay - out, true));
    } else legs.push(leg(prevNode, node, prevId, id, day - prevDay, false));
    prevNode = node;
    prevDay = day;
    prevId = id;
  };
  for (const v of visits) {
    const s = cp.stops[v.stop];
    if (s) push(s.node, v.day, s.id);
  }
  push(1, cp.W, 'end');
  return legs;
}

/** Every rule the visits break (they are sorted by day first). */
export function violationsOf(cp: Compiled, input: readonly Visit[]): Violation[] {
  const visits = [...input].sort((a, b) => a.day - b.day);
  const c = cp.problem.constraints;
  const date = (t: number) => addDays(cp.problem.window.start, t);
  const id = (v: Visit) => cp.stops[v.stop]?.id ?? '?';
  const out: Violation[] = [];
  const shows = new Uint8Array(cp.W);
  for (const [i, v] of visits.entries()) {
    const s = cp.stops[v.stop];
    if (!s) continue;
    if (v.day < 0 || v.day >= cp.W) {
      out.push({ code: 'outside_window', stopIds: [s.id], date: date(v.day) });
      continue;
    }
    if (s.blockedDays.has(v.day)) out.push({ code: 'no_go_date', stopIds: [s.id], date: date(v.day) });
    else if (!s.rawDates.includes(date(v.day)))
      out.push({ code: 'date_not_allowed', stopIds: [s.id], date: date(v.day) });
    const next = visits[i + 1];
    if (next && next.day === v.day)
      out.push({ code: 'same_day', stopIds: [s.id, id(next)], date: date(v.day) });
    shows[v.day] = 1;
  }
  let prevNode = 0;
  let prevDay = -1;
  let prevId = '';
  for (const v of [...visits, { stop: -1, day: cp.W }]) {
    const s = cp.stops[v.stop];
    const node = s?.node ?? 1;
    if (!linkFits(cp, prevNode, prevDay, node, v.day))
      out.push({
        code: 'too_far',
        stopIds: [prevId, s?.id ?? ''].filter((x) => x !== ''),
        value: Math.round(linkKm(cp, prevNode, prevDay, node, v.day)),
        date: addDays(cp.problem.window.start, Math.min(v.day, cp.W - 1)),
      });
    prevNode = node;
    prevDay = v.day;
    prevId = s?.id ?? '';
  }
  for (let i = 0; i < visits.length; i++)
    for (let j = i + 1; j < visits.length; j++) {
      const a = visits[i] as Visit;
      const b = visits[j] as Visit;
      const sa = cp.stops[a.stop];
      const sb = cp.stops[b.stop];
      if (sa && sb && radiusConflict(sa, a.day, sb, b.day, crowKm(cp, sa, sb)))
        out.push({ code: 'radius', stopIds: [sa.id, sb.id], date: date(b.day) });
    }
  for (const v of visits) {
    const s = cp.stops[v.stop];
    if (!s) continue;
    for (const e of cp.external)
      if (radiusConflict(s, v.day, e, e.day, crowKm(cp, s, e)))
        out.push({ code: 'radius', stopIds: [s.id, e.id], date: date(v.day) });
  }
  let run = 0;
  for (let t = 0; t < cp.W; t++) {
    run = shows[t] ? run + 1 : 0;
    if (run === c.maxConsecutiveShows + 1)
      out.push({ code: 'consecutive_shows', stopIds: [], date: date(t), value: c.maxConsecutiveShows });
  }
  out.push(...daysOffViolations(cp, shows));
  return out;
}

/** Windows of 7 days between the first and last show with fewer days off than required. */
export function daysOffViolations(cp: Compiled, shows: Uint8Array): Violation[] {
  const k = cp.problem.constraints.minDaysOffPer7Days;
  const first = shows.indexOf(1);
  const last = shows.lastIndexOf(1);
  if (k === 0 || first < 0) return [];
  const out: Violation[] = [];
  let count = 0;
  for (let t = first; t <= last; t++) {
    count += shows[t] ?? 0;
    if (t - 7 >= first) count -= shows[t - 7] ?? 0;
    if (t - first >= 6 && count > 7 - k) {
      out.push({ code: 'days_off', stopIds: [], date: addDays(cp.problem.window.start, t - 6), value: k });
      // One report per stretch: skip the overlapping windows of the same stretch.
      while (t + 1 <= last && count > 7 - k) {
        t++;
        count += (shows[t] ?? 0) - (shows[t - 7] ?? 0);
      }
    }
  }
  return out;
}

/** The itinerary of a set of visits: stops, legs, totals, objective and violations. */
export function buildItinerary(
  cp: Compiled,
  input: readonly Visit[],
  pinned: ReadonlySet<string>,
): Itinerary {
  const visits = [...input].sort((a, b) => a.day - b.day);
  const { objective: o } = cp.problem;
  const stops: ItineraryStop[] = visits.flatMap((v) => {
    const s = cp.stops[v.stop];
    return s
      ? [
          {
            id: s.id,
            kind: s.fixed ? ('fixed' as const) : ('candidate' as const),
            place: s.place,
            date: addDays(cp.problem.window.start, v.day),
            fee: s.fee,
            value: Math.round(s.value),
            pinned: pinned.has(s.id),
          },
        ]
      : [];
  });
  const legs = legsOf(cp, visits);
  const totalKm = legs.reduce((a, l) => a + l.km, 0);
  const nights = nightsAway(cp, visits);
  const fees = stops.reduce((a, s) => a + s.fee, 0);
  const value = stops.reduce((a, s) => a + s.value, 0);
  const travelCost = Math.round(totalKm * o.costPerKm) + nights * o.costPerNight;
  return {
    stops,
    legs,
    totalKm,
    nights,
    fees,
    travelCost,
    objective: value - travelCost,
    violations: violationsOf(cp, visits),
  };
}
