/**
 * The solver's working itinerary: which stop plays which day, with incremental checks of
 * one insertion (is the day free, are both legs drivable, does it break a radius clause,
 * a run of shows or the days off) and its change of objective. The itinerary is the
 * visits in date order, so a tour is fully described by its day assignment.
 */
import { type Compiled, crowKm, radiusConflict } from './compile';
import type { Visit } from './evaluate';
import { linkFits, linkKm, linkNights } from './links';
import type { ExclusionCode } from './model';

export interface Block {
  code: Exclude<ExclusionCode, 'dropped' | 'no_date_in_window' | 'no_go_date' | 'not_worth_it' | 'displaced'>;
  otherId?: string;
  value?: number;
}

export class PlanState {
  readonly dayOf: Int32Array;
  readonly onDay: Int32Array;
  /** Nearest occupied day before / after each day (-1 / W when none), rebuilt lazily. */
  private readonly before: Int32Array;
  private readonly after: Int32Array;
  private first = -1;
  private last = -1;
  private currentNights = 0;
  private dirty = true;

  constructor(readonly cp: Compiled) {
    this.dayOf = new Int32Array(cp.stops.length).fill(-1);
    this.onDay = new Int32Array(cp.W).fill(-1);
    this.before = new Int32Array(cp.W);
    this.after = new Int32Array(cp.W);
  }

  private refresh(): void {
    if (!this.dirty) return;
    const W = this.cp.W;
    let p = -1;
    for (let t = 0; t < W; t++) {
      this.before[t] = p;
      if ((this.onDay[t] as number) >= 0) p = t;
    }
    this.last = p;
    let nx = W;
    for (let t = W - 1; t >= 0; t--) {
      this.after[t] = nx;
      if ((this.onDay[t] as number) >= 0) nx = t;
    }
    this.first = nx === W ? -1 : nx;
    this.currentNights = this.nightsTotal();
    this.dirty = false;
  }

  /** Nights away of the whole tour: the sum of its links' nights. */
  private nightsTotal(): number {
    let nights = 0;
    let prevNode = 0;
    let prevDay = -1;
    for (let t = 0; t < this.cp.W; t++) {
      const u = this.onDay[t] as number;
      const s = u >= 0 ? this.cp.stops[u] : undefined;
      if (!s) continue;
      nights += linkNights(this.cp, prevNode, prevDay, s.node, t);
      prevNode = s.node;
      prevDay = t;
    }
    return nights + linkNights(this.cp, prevNode, prevDay, 1, this.cp.W);
  }

  clone(): PlanState {
    const s = new PlanState(this.cp);
    s.dayOf.set(this.dayOf);
    s.onDay.set(this.onDay);
    return s;
  }

  copyFrom(other: PlanState): void {
    this.dayOf.set(other.dayOf);
    this.onDay.set(other.onDay);
    this.dirty = true;
  }

  visits(): Visit[] {
    const out: Visit[] = [];
    for (let t = 0; t < this.cp.W; t++) {
      const s = this.onDay[t] as number;
      if (s >= 0) out.push({ stop: s, day: t });
    }
    return out;
  }

  chosen(): number[] {
    return this.visits().map((v) => v.stop);
  }

  place(stop: number, day: number): void {
    this.dayOf[stop] = day;
    this.onDay[day] = stop;
    this.dirty = true;
  }

  remove(stop: number): void {
    const t = this.dayOf[stop] as number;
    if (t >= 0 && this.onDay[t] === stop) this.onDay[t] = -1;
    this.dayOf[stop] = -1;
    this.dirty = true;
  }

  prevDay(t: number): number {
    this.refresh();
    return this.before[t] as number;
  }

  nextDay(t: number): number {
    this.refresh();
    return this.after[t] as number;
  }

  private nodeAt(t: number): number {
    if (t < 0) return 0;
    if (t >= this.cp.W) return 1;
    return this.cp.stops[this.onDay[t] as number]?.node ?? 0;
  }

  private idAt(t: number): string {
    if (t < 0) return 'home';
    if (t >= this.cp.W) return 'end';
    return this.cp.stops[this.onDay[t] as number]?.id ?? '?';
  }

  /** Why `stop` cannot play on `day` given the others, or null when it can. */
  check(stop: number, day: number): Block | null {
    const cp = this.cp;
    const s = cp.stops[stop];
    if (!s) return { code: 'date_taken' };
    const other = this.onDay[day] as number;
    if (other >= 0 && other !== stop) return { code: 'date_taken', otherId: cp.stops[other]?.id };
    const p = this.prevDay(day);
    const nx = this.nextDay(day);
    if (!linkFits(cp, this.nodeAt(p), p, s.node, day))
      return {
        code: 'too_far',
        otherId: this.idAt(p),
        value: Math.round(linkKm(cp, this.nodeAt(p), p, s.node, day)),
      };
    if (!linkFits(cp, s.node, day, this.nodeAt(nx), nx))
      return {
        code: 'too_far',
        otherId: this.idAt(nx),
        value: Math.round(linkKm(cp, s.node, day, this.nodeAt(nx), nx)),
      };
    const c = cp.problem.constraints;
    let run = 1;
    for (let t = day - 1; t >= 0 && (this.onDay[t] as number) >= 0; t--) run++;
    for (let t = day + 1; t < cp.W && (this.onDay[t] as number) >= 0; t++) run++;
    if (run > c.maxConsecutiveShows) return { code: 'consecutive_shows', value: c.maxConsecutiveShows };
    if (c.minDaysOffPer7Days > 0 && !this.daysOffHold(day, c.minDaysOffPer7Days))
      return { code: 'days_off', value: c.minDaysOffPer7Days };
    // Radius clauses last: the widest scan. `near` rules out far pairs without maths.
    const S = cp.stops.length;
    for (let t = 0; t < cp.W; t++) {
      const u = this.onDay[t] as number;
      if (u < 0 || u === stop || !cp.near[stop * S + u]) continue;
      const su = cp.stops[u];
      if (su && radiusConflict(s, day, su, t, crowKm(cp, s, su))) return { code: 'radius', otherId: su.id };
    }
    for (const e of cp.external)
      if (radiusConflict(s, day, e, e.day, crowKm(cp, s, e))) return { code: 'radius', otherId: e.id };
    return null;
  }

  /** Every 7-day window between the first and last show keeps k days off once `day` is added. */
  private daysOffHold(day: number, k: number): boolean {
    this.refresh();
    const on = this.onDay;
    const first = this.first < 0 ? day : Math.min(this.first, day);
    const last = Math.max(this.last, day);
    const extends_ = day === first || day === last;
    const lo = extends_ ? first : Math.max(first, day - 6);
    const hi = extends_ ? last - 6 : Math.min(day, last - 6);
    if (hi < lo) return true;
    let count = 0;
    for (let t = lo; t < lo + 7; t++) count += t === day || (on[t] as number) >= 0 ? 1 : 0;
    if (count > 7 - k) return false;
    for (let a = lo + 1; a <= hi; a++) {
      const t = a + 6;
      const u = a - 1;
      count += (t === day || (on[t] as number) >= 0 ? 1 : 0) - (u === day || (on[u] as number) >= 0 ? 1 : 0);
      if (count > 7 - k) return false;
    }
    return true;
  }

  private nights(): number {
    this.refresh();
    return this.currentNights;
  }

  /** Change of objective if `stop` (not placed) plays on `day` (assumed allowed). */
  delta(stop: number, day: number): number {
    const cp = this.cp;
    const s = cp.stops[stop];
    if (!s) return Number.NEGATIVE_INFINITY;
    const o = cp.problem.objective;
    const p = this.prevDay(day);
    const nx = this.nextDay(day);
    const a = this.nodeAt(p);
    const b = this.nodeAt(nx);
    const added = linkKm(cp, a, p, s.node, day) + linkKm(cp, s.node, day, b, nx) - linkKm(cp, a, p, b, nx);
    const dNights =
      o.costPerNight > 0
        ? linkNights(cp, a, p, s.node, day) + linkNights(cp, s.node, day, b, nx) - linkNights(cp, a, p, b, nx)
        : 0;
    return s.value - added * o.costPerKm - dNights * o.costPerNight;
  }

  /** Objective of the current assignment (floating point; the itinerary rounds money). */
  objective(): number {
    const cp = this.cp;
    const o = cp.problem.objective;
    let value = 0;
    let km = 0;
    let prevNode = 0;
    let prevDay = -1;
    for (let t = 0; t < cp.W; t++) {
      const u = this.onDay[t] as number;
      const s = u >= 0 ? cp.stops[u] : undefined;
      if (!s) continue;
      value += s.value;
      km += linkKm(cp, prevNode, prevDay, s.node, t);
      prevNode = s.node;
      prevDay = t;
    }
    km += linkKm(cp, prevNode, prevDay, 1, cp.W);
    return value - km * o.costPerKm - this.nights() * o.costPerNight;
  }
}
