/**
 * The demo workspace as Yjs documents, laid out per sync/layout.ts: the root document
 * (meta + artists), one document per artist (its deals and events) and the directory
 * buckets (venues, contacts). Every document is written by a fixed client id in one
 * transaction, so the same data gives byte-identical updates on any machine: a device
 * and a server that both seed the demo merge without duplicating anything.
 */
import * as Y from 'yjs';
import type { Collection } from '../domain/records';
import { upsertRecord } from '../sync/codec';
import {
  artistDocId,
  docIdFor,
  LAYOUT_VERSION,
  META_MAP,
  ROOT_DOC,
  SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
} from '../sync/layout';
import type { DemoAgency } from './generate';

/** Yjs client id used for seeded documents unless told otherwise. */
export const DEMO_CLIENT_ID = 1;

export interface WorkspaceUpdateOptions {
  /** Fixed Yjs client id of the writer (default 1). */
  clientId?: number;
}

type Row = { id: string } & Record<string, unknown>;

function encodeDoc(clientId: number, write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.transact(() => {
    // Generated at the current document schema: no migration runs on first edit.
    doc.getMap(META_MAP).set(SCHEMA_VERSION_KEY, SCHEMA_VERSION);
    write(doc);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function groupBy(collection: Collection, rows: readonly Row[], groups: Map<string, Row[]>): void {
  for (const row of rows) {
    const docId = docIdFor(collection, row as { id: string; artistId?: string });
    let list = groups.get(docId);
    if (!list) {
      list = [];
      groups.set(docId, list);
    }
    list.push(row);
  }
}

/** One `Y.encodeStateAsUpdate` per document id: root, `artist.<id>`, `venues.<bb>`, `contacts.<bb>`. */
export function buildWorkspaceUpdates(
  data: DemoAgency,
  options: WorkspaceUpdateOptions = {},
): Map<string, Uint8Array> {
  const clientId = options.clientId ?? DEMO_CLIENT_ID;
  if (!Number.isInteger(clientId) || clientId < 0 || clientId > 0xffffffff) {
    throw new RangeError(`clientId must be an unsigned 32-bit integer, got ${clientId}`);
  }
  const updates = new Map<string, Uint8Array>();

  updates.set(
    ROOT_DOC,
    encodeDoc(clientId, (doc) => {
      const meta = doc.getMap(META_MAP);
      meta.set('layoutVersion', LAYOUT_VERSION);
      meta.set('name', data.workspaceName);
      for (const a of data.artists) upsertRecord(doc, 'artists', a.id, a);
    }),
  );

  // Every roster artist has its document, even before its first deal.
  const deals = new Map<string, Row[]>(data.artists.map((a) => [artistDocId(a.id), []]));
  const events = new Map<string, Row[]>();
  groupBy('deals', data.deals, deals);
  groupBy('events', data.events, events);
  for (const docId of events.keys()) if (!deals.has(docId)) deals.set(docId, []);
  for (const [docId, docDeals] of deals) {
    const docEvents = events.get(docId) ?? [];
    updates.set(
      docId,
      encodeDoc(clientId, (doc) => {
        for (const d of docDeals) upsertRecord(doc, 'deals', d.id, d);
        for (const e of docEvents) upsertRecord(doc, 'events', e.id, e);
      }),
    );
  }

  for (const collection of ['venues', 'contacts'] as const) {
    const buckets = new Map<string, Row[]>();
    groupBy(collection, data[collection], buckets);
    for (const docId of [...buckets.keys()].sort()) {
      const rows = buckets.get(docId) ?? [];
      updates.set(
        docId,
        encodeDoc(clientId, (doc) => {
          for (const r of rows) upsertRecord(doc, collection, r.id, r);
        }),
      );
    }
  }
  return updates;
}
