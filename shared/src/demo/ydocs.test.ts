import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Collection } from '../domain/records';
import { collectionMap, readFields } from '../sync/codec';
import {
  artistDocId,
  DOC_COLLECTIONS,
  docKind,
  isDocId,
  LAYOUT_VERSION,
  META_MAP,
  ROOT_DOC,
  SCHEMA_VERSION,
} from '../sync/layout';
import citiesJson from '../../../resources/demo/cities.json';
import namesJson from '../../../resources/demo/names.json';
import { generateDemoAgency } from './generate';
import { parseDemoInputs } from './inputs';
import { buildWorkspaceUpdates, DEMO_CLIENT_ID } from './ydocs';

const inputs = parseDemoInputs(citiesJson, namesJson);
const data = generateDemoAgency(inputs, { artists: 12, venues: 120, contacts: 180, deals: 400, events: 800 });
const updates = buildWorkspaceUpdates(data);

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}

function load(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

describe('buildWorkspaceUpdates', () => {
  it('is byte-identical from run to run, and from a regenerated agency', () => {
    const again = buildWorkspaceUpdates(
      generateDemoAgency(inputs, { artists: 12, venues: 120, contacts: 180, deals: 400, events: 800 }),
    );
    expect([...again.keys()]).toEqual([...updates.keys()]);
    for (const [docId, update] of updates) expect(sameBytes(again.get(docId), update), docId).toBe(true);
  });

  it('matches the pinned digest, so every machine seeds the same bytes', () => {
    // Changing generator code or inputs changes this on purpose: devices and servers
    // seeded by different versions would no longer merge idempotently.
    let h = 0x811c9dc5;
    let size = 0;
    const mix = (x: number) => {
      h ^= x;
      h = Math.imul(h, 0x01000193) >>> 0;
    };
    for (const [docId, update] of updates) {
      for (let i = 0; i < docId.length; i++) mix(docId.charCodeAt(i));
      for (const x of update) mix(x);
      size += update.length;
    }
    expect({ digest: h.toString(16), size, docs: updates.size }).toEqual({
      digest: 'c193b175',
      size: 833284,
      docs: 45,
    });
  });

  it('writes every document with the fixed client id', () => {
    expect(DEMO_CLIENT_ID).toBe(1);
    for (const update of updates.values()) {
      const clients = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys()];
      expect(clients.every((c) => c === 1)).toBe(true);
    }
    const other = buildWorkspaceUpdates(data, { clientId: 77 });
    const root = other.get(ROOT_DOC) ?? new Uint8Array();
    expect([...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(root)).keys()]).toEqual([77]);
    expect(() => buildWorkspaceUpdates(data, { clientId: -1 })).toThrow(RangeError);
  });

  it('follows the layout: root, one document per artist, directory buckets', () => {
    const ids = [...updates.keys()];
    expect(ids[0]).toBe(ROOT_DOC);
    for (const id of ids) expect(isDocId(id), id).toBe(true);
    for (const a of data.artists) expect(updates.has(artistDocId(a.id))).toBe(true);
    expect(ids.filter((id) => docKind(id) === 'artist')).toHaveLength(data.artists.length);
    expect(ids.some((id) => id.startsWith('venues.')) && ids.some((id) => id.startsWith('contacts.'))).toBe(
      true,
    );
    const root = load(updates.get(ROOT_DOC) ?? new Uint8Array());
    expect(root.getMap(META_MAP).toJSON()).toEqual({
      layoutVersion: LAYOUT_VERSION,
      name: data.workspaceName,
      schemaVersion: SCHEMA_VERSION,
    });
    for (const update of updates.values()) {
      expect(load(update).getMap(META_MAP).get('schemaVersion')).toBe(SCHEMA_VERSION);
    }
  });

  it('reads back every record, field for field', () => {
    const found: Record<Collection, Map<string, Record<string, unknown>>> = {
      artists: new Map(),
      venues: new Map(),
      contacts: new Map(),
      deals: new Map(),
      events: new Map(),
    };
    for (const [docId, update] of updates) {
      const doc = load(update);
      for (const collection of DOC_COLLECTIONS[docKind(docId)]) {
        for (const [id, ymap] of collectionMap(doc, collection).entries())
          found[collection].set(id, readFields(ymap));
      }
    }
    for (const collection of ['artists', 'venues', 'contacts', 'deals', 'events'] as const) {
      const records = data[collection];
      expect(found[collection].size, collection).toBe(records.length);
      for (const r of records) expect(found[collection].get(r.id), `${collection} ${r.id}`).toEqual(r);
    }
  });

  it('merges idempotently: a device and a server that both seed converge without duplicates', () => {
    for (const [docId, update] of updates) {
      const device = load(update);
      const server = load(update);
      Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
      Y.applyUpdate(device, update);
      expect(sameBytes(Y.encodeStateAsUpdate(device), update), docId).toBe(true);
      expect(sameBytes(Y.mergeUpdates([update, update]), update), docId).toBe(true);
    }
  });
});
