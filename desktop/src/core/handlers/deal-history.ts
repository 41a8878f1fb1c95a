/**
 * A deal's field-level history, kept in the artist document (`dealHistory` map, one
 * Y.Array per deal). Entries written by the hold sweep carry a deterministic time and no
 * author, so two devices sweeping the same document write identical entries, kept once.
 */
import type { DealHistoryEntry, DealRecord } from '@flowstage/shared';
import * as Y from 'yjs';

export const HISTORY_MAP = 'dealHistory';
const MAX_HISTORY = 500;

/** Fields compared for the history (the record minus bookkeeping and advancing). */
export const TRACKED = [
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
  'bonuses',
  'bonusMode',
  'promoterProfitBps',
  'coHeadlineSharesBps',
  'coHeadlineIndex',
  'vatBps',
  'vatReverseCharge',
  'withholdingBps',
  'depositPaid',
  'expenses',
  'challenge',
] as const satisfies readonly (keyof DealRecord)[];

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === undefined || a === null) && (b === undefined || b === null)) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffDeal(before: DealRecord, after: DealRecord) {
  return TRACKED.filter((f) => !sameValue(before[f], after[f])).map((f) => ({
    field: f,
    from: before[f] ?? null,
    to: after[f] ?? null,
  }));
}

/**
 * Entries written by the sweep (no author, a deterministic time): one top-level map keyed
 * by deal, time and kind, so two devices writing the same entry concurrently keep one and
 * lose none (a Y.Array created on two devices at once would keep only one of them).
 */
export const SWEEP_HISTORY_MAP = 'dealSweepHistory';

/** Newest first: the deal's edits and its sweep entries, by time. */
export function historyOf(doc: Y.Doc, dealId: string): DealHistoryEntry[] {
  const list = doc.getMap(HISTORY_MAP).get(dealId);
  const edits = list instanceof Y.Array ? (list.toArray() as DealHistoryEntry[]) : [];
  const sweeps: DealHistoryEntry[] = [];
  for (const [key, value] of doc.getMap<DealHistoryEntry>(SWEEP_HISTORY_MAP)) {
    if (key.startsWith(`${dealId}|`)) sweeps.push(value);
  }
  if (sweeps.length === 0) return edits.slice().reverse();
  const all = [...edits, ...sweeps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))];
  // Stable: edits keep their order; a sweep entry goes where its time puts it.
  return all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i))
    .map((x) => x.e)
    .reverse();
}

export function appendHistory(doc: Y.Doc, dealId: string, entry: DealHistoryEntry): void {
  if (entry.by === '') {
    doc.getMap(SWEEP_HISTORY_MAP).set(`${dealId}|${entry.at}|${entry.kind}`, entry);
    return;
  }
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
