/**
 * Undo of recent edits (the desktop core's edit history, desktop/src/core/docs/edit-history.ts):
 * this device's recent local edits across documents, most recent first; undo and redo.
 * Composed into `rpcContract` (contract.ts).
 */
import { z } from 'zod';

const none = z.object({}).strict();

export const EditCollection = z.enum(['artists', 'venues', 'contacts', 'deals', 'events']);
export type EditCollection = z.infer<typeof EditCollection>;

/** One recent local edit, described from the projection ("Deal Le Trianon, Paris — stage"). */
export const EditSummary = z.object({
  seq: z.number().int(),
  docId: z.string(),
  at: z.string(),
  /** The (first) record the edit changed, and how many it changed in all. */
  collection: EditCollection,
  recordId: z.string(),
  records: z.number().int(),
  /** Record name as shown in lists (artist or venue name, "Artist — Venue, City, date" for a deal). */
  title: z.string(),
  /** Fields written; empty when the record was created. */
  fields: z.array(z.string()),
  created: z.boolean(),
  /** Plain label: title, then the fields ("Venue X — city, capacity"). */
  label: z.string(),
});
export type EditSummary = z.infer<typeof EditSummary>;

export const RecentEdits = z.object({ undo: z.array(EditSummary), redo: z.array(EditSummary) });
export type RecentEdits = z.infer<typeof RecentEdits>;

/** What undo or redo did: the edit (null when nothing was left to do) and what remains. */
export const EditStepResult = z.object({
  done: EditSummary.nullable(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});
export type EditStepResult = z.infer<typeof EditStepResult>;

export const editsContract = {
  'edits.recent': { params: none, result: RecentEdits },
  'edits.undo': { params: none, result: EditStepResult },
  'edits.redo': { params: none, result: EditStepResult },
} as const;
