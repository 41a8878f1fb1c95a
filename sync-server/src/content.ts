/**
 * A document's stored content kept as bytes, and what can be answered from them without
 * building a `Y.Doc` (src/room.ts keeps a room in this form until it needs a document).
 *
 * Applying a large document's updates to a `Y.Doc` is the bulk of what serving it costs:
 * decoding every struct, integrating it, then walking the document for its digest and
 * encoding it again for the client. A client catching up only needs the stored bytes:
 *  - the server's sync step 1 is the state vector recorded with the room's digest
 *    (src/store/digest.ts), or read from the bytes for a record written without one;
 *  - the answer to a client's sync step 1 is the stored update itself when the client holds
 *    none of its content (a fresh device), else `Y.diffUpdate`.
 * Both may send a client more than it lacks (never less): Yjs ignores what it already has.
 */
import * as Y from 'yjs';
import { bringsNewStructs, type DecodedUpdate } from './updates';

/** How applying stored updates went, for the log. */
export interface AppliedStored {
  /** Why the merged apply failed (the updates were then applied one by one), or null. */
  mergeError: string | null;
  /** Updates that failed to apply one by one (skipped). */
  failed: number;
}

/**
 * Applies stored updates to `doc`: merged in one go (`merged`, computed when not given),
 * else one by one, skipping those that fail.
 */
export function applyStored(
  doc: Y.Doc,
  updates: Uint8Array[],
  origin: unknown,
  merged?: Uint8Array,
): AppliedStored {
  if (updates.length === 0) return { mergeError: null, failed: 0 };
  try {
    Y.applyUpdate(doc, merged ?? mergeStored(updates), origin);
    return { mergeError: null, failed: 0 };
  } catch (error) {
    let failed = 0;
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update, origin);
      } catch {
        failed++;
      }
    }
    return { mergeError: (error as Error).message, failed };
  }
}

/** The stored updates as one update (the only one as is). */
function mergeStored(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

export class StoredContent {
  private known: Map<number, number> | null = null;

  private constructor(
    /** The stored updates, as loaded (kept to replay them one by one if the merge fails to apply). */
    readonly updates: Uint8Array[],
    /** The stored updates merged into one. */
    readonly update: Uint8Array,
    /** Its encoded state vector. */
    readonly stateVector: Uint8Array,
  ) {}

  /**
   * The content of the stored updates, with the state vector recorded for them (read
   * from the bytes when none was); null if they do not merge (a document must sort them out).
   */
  static of(updates: Uint8Array[], recordedStateVector: Uint8Array | null | undefined): StoredContent | null {
    if (updates.length === 0) return new StoredContent([], EMPTY_UPDATE, Y.encodeStateVector(new Map()));
    let update: Uint8Array;
    try {
      update = mergeStored(updates);
    } catch {
      return null;
    }
    return new StoredContent(updates, update, recordedStateVector ?? Y.encodeStateVectorFromUpdate(update));
  }

  /** What a client whose state vector is `theirs` lacks (possibly more). */
  diff(theirs: Uint8Array): Uint8Array {
    const ours = this.state();
    for (const [client, clock] of Y.decodeStateVector(theirs)) {
      if (clock > 0 && ours.has(client)) return Y.diffUpdate(this.update, theirs);
    }
    return this.update; // they hold none of it
  }

  /**
   * True if applying `decoded` provably changes nothing: no struct beyond the state vector,
   * no deletion (deletions are not checked against bytes). False means "maybe".
   */
  unchangedBy(decoded: DecodedUpdate): boolean {
    const state = this.state();
    return decoded.ds.clients.size === 0 && !bringsNewStructs(decoded, (client) => state.get(client) ?? 0);
  }

  private state(): Map<number, number> {
    this.known ??= Y.decodeStateVector(this.stateVector);
    return this.known;
  }
}
