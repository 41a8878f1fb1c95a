/**
 * The hold sweep of an open workspace: when it opens, then every minute, the artist
 * documents with something due (a hold past its `holdExpiresAt`, a challenge past its
 * deadline, two holds of one date not ranked 1..n after a merge) are swept (deal-holds.ts `planSweep`),
 * each as one document edit. The clock is injected (tests).
 */
import { artistDocId, DealRecord } from '@flowstage/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type * as Y from 'yjs';
import { deals } from '../db/schema';
import { applyWrites, docDeals, needsRanking, planSweep } from './deal-holds';
import type { DirectoryWorkspace } from './directory';

/** A workspace whose edits can be kept out of undo (a sweep is not the booker's edit). */
export interface SweptWorkspace extends DirectoryWorkspace {
  docs: DirectoryWorkspace['docs'] & {
    mutate(docId: string, edit: (doc: Y.Doc) => void, undoable?: boolean): void;
  };
}

export const SWEEP_EVERY_MS = 60_000;

/** The artists whose documents have something due at `now`, from the projection. */
export function artistsDue(ws: DirectoryWorkspace, now: Date): string[] {
  const t = now.getTime();
  const rows = ws.db.db
    .select({ data: deals.data })
    .from(deals)
    .where(and(isNull(deals.deletedAt), eq(deals.stage, 'hold')))
    .all();
  const due = new Set<string>();
  const levels = new Map<string, number[]>();
  for (const r of rows) {
    const p = DealRecord.safeParse(r.data);
    if (!p.success) continue;
    const d = p.data;
    if (d.holdExpiresAt && Date.parse(d.holdExpiresAt) <= t) due.add(d.artistId);
    if (d.challenge && Date.parse(d.challenge.deadline) <= t) due.add(d.artistId);
    if (d.holdLevel !== null) {
      const key = `${d.artistId}|${d.date}`;
      levels.set(key, [...(levels.get(key) ?? []), d.holdLevel]);
    }
  }
  for (const [key, ls] of levels) if (needsRanking(ls)) due.add(key.split('|')[0] ?? '');
  return [...due].filter(Boolean).sort();
}

/** Sweeps every artist document with something due; returns the number of deals written. */
export function sweepWorkspace(ws: SweptWorkspace, now: Date): number {
  const at = now.toISOString();
  let written = 0;
  for (const artistId of artistsDue(ws, now)) {
    const docId = artistDocId(artistId);
    const writes = planSweep(docDeals(ws.docs.get(docId)), at);
    if (writes.length === 0) continue;
    // Not undoable: Ctrl-Z must not bring an expired hold back.
    ws.docs.mutate(docId, (doc) => applyWrites(doc, writes), false);
    written += writes.length;
  }
  return written;
}

/** Sweeps now, then every `everyMs`; returns the stop function. */
export function startHoldSweeper(
  workspace: () => SweptWorkspace | null,
  now: () => Date = () => new Date(),
  everyMs = SWEEP_EVERY_MS,
): () => void {
  const run = () => {
    const ws = workspace();
    if (!ws) return;
    try {
      sweepWorkspace(ws, now());
    } catch (err) {
      console.error('flowstage core: hold sweep failed:', err);
    }
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
