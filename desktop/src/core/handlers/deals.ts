/**
 * Deal handlers (the pipeline): read from the projection, written as one edit of the
 * artist's document. Stage moves and hold levels go through the shared holds functions
 * (placeHold / releaseHold / normalizeHolds), so an artist has one 1st hold per date; the
 * other deals of that artist and date are rewritten in the same document edit. Every
 * update appends field-level changes to the deal's history (`dealHistory` map of the
 * artist document, one Y.Array per deal).
 */
import {
  artistDocId,
  collectionMap,
  type DealConflict,
  type DealDetail,
  type DealPatch,
  DealRecord,
  FIRM_STAGES,
  type HoldChange,
  type HoldDeal,
  HoldError,
  isActiveHold,
  normalizeHolds,
  placeHold,
  type RpcHandlers,
  radiusConflicts,
  readFields,
  releaseHold,
  writeFields,
} from '@flowstage/shared';
import * as Y from 'yjs';
import { z } from 'zod';
import { dealsOfArtist, getArtist, getDeal, listDeals, namesOf } from '../queries/deals';
import { appendHistory, diffDeal, historyOf } from './deal-history';
import { applyWrites, type DealWrite, docDeals, planAnswer, planChallenge, planSweep } from './deal-holds';
import { RpcError } from '../rpc/dispatch';
import type { DirectoryWorkspace } from './directory';

type DealMethods = 'deals.list' | 'deal.get' | 'deal.update' | 'deal.challenge' | 'deal.answerChallenge';
type DealHandlers = Pick<RpcHandlers, DealMethods>;

export { HISTORY_MAP } from './deal-history';

function holdRefused(err: unknown): never {
  if (err instanceof HoldError) throw new RpcError(`hold_${err.code}`, err.message);
  throw err;
}

/**
 * The new hold state of every deal of the artist after `target` becomes `next`
 * (stage, date, hold level). Pure: returns the updated hold fields and the changes.
 */
export function planHolds(
  all: readonly HoldDeal[],
  current: HoldDeal,
  next: HoldDeal,
  wantedLevel: number | undefined,
  at: string,
): { deals: Map<string, HoldDeal>; changes: HoldChange[] } {
  const state = new Map(all.map((d) => [d.id, { ...d }]));
  state.set(current.id, { ...current });
  const changes: HoldChange[] = [];
  const group = (date: string) => [...state.values()].filter((d) => d.date === date);
  const apply = (deals: HoldDeal[], ch: HoldChange[]) => {
    for (const d of deals) state.set(d.id, d);
    changes.push(...ch);
  };
  const wasHold = isActiveHold(current);
  const isHold = next.stage === 'hold';
  const moved = next.date !== current.date;
  if (wantedLevel !== undefined && !isHold) {
    throw new RpcError('invalid_record', 'a hold level needs the hold stage');
  }
  try {
    if (wasHold && (!isHold || moved)) {
      const r = releaseHold(group(current.date), current.id, at);
      apply(r.deals, r.changes);
    }
    const self = state.get(current.id) as HoldDeal;
    state.set(current.id, {
      ...self,
      date: next.date,
      venueId: next.venueId,
      stage: isHold && !(wasHold && !moved) ? self.stage : next.stage,
      holdLevel: isHold && wasHold && !moved ? self.holdLevel : null,
      holdExpiresAt: isHold ? next.holdExpiresAt : null,
    });
    if (isHold && (!wasHold || moved)) {
      const mine = state.get(current.id) as HoldDeal;
      const r = placeHold(group(next.date), mine, at, next.holdExpiresAt);
      apply(r.deals, r.changes);
    }
    if (isHold && wantedLevel !== undefined) {
      const mine = state.get(current.id) as HoldDeal;
      if (mine.holdLevel !== wantedLevel) {
        // Rank the deal just above the hold now at `wantedLevel`, then renumber 1..n.
        const reordered = group(next.date).map((d) =>
          d.id === mine.id ? { ...d, holdLevel: wantedLevel - 0.5 } : d,
        );
        const r = normalizeHolds(reordered, at);
        apply(r.deals, r.changes);
      }
    }
    if (FIRM_STAGES.has(next.stage) && (moved || next.stage !== current.stage)) {
      const other = group(next.date).find((d) => d.id !== current.id && FIRM_STAGES.has(d.stage));
      if (other) throw new HoldError('date_taken', 'a firm deal already takes this date');
      // A firm date admits no hold: release the others (no promotion left to do).
      for (const d of group(next.date)) {
        if (d.id !== current.id && isActiveHold(d)) {
          const r = releaseHold(group(next.date), d.id, at);
          apply(r.deals, r.changes);
        }
      }
    }
  } catch (err) {
    holdRefused(err);
  }
  return { deals: state, changes };
}

export function dealHandlers(
  workspace: () => DirectoryWorkspace,
  now: () => Date = () => new Date(),
  actor: () => string = () => '',
): DealHandlers {
  const db = () => workspace().db.db;

  function liveDeal(id: string) {
    const projected = getDeal(db(), id);
    if (!projected || projected.deletedAt) throw new RpcError('not_found', `no deal ${id}`);
    const ws = workspace();
    const docId = artistDocId(projected.artistId);
    const doc = ws.docs.get(docId);
    const ymap = collectionMap(doc, 'deals').get(id);
    if (!(ymap instanceof Y.Map)) throw new RpcError('not_found', `no deal ${id}`);
    const parsed = DealRecord.safeParse({ deletedAt: null, ...readFields(ymap) });
    if (!parsed.success) throw new RpcError('invalid_record', z.prettifyError(parsed.error));
    return { ws, docId, doc, current: parsed.data };
  }

  function detail(id: string): DealDetail {
    const { doc, current } = liveDeal(id);
    const artist = getArtist(db(), current.artistId);
    const mine = dealsOfArtist(db(), current.artistId);
    const names = namesOf(
      db(),
      [current.artistId],
      [...new Set([current.venueId, ...mine.map((d) => d.venueId)])],
    );
    let conflicts: DealConflict[] = [];
    if (artist) {
      const located = mine.flatMap((d) => {
        const v = names.venue.get(d.venueId);
        return v ? [{ id: d.id, date: d.date, stage: d.stage, lat: v.lat, lon: v.lon }] : [];
      });
      conflicts = radiusConflicts(artist, located)
        .filter((c) => c.anchorId === id || c.otherId === id)
        .map((c) => {
          const otherId = c.anchorId === id ? c.otherId : c.anchorId;
          const other = mine.find((d) => d.id === otherId);
          return {
            anchorId: c.anchorId,
            otherId,
            otherDate: other?.date ?? '',
            otherVenueName: names.venue.get(other?.venueId ?? '')?.name ?? '',
            distanceKm: Math.round(c.distanceKm),
            daysApart: c.daysApart,
          };
        });
    }
    const v = names.venue.get(current.venueId);
    return {
      deal: current,
      artistName: names.artist.get(current.artistId) ?? artist?.name ?? '',
      venueName: v?.name ?? '',
      venueCity: v?.city ?? '',
      ...(v?.country ? { venueCountry: v.country } : {}),
      ...(artist ? { artistCountry: artist.homeCountry } : {}),
      history: historyOf(doc, id),
      conflicts,
    };
  }

  function update(id: string, patch: DealPatch): DealDetail {
    const { ws, docId, doc, current } = liveDeal(id);
    const at = now().toISOString();
    const by = actor();
    const { holdLevel: wantedLevel, ...fields } = patch;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (patch.venueId && patch.venueId !== current.venueId) {
      if (namesOf(db(), [], [patch.venueId]).venue.size === 0) {
        throw new RpcError('invalid_record', `no venue ${patch.venueId}`);
      }
    }
    const merged = DealRecord.safeParse({ ...current, ...defined, updatedAt: at });
    if (!merged.success) throw new RpcError('invalid_record', z.prettifyError(merged.error));
    const next = merged.data;
    const others = docDeals(doc).filter((d) => d.id !== id);
    const plan = planHolds(others, current, next, wantedLevel, at);
    const mine = plan.deals.get(id) as HoldDeal;
    const final = DealRecord.parse({
      ...next,
      stage: mine.stage,
      holdLevel: mine.holdLevel,
      holdExpiresAt: mine.holdExpiresAt,
      // A challenge waits on the 1st hold only: any other state drops it.
      ...(current.challenge && !(mine.stage === 'hold' && mine.holdLevel === 1) ? { challenge: null } : {}),
    });
    const changes = diffDeal(current, final);
    const otherChanges = others.flatMap((d) => {
      const after = plan.deals.get(d.id);
      if (!after || (after.stage === d.stage && after.holdLevel === d.holdLevel)) return [];
      const kind = plan.changes.filter((c) => c.dealId === d.id).at(-1)?.kind ?? 'hold_promoted';
      return [{ before: d, after, kind }];
    });
    if (changes.length === 0) return detail(id);
    ws.docs.mutate(docId, (d) => {
      const map = collectionMap(d, 'deals');
      const ymap = map.get(id) as Y.Map<unknown>;
      const written = Object.fromEntries(changes.map((c) => [c.field, final[c.field]]));
      writeFields('deals', ymap, { ...written, updatedAt: at });
      appendHistory(d, id, { at, by, kind: 'edit', changes });
      for (const o of otherChanges) {
        const om = map.get(o.before.id) as Y.Map<unknown>;
        const fieldsOf = {
          stage: o.after.stage,
          holdLevel: o.after.holdLevel,
          holdExpiresAt: o.after.holdExpiresAt,
          ...(o.before.challenge && o.after.holdLevel !== 1 ? { challenge: null } : {}),
        };
        writeFields('deals', om, { ...fieldsOf, updatedAt: at });
        appendHistory(d, o.before.id, {
          at,
          by,
          kind: o.kind,
          changes: (['stage', 'holdLevel', 'holdExpiresAt'] as const)
            .filter((f) => o.before[f] !== o.after[f])
            .map((f) => ({ field: f, from: o.before[f], to: o.after[f] })),
        });
      }
    });
    // An expiry set in the past applies at once (else the next sweep would).
    if (final.holdExpiresAt && Date.parse(final.holdExpiresAt) <= Date.parse(at)) {
      const due = planSweep(docDeals(doc), at);
      if (due.length > 0) ws.docs.mutate(docId, (d) => applyWrites(d, due));
    }
    return detail(id);
  }

  /** A challenge or an answer: planned on the artist document, written as one edit. */
  function holdAction(id: string, plan: (deals: DealRecord[], at: string, by: string) => DealWrite[]) {
    const { ws, docId, doc } = liveDeal(id);
    const writes = plan(docDeals(doc), now().toISOString(), actor());
    if (writes.length > 0) ws.docs.mutate(docId, (d) => applyWrites(d, writes));
    return detail(id);
  }

  return {
    'deals.list': async (params) => listDeals(db(), params),
    'deal.get': async ({ id }) => detail(id),
    'deal.update': async ({ id, patch }) => update(id, patch),
    'deal.challenge': async ({ id, hours }) =>
      holdAction(id, (deals, at, by) => planChallenge(deals, id, at, by, hours)),
    'deal.answerChallenge': async ({ id, answer }) =>
      holdAction(id, (deals, at, by) => planAnswer(deals, id, answer, at, by)),
  };
}
