/**
 * Checks on Yjs updates received from the network, made before anything is stored.
 */
import * as Y from 'yjs';

export class InvalidUpdateError extends Error {
  override readonly name = 'InvalidUpdateError';
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type DeleteRange = { readonly clock: number; readonly len: number };

/**
 * Fully decodes a v1 update (every struct and the delete set): truncated or garbled bytes
 * throw here instead of being written to the log, where they would poison every later load.
 */
export function decodeValidUpdate(update: Uint8Array): DecodedUpdate {
  if (update.byteLength === 0) throw new InvalidUpdateError('empty update');
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw new InvalidUpdateError(`undecodable update: ${(error as Error).message}`);
  }
}

export function assertValidUpdate(update: Uint8Array): void {
  decodeValidUpdate(update);
}

/** True if the update holds a struct beyond `stateOf(client)`, the next clock known of each client. */
export function bringsNewStructs(decoded: DecodedUpdate, stateOf: (client: number) => number): boolean {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > stateOf(struct.id.client)) return true;
  }
  return false;
}

/** True if applying the update would change the document (new structs or new deletions). */
export function updateChangesDoc(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  if (bringsNewStructs(decoded, (client) => Y.getState(doc.store, client))) return true;
  if (decoded.ds.clients.size === 0) return false;
  const known = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of decoded.ds.clients) {
    const deleted = known.clients.get(client) ?? [];
    for (const range of ranges) {
      if (range.len > 0 && !rangeCovered(deleted, range.clock, range.len)) return true;
    }
  }
  return false;
}

/** Whether `[clock, clock + len)` lies inside one of the sorted, merged `ranges`. */
function rangeCovered(ranges: readonly DeleteRange[], clock: number, len: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = ranges[mid]!;
    if (clock < r.clock) hi = mid - 1;
    else if (clock >= r.clock + r.len) lo = mid + 1;
    else return clock + len <= r.clock + r.len;
  }
  return false;
}
