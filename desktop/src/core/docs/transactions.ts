/**
 * What a Yjs transaction changed, without asking Yjs to encode every transaction: a
 * document with an `update` listener has each transaction re-encoded by Yjs, which for a
 * first sync means encoding again the whole state just received. Listeners here use
 * `afterTransaction` instead, and the update's bytes are computed once, when needed, or
 * taken from what was received (see WorkspaceDocs.applyRemote).
 */
import * as Y from 'yjs';

/** Transaction origin of updates received through sync (WorkspaceDocs.applyRemote). */
export const REMOTE_ORIGIN = Symbol('flowstage-remote');

/** `Transaction.meta` key holding the transaction's update once known. */
const UPDATE_META = 'flowstage.update';

/** Whether the transaction changed the document (as Yjs decides whether to emit `update`). */
export function transactionChanged(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

/** Record the update a transaction applied, when it is known as received bytes. */
export function setTransactionUpdate(tr: Y.Transaction, update: Uint8Array): void {
  tr.meta.set(UPDATE_META, update);
}

/** The transaction's update: the bytes it applied, or encoded from what it added and deleted. */
export function transactionUpdate(doc: Y.Doc, tr: Y.Transaction): Uint8Array {
  const known = tr.meta.get(UPDATE_META);
  if (known instanceof Uint8Array) return known;
  const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(tr.beforeState));
  tr.meta.set(UPDATE_META, update);
  return update;
}

/** Whether the document holds no update waiting for missing dependencies. */
export function hasNoPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs === null && doc.store.pendingDs === null;
}
