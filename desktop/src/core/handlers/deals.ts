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
  type DealHistoryEntry,
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
import { RpcError } from '../rpc/dispatch';
import type { DirectoryWorkspace } from './directory';

type DealMethods = 'deals.list' | 'deal.get' | 'deal.update';
type DealHandlers = Pick<RpcHandlers, DealMethods>;

export const HISTORY_MAP = 'dealHistory';
const MAX_HISTORY = 500;

/** Fields compared for the history (the record minus bookkeeping). */
const TRACKED = [
  'venueId',
  'contactId',
  'date',
  'stage',
  'holdLevel',
  'holdExpiresAt',
  'dealType',
  'guarantee',
  'percentageBps',
  'currency',
  'ticketPrice',
  'capacity',
  'agencyCommissionBps',
  'notes',
] as const;

export function diffDeal(before: DealRecord, after: DealRecord) {
  return TRACKED.filter((f) => before[f] !== after[f]).map((f) => ({
    field: f,
    from: before[f],
    to: after[f],
  }));
}

function historyOf(doc: Y.Doc, dealId: string): DealHistoryEntry[] {
  const list = doc.getMap(HISTORY_MAP).get(dealId);
  if (!(list instanceof Y.Array)) return [];
  return (list.toArray() as DealHistoryEntry[]).slice().reverse();
}

function appendHistory(doc: Y.Doc, dealId: string, entry: DealHistoryEntry): void {
  const map = doc.getMap(HISTORY_MAP);
  let list = map.get(dealId);
  if (!(list instanceof Y.Array)) {
    list = new Y.Array<DealHistoryEntry>();
    map.set(dealId, list);
  }
  const arr = list as Y.Array<DealHistoryEntry>;
  arr.push([entry]);
  if (arr.length > MAX_HISTORY) arr.delete(0, arr.length - MAX_HISTORY);
}

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

  function docDeals(doc: Y.Doc): DealRecord[] {
    const out: DealRecord[] = [];
    for (const [, ymap] of collectionMap(doc, 'deals')) {
      if (!(ymap instanceof Y.Map)) continue;
      const p = DealRecord.safeParse({ deletedAt: null, ...readFields(ymap) });
      if (p.success && !p.data.deletedAt) out.push(p.data);
    }
    return out;
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
      const written = Object.fromEntries(changes.map((c) => [c.field, c.to]));
      writeFields('deals', ymap, { ...written, updatedAt: at });
      appendHistory(d, id, { at, by, kind: 'edit', changes });
      for (const o of otherChanges) {
        const om = map.get(o.before.id) as Y.Map<unknown>;
        const fieldsOf = {
          stage: o.after.stage,
          holdLevel: o.after.holdLevel,
          holdExpiresAt: o.after.holdExpiresAt,
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
    return detail(id);
  }

  return {
    'deals.list': async (params) => listDeals(db(), params),
    'deal.get': async ({ id }) => detail(id),
    'deal.update': async ({ id, patch }) => update(id, patch),
  };
}
