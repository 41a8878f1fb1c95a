/**
 * Holds (pencils) for one artist and one date (DOMAIN.md, "Holds and the life of a date").
 *
 * Pure functions over the deals of ONE artist + date. Each returns the new deal list plus
 * the list of changes, so the core can write them and append them to the deal history.
 *
 * - Active holds are deals at stage `hold` with a `holdLevel`; their levels are kept
 *   contiguous 1..n, so there is exactly one 1st hold whenever there is any hold.
 * - Placing a hold takes the next level (n + 1); refused if the date is already taken by a
 *   firm deal (FIRM_STAGES) or all MAX_HOLD_LEVEL levels are used.
 * - Challenge: a lower hold arrives with a firm offer; the 1st must confirm or release
 *   before the deadline. Confirm → the 1st becomes `confirmed` and every other hold on the
 *   date is released (a confirmed date admits no hold). Release, or no answer by the
 *   deadline → the 1st is released and the lower holds auto-promote (2nd → 1st …).
 * - Expiry: a hold whose `holdExpiresAt` is at or before `now` is released, with promotion.
 */
import { z } from 'zod';
import { type DealStage, MAX_HOLD_LEVEL } from '../enums';
import type { DealRecord } from '../records';
import { FIRM_STAGES } from '../stages';

export type HoldDeal = Pick<
  DealRecord,
  'id' | 'artistId' | 'venueId' | 'date' | 'stage' | 'holdLevel' | 'holdExpiresAt'
>;

export type HoldChangeKind =
  | 'hold_placed'
  | 'hold_promoted'
  | 'hold_released'
  | 'hold_expired'
  | 'challenge_issued'
  | 'hold_confirmed'
  | 'released_by_confirmation';

export interface HoldChange {
  dealId: string;
  kind: HoldChangeKind;
  fromLevel: number | null;
  toLevel: number | null;
  fromStage: DealStage;
  toStage: DealStage;
  at: string;
}

export interface HoldResult {
  deals: HoldDeal[];
  changes: HoldChange[];
}

export interface Challenge {
  challengerId: string;
  challengedId: string;
  issuedAt: string;
  deadline: string;
}

export class HoldError extends Error {
  constructor(
    readonly code:
      | 'mixed_artist_or_date'
      | 'unknown_deal'
      | 'date_taken'
      | 'no_level_left'
      | 'not_a_hold'
      | 'already_held'
      | 'cannot_challenge'
      | 'stale_challenge'
      | 'bad_time',
    message: string,
  ) {
    super(message);
    this.name = 'HoldError';
  }
}

const Instant = z.iso.datetime({ offset: true });
/** Deadline in hours for a challenge (DOMAIN.md: commonly 24–48 h). */
export const DEFAULT_CHALLENGE_HOURS = 48;

function instant(at: string): number {
  if (!Instant.safeParse(at).success) throw new HoldError('bad_time', `not a timestamp: ${at}`);
  return Date.parse(at);
}

export function isActiveHold(d: HoldDeal): boolean {
  return d.stage === 'hold' && d.holdLevel !== null;
}

function checkGroup(deals: readonly HoldDeal[]): void {
  const first = deals[0];
  if (!first) return;
  if (deals.some((d) => d.artistId !== first.artistId || d.date !== first.date)) {
    throw new HoldError('mixed_artist_or_date', 'holds are computed per artist and date');
  }
}

function activeInOrder(deals: readonly HoldDeal[]): HoldDeal[] {
  return deals
    .filter(isActiveHold)
    .sort((a, b) => (a.holdLevel ?? 0) - (b.holdLevel ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Renumbers active holds 1..n in rank order (auto-promotion), recording promotions. */
function renumber(deals: HoldDeal[], at: string, changes: HoldChange[]): HoldDeal[] {
  const order = activeInOrder(deals);
  const level = new Map(order.map((d, i) => [d.id, i + 1]));
  return deals.map((d) => {
    const to = level.get(d.id);
    if (to === undefined || to === d.holdLevel) return d;
    changes.push({
      dealId: d.id,
      kind: 'hold_promoted',
      fromLevel: d.holdLevel,
      toLevel: to,
      fromStage: d.stage,
      toStage: d.stage,
      at,
    });
    return { ...d, holdLevel: to };
  });
}

function setStage(
  deals: HoldDeal[],
  id: string,
  stage: DealStage,
  kind: HoldChangeKind,
  at: string,
  changes: HoldChange[],
): HoldDeal[] {
  return deals.map((d) => {
    if (d.id !== id) return d;
    changes.push({
      dealId: d.id,
      kind,
      fromLevel: d.holdLevel,
      toLevel: null,
      fromStage: d.stage,
      toStage: stage,
      at,
    });
    return { ...d, stage, holdLevel: null, holdExpiresAt: null };
  });
}

/** Holds ranked 1..n (the current state, promotion applied). */
export function normalizeHolds(deals: readonly HoldDeal[], at: string): HoldResult {
  checkGroup(deals);
  instant(at);
  const changes: HoldChange[] = [];
  return { deals: renumber([...deals], at, changes), changes };
}

/**
 * Places a hold for `deal` (a new deal, or an existing one in the list that is not yet an
 * active hold). Returns the level it gets.
 */
export function placeHold(
  deals: readonly HoldDeal[],
  deal: HoldDeal,
  at: string,
  expiresAt: string | null = null,
): HoldResult & { level: number } {
  instant(at);
  if (expiresAt !== null) instant(expiresAt);
  const existing = deals.find((d) => d.id === deal.id);
  if (existing && isActiveHold(existing)) throw new HoldError('already_held', 'already a hold');
  const all = existing ? [...deals] : [...deals, deal];
  checkGroup(all);
  if (all.some((d) => d.id !== deal.id && FIRM_STAGES.has(d.stage))) {
    throw new HoldError('date_taken', 'a firm deal already takes this date');
  }
  const changes: HoldChange[] = [];
  const ranked = renumber(all, at, changes);
  const level = ranked.filter(isActiveHold).length + 1;
  if (level > MAX_HOLD_LEVEL) throw new HoldError('no_level_left', 'every hold level is taken');
  const from = existing ?? deal;
  changes.push({
    dealId: deal.id,
    kind: 'hold_placed',
    fromLevel: null,
    toLevel: level,
    fromStage: from.stage,
    toStage: 'hold',
    at,
  });
  return {
    level,
    changes,
    deals: ranked.map((d) =>
      d.id === deal.id ? { ...d, stage: 'hold', holdLevel: level, holdExpiresAt: expiresAt } : d,
    ),
  };
}

/** Releases a hold; the lower holds auto-promote. */
export function releaseHold(deals: readonly HoldDeal[], dealId: string, at: string): HoldResult {
  checkGroup(deals);
  instant(at);
  const d = deals.find((x) => x.id === dealId);
  if (!d) throw new HoldError('unknown_deal', `unknown deal ${dealId}`);
  if (!isActiveHold(d)) throw new HoldError('not_a_hold', `${dealId} is not an active hold`);
  const changes: HoldChange[] = [];
  const next = setStage([...deals], dealId, 'released', 'hold_released', at, changes);
  return { deals: renumber(next, at, changes), changes };
}

/** Releases every hold whose expiry is at or before `now`, then promotes. */
export function expireHolds(deals: readonly HoldDeal[], now: string): HoldResult {
  checkGroup(deals);
  const t = instant(now);
  const changes: HoldChange[] = [];
  let next = [...deals];
  for (const d of activeInOrder(deals)) {
    if (d.holdExpiresAt !== null && instant(d.holdExpiresAt) <= t) {
      next = setStage(next, d.id, 'released', 'hold_expired', now, changes);
    }
  }
  return { deals: renumber(next, now, changes), changes };
}

/** A lower hold with a firm offer challenges the 1st hold, which must answer by the deadline. */
export function challengeHold(
  deals: readonly HoldDeal[],
  challengerId: string,
  at: string,
  deadlineHours = DEFAULT_CHALLENGE_HOURS,
): HoldResult & { challenge: Challenge } {
  checkGroup(deals);
  const t = instant(at);
  if (!Number.isFinite(deadlineHours) || deadlineHours <= 0) {
    throw new HoldError('bad_time', 'deadline must be a positive number of hours');
  }
  const changes: HoldChange[] = [];
  const ranked = renumber([...deals], at, changes);
  const challenger = ranked.find((d) => d.id === challengerId);
  if (!challenger) throw new HoldError('unknown_deal', `unknown deal ${challengerId}`);
  const first = ranked.find((d) => isActiveHold(d) && d.holdLevel === 1);
  if (!isActiveHold(challenger) || !first || first.id === challengerId) {
    throw new HoldError('cannot_challenge', 'only a lower hold can challenge the 1st hold');
  }
  const challenge: Challenge = {
    challengerId,
    challengedId: first.id,
    issuedAt: at,
    deadline: new Date(t + deadlineHours * 3_600_000).toISOString(),
  };
  changes.push({
    dealId: first.id,
    kind: 'challenge_issued',
    fromLevel: 1,
    toLevel: 1,
    fromStage: first.stage,
    toStage: first.stage,
    at,
  });
  return { deals: ranked, changes, challenge };
}

export type ChallengeOutcome = 'confirmed' | 'released' | 'lapsed' | 'pending';

/**
 * Resolves a challenge. `answer` is the 1st hold's answer (null: none yet). An answer
 * given after the deadline does not count: the hold lapsed and is released.
 */
export function resolveChallenge(
  deals: readonly HoldDeal[],
  challenge: Challenge,
  answer: 'confirm' | 'release' | null,
  at: string,
): HoldResult & { outcome: ChallengeOutcome } {
  checkGroup(deals);
  const t = instant(at);
  const first = deals.find((d) => d.id === challenge.challengedId);
  if (!first || !isActiveHold(first) || first.holdLevel !== 1) {
    throw new HoldError('stale_challenge', 'the challenged deal is no longer the 1st hold');
  }
  const late = t > instant(challenge.deadline);
  const changes: HoldChange[] = [];
  if (answer === 'confirm' && !late) {
    let next = setStage([...deals], first.id, 'confirmed', 'hold_confirmed', at, changes);
    for (const d of activeInOrder(next)) {
      next = setStage(next, d.id, 'released', 'released_by_confirmation', at, changes);
    }
    return { deals: next, changes, outcome: 'confirmed' };
  }
  if (answer === 'release' || late) {
    const next = setStage([...deals], first.id, 'released', 'hold_released', at, changes);
    return {
      deals: renumber(next, at, changes),
      changes,
      outcome: answer === 'release' && !late ? 'released' : 'lapsed',
    };
  }
  return { deals: [...deals], changes, outcome: 'pending' };
}
