/**
 * Why each candidate left out of the final tour is out: the user dropped it; none of its
 * dates is in the window or off the no-go days; every date is blocked (by another stop,
 * a radius clause, the driving limits, a run of shows, the days off); or it fits but
 * costs more in travel than it brings; or it fits only in place of a stop worth more.
 */
import { addDays, type Exclusion } from './model';
import type { Block, PlanState } from './state';

const BLOCK_RANK: Record<Block['code'], number> = {
  date_taken: 0,
  radius: 1,
  too_far: 2,
  consecutive_shows: 3,
  days_off: 4,
};

export function explainExclusions(st: PlanState): Exclusion[] {
  const cp = st.cp;
  const out: Exclusion[] = [];
  const start = cp.problem.window.start;
  for (const s of cp.stops) {
    if (s.fixed || st.dayOf[s.index] !== -1) continue;
    const candidateId = s.id;
    if (s.dropped) {
      out.push({ candidateId, code: 'dropped' });
      continue;
    }
    const inWindow = s.rawDates.filter((d) => d >= start && d <= cp.problem.window.end);
    if (inWindow.length === 0) {
      out.push({ candidateId, code: 'no_date_in_window', date: s.rawDates[0] });
      continue;
    }
    if (s.days.length === 0) {
      out.push({ candidateId, code: 'no_go_date', date: inWindow[0] });
      continue;
    }
    let bestGain = Number.NEGATIVE_INFINITY;
    let bestGainDay = -1;
    let block: (Block & { day: number }) | null = null;
    for (const t of s.days) {
      const b = st.check(s.index, t);
      if (b === null) {
        const g = st.delta(s.index, t);
        if (g > bestGain) {
          bestGain = g;
          bestGainDay = t;
        }
      } else if (!block || BLOCK_RANK[b.code] < BLOCK_RANK[block.code]) block = { ...b, day: t };
    }
    if (bestGainDay >= 0) {
      out.push({
        candidateId,
        code: 'not_worth_it',
        value: Math.round(bestGain),
        date: addDays(start, bestGainDay),
      });
      continue;
    }
    if (!block) continue;
    const date = addDays(start, block.day);
    if (block.code === 'date_taken') {
      const other = cp.stops.find((x) => x.id === block.otherId);
      out.push({
        candidateId,
        code: other?.fixed ? 'date_taken' : 'displaced',
        otherId: block.otherId,
        date,
      });
    } else out.push({ candidateId, code: block.code, otherId: block.otherId, value: block.value, date });
  }
  return out;
}
