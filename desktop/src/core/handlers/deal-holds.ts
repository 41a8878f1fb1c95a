/**
 * Challenges and expiry of holds, on one artist document (the shared holds functions do
 * the ranking; this module turns their results into document writes and history).
 *
 * - `planChallenge` / `planAnswer`: a lower hold challenges the 1st hold of its date
 *   (`challenge` written on the 1st hold); the 1st answers confirm or release.
 * - `planSweep`: what is due at `now` — holds whose `holdExpiresAt` passed (released,
 *   lower holds promoted) and challenges whose deadline passed (like a release). Events
 *   are applied in time order, each at its own time, with no author: two devices sweeping
 *   the same document write the same values and the same history entries (shown once).
 *   It also repairs what a merge of two sweeps can leave (a hold level on a deal that is no
 *   longer a hold, levels not 1..n, a challenge on a deal that is not the 1st hold), so
 *   sweeping again converges and a second sweep writes nothing.
 */
import {
  collectionMap,
  type DealChallenge,
  type DealHistoryEntry,
  DealRecord,
  expireHolds,
  type HoldChange,
  type HoldDeal,
  HoldError,
  isActiveHold,
  normalizeHolds,
  readFields,
  resolveChallenge,
  challengeHold,
  writeFields,
} from '@flowstage/shared';
import * as Y from 'yjs';
import { RpcError } from '../rpc/dispatch';
import { appendHistory } from './deal-history';

type State = HoldDeal & { challenge: DealChallenge | null };
const HOLD_FIELDS = ['stage', 'holdLevel', 'holdExpiresAt', 'challenge'] as const;

export interface DealWrite {
  id: string;
  fields: Partial<Pick<DealRecord, (typeof HOLD_FIELDS)[number] | 'updatedAt'>>;
  history: DealHistoryEntry[];
}

/** The live deals of a document. */
export function docDeals(doc: Y.Doc): DealRecord[] {
  const out: DealRecord[] = [];
  for (const [, ymap] of collectionMap(doc, 'deals')) {
    if (!(ymap instanceof Y.Map)) continue;
    const p = DealRecord.safeParse({ deletedAt: null, ...readFields(ymap) });
    if (p.success && !p.data.deletedAt) out.push(p.data);
  }
  return out;
}

const stateOf = (d: DealRecord): State => ({
  id: d.id,
  artistId: d.artistId,
  venueId: d.venueId,
  date: d.date,
  stage: d.stage,
  holdLevel: d.holdLevel,
  holdExpiresAt: d.holdExpiresAt,
  challenge: d.challenge ?? null,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Collects per-deal writes: the fields that differ and one history entry per step. */
class Writes {
  private readonly out = new Map<string, DealWrite>();
  constructor(private readonly before: ReadonlyMap<string, State>) {}

  step(
    prev: Map<string, State>,
    next: Map<string, State>,
    changes: readonly HoldChange[],
    at: string,
    by: string,
    kinds: ReadonlyMap<string, string> = new Map(),
    touch = true,
  ): void {
    for (const [id, after] of next) {
      const was = prev.get(id);
      if (!was) continue;
      const diff = HOLD_FIELDS.filter((f) => !same(was[f], after[f]));
      if (diff.length === 0) continue;
      const w = this.out.get(id) ?? { id, fields: {}, history: [] };
      for (const f of diff) Object.assign(w.fields, { [f]: after[f] });
      if (touch) w.fields.updatedAt = at;
      const kind = kinds.get(id) ?? changes.filter((c) => c.dealId === id).at(-1)?.kind;
      if (kind) {
        w.history.push({
          at,
          by,
          kind,
          changes: diff.map((f) => ({ field: f, from: was[f] ?? null, to: after[f] ?? null })),
        });
      }
      this.out.set(id, w);
    }
  }

  list(): DealWrite[] {
    // Drop fields that came back to where they were.
    return [...this.out.values()].flatMap((w) => {
      const b = this.before.get(w.id);
      const fields = Object.fromEntries(
        Object.entries(w.fields).filter(([k, v]) => k === 'updatedAt' || !b || !same(b[k as keyof State], v)),
      );
      return Object.keys(fields).length > (fields.updatedAt ? 1 : 0) || w.history.length > 0
        ? [{ ...w, fields }]
        : [];
    });
  }
}

function groupOf(state: Map<string, State>, of: State): State[] {
  return [...state.values()].filter((d) => d.artistId === of.artistId && d.date === of.date);
}

function apply(state: Map<string, State>, deals: readonly HoldDeal[], patch: Partial<State> = {}) {
  for (const d of deals) {
    const prev = state.get(d.id);
    if (prev) state.set(d.id, { ...prev, ...d, ...patch, challenge: prev.challenge });
  }
}

function refused(err: unknown): never {
  if (err instanceof HoldError) throw new RpcError(`hold_${err.code}`, err.message);
  throw err;
}

/** The writes that make deal `challengerId` challenge the 1st hold of its date. */
export function planChallenge(
  deals: readonly DealRecord[],
  challengerId: string,
  at: string,
  by: string,
  hours?: number,
): DealWrite[] {
  const state = new Map(deals.map((d) => [d.id, stateOf(d)]));
  const me = state.get(challengerId);
  if (!me) throw new RpcError('not_found', `no deal ${challengerId}`);
  const group = groupOf(state, me);
  const first = group.find((d) => isActiveHold(d) && d.holdLevel === 1);
  if (first?.challenge) refused(new HoldError('cannot_challenge', 'a challenge is already pending'));
  const writes = new Writes(new Map(state));
  try {
    const prev = new Map(state);
    const r = challengeHold(group, challengerId, at, hours);
    apply(state, r.deals);
    const challenged = state.get(r.challenge.challengedId) as State;
    const { issuedAt, deadline } = r.challenge;
    const challenge = { challengerId: r.challenge.challengerId, issuedAt, deadline };
    state.set(challenged.id, { ...challenged, challenge });
    writes.step(prev, state, r.changes, at, by);
    const list = writes.list();
    list.push({
      id: challengerId,
      fields: {},
      history: [
        { at, by, kind: 'challenge_sent', changes: [{ field: 'challenge', from: null, to: challenge }] },
      ],
    });
    return list;
  } catch (err) {
    refused(err);
  }
}

/** The writes of the challenged 1st hold's answer (an answer after the deadline lapses). */
export function planAnswer(
  deals: readonly DealRecord[],
  id: string,
  answer: 'confirm' | 'release',
  at: string,
  by: string,
): DealWrite[] {
  const state = new Map(deals.map((d) => [d.id, stateOf(d)]));
  const me = state.get(id);
  if (!me) throw new RpcError('not_found', `no deal ${id}`);
  if (!me.challenge) refused(new HoldError('stale_challenge', 'no challenge is pending on this deal'));
  const writes = new Writes(new Map(state));
  try {
    const prev = new Map(state);
    const r = resolveChallenge(groupOf(state, me), { ...me.challenge, challengedId: id }, answer, at);
    apply(state, r.deals);
    state.set(id, { ...(state.get(id) as State), challenge: null });
    const kinds = new Map(r.outcome === 'lapsed' ? [[id, 'challenge_lapsed']] : []);
    writes.step(prev, state, r.changes, at, by, kinds);
    return writes.list();
  } catch (err) {
    refused(err);
  }
}

/** What is due at `now` in these deals (one artist document): expiries, lapsed challenges, repairs. */
export function planSweep(deals: readonly DealRecord[], now: string): DealWrite[] {
  const t = Date.parse(now);
  const edited = new Map(deals.map((d) => [d.id, d.updatedAt]));
  const state = new Map(deals.map((d) => [d.id, stateOf(d)]));
  const writes = new Writes(new Map(state));
  const events: { at: string; id: string; kind: 'expiry' | 'lapse' }[] = [];
  for (const d of state.values()) {
    if (isActiveHold(d) && d.holdExpiresAt && Date.parse(d.holdExpiresAt) <= t) {
      // An expiry set in the past takes effect when it was set (never before the last edit).
      events.push({ at: latest(d.holdExpiresAt, edited.get(d.id)), id: d.id, kind: 'expiry' });
    }
    if (d.challenge && Date.parse(d.challenge.deadline) <= t) {
      events.push({ at: d.challenge.deadline, id: d.id, kind: 'lapse' });
    }
  }
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  repair(state, writes);
  for (const e of events) {
    const me = state.get(e.id) as State;
    const prev = new Map(state);
    if (e.kind === 'expiry') {
      if (!isActiveHold(me) || !me.holdExpiresAt) continue;
      const r = expireHolds(groupOf(state, me), e.at);
      apply(state, r.deals);
      writes.step(prev, state, r.changes, e.at, '');
    } else if (me.challenge) {
      if (isActiveHold(me) && me.holdLevel === 1) {
        const ch = { ...me.challenge, challengedId: me.id };
        const r = resolveChallenge(groupOf(state, me), ch, 'release', e.at);
        apply(state, r.deals);
        state.set(me.id, { ...(state.get(me.id) as State), challenge: null });
        writes.step(prev, state, r.changes, e.at, '', new Map([[me.id, 'challenge_lapsed']]));
      } else {
        state.set(me.id, { ...me, challenge: null });
        writes.step(prev, state, [], e.at, '', new Map(), false);
      }
    }
    repair(state, writes);
  }
  // Never move `updatedAt` back in time (an event older than the last edit).
  return writes.list().map((w) => {
    const was = edited.get(w.id) ?? '';
    return w.fields.updatedAt && w.fields.updatedAt < was
      ? { ...w, fields: { ...w.fields, updatedAt: was } }
      : w;
  });
}

const latest = (a: string, b: string | undefined) => (b && Date.parse(b) > Date.parse(a) ? b : a);

/**
 * Whether the hold levels of one artist and date need ranking again: two 1st holds, which
 * two devices' concurrent placements or promotions can merge into. Other shapes are left
 * as they are (a lone 4th hold, two 2nd holds, 2nd and 3rd with no 1st: the demo, like
 * agencies importing their books, ranks holds at the venue); the next hold edit of that
 * date renumbers them. Re-ranking those too would rewrite whole imported calendars on the
 * first sweep of every device.
 */
export function needsRanking(levels: readonly number[]): boolean {
  return levels.filter((l) => l === 1).length > 1;
}

/**
 * Undo what concurrent edits can leave behind (a level on a deal that is no longer a
 * hold, holds of one date not ranked 1..n, a challenge left on a deal that is not the 1st
 * hold); no history (nothing happened to the date).
 */
function repair(state: Map<string, State>, writes: Writes): void {
  const prev = new Map(state);
  for (const d of state.values()) {
    if (d.stage !== 'hold' && d.holdLevel !== null) state.set(d.id, { ...d, holdLevel: null });
  }
  const dates = new Map<string, State[]>();
  for (const d of state.values()) {
    const key = `${d.artistId}|${d.date}`;
    dates.set(key, [...(dates.get(key) ?? []), d]);
  }
  for (const group of dates.values()) {
    const levels = group.filter(isActiveHold).map((d) => d.holdLevel ?? 0);
    if (!needsRanking(levels)) continue;
    apply(state, normalizeHolds(group, new Date(0).toISOString()).deals);
  }
  for (const d of state.values()) {
    if (d.challenge && !(isActiveHold(d) && d.holdLevel === 1)) state.set(d.id, { ...d, challenge: null });
  }
  writes.step(prev, state, [], '', '', new Map(), false);
}

/** Writes the plan into the document (the caller wraps it in one edit). */
export function applyWrites(doc: Y.Doc, writes: readonly DealWrite[]): void {
  const map = collectionMap(doc, 'deals');
  for (const w of writes) {
    const ymap = map.get(w.id);
    if (!(ymap instanceof Y.Map)) continue;
    writeFields('deals', ymap, w.fields);
    for (const h of w.history) appendHistory(doc, w.id, h);
  }
}

/** Sweeps one document in place (tests and the workspace sweeper); returns the deals written. */
export function sweepDoc(doc: Y.Doc, now: string): number {
  const writes = planSweep(docDeals(doc), now);
  if (writes.length > 0) doc.transact(() => applyWrites(doc, writes));
  return writes.length;
}
