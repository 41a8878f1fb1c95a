/**
 * The hold sweep of an open workspace: when it opens, then every minute, the artist
 * documents with something due (a hold past its `holdExpiresAt`, a challenge past its
 * deadline, holds of one date left unranked by a merge) are swept (deal-holds.ts `planSweep`),
 * each as one document edit. The clock is injected (tests).
 */
import { artistDocId } from '@flowstage/shared';
import type * as Y from 'yjs';
import { applyWrites, docDeals, planSweep } from './deal-holds';
import type { DirectoryWorkspace } from './directory';

/** A workspace whose edits can be kept out of undo (a sweep is not the booker's edit). */
export interface SweptWorkspace extends DirectoryWorkspace {
  docs: DirectoryWorkspace['docs'] & {
    mutate(docId: string, edit: (doc: Y.Doc) => void, undoable?: boolean): void;
  };
}

export const SWEEP_EVERY_MS = 60_000;

/*
 * Holds with something due, from the projection: past their expiry, a challenge past its
 * deadline, or holds of one artist and date needing ranking again (needsRanking). Plain
 * SQL over the indexed stage column: the sweep runs every minute on agencies with
 * thousands of holds.
 */
const DUE_SQL = `
  SELECT DISTINCT artist_id AS artistId FROM deals
  WHERE deleted_at IS NULL AND stage = 'hold'
    AND (julianday(json_extract(data, '$.holdExpiresAt')) <= julianday(@now)
      OR julianday(json_extract(data, '$.challenge.deadline')) <= julianday(@now))
  UNION
  SELECT artist_id FROM deals
  WHERE deleted_at IS NULL AND stage = 'hold' AND hold_level IS NOT NULL
  GROUP BY artist_id, date
  HAVING sum(hold_level = 1) > 1
  ORDER BY 1`;

/** The artists whose documents have something due at `now`, from the projection. */
export function artistsDue(ws: DirectoryWorkspace, now: Date): string[] {
  const rows = ws.db.sqlite.prepare(DUE_SQL).all({ now: now.toISOString() }) as { artistId: string }[];
  return rows.map((r) => r.artistId).filter(Boolean);
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
