import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { seedRoom } from './seed';
import { SqliteDocStore } from './sqlite';

const ROOM = 'ws-1/root';

/** Records every update a doc emits, as a client would send them. */
function recorder(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates };
}

function rebuild(stored: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of stored) Y.applyUpdate(doc, u);
  return doc;
}

describe('SqliteDocStore', () => {
  let dir: string;
  let path: string;
  let store: SqliteDocStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowstage-store-'));
    path = join(dir, 'nested', 'sync.db');
    store = new SqliteDocStore(path, { compactAfter: 1000 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads nothing for an unknown room, then every append in order', async () => {
    expect(await store.load(ROOM)).toEqual([]);
    const { doc, updates } = recorder();
    doc.getText('t').insert(0, 'ab');
    doc.getText('t').insert(2, 'cd');
    const seqs = await Promise.all(updates.map((u) => store.append(ROOM, u)));
    expect(seqs[1]).toBeGreaterThan(seqs[0]!);
    const loaded = await store.load(ROOM);
    expect(loaded.map((u) => Buffer.from(u).toString('hex'))).toEqual(
      updates.map((u) => Buffer.from(u).toString('hex')),
    );
  });

  it('is durable across reopening the file', async () => {
    const { doc, updates } = recorder();
    doc.getMap('m').set('k', 'v');
    await store.append(ROOM, updates[0]!);
    await store.close();
    store = new SqliteDocStore(path);
    expect(
      rebuild(await store.load(ROOM))
        .getMap('m')
        .get('k'),
    ).toBe('v');
  });

  it('a load sees appends that were still pending', async () => {
    const { doc, updates } = recorder();
    doc.getText('t').insert(0, 'x');
    const appended = store.append(ROOM, updates[0]!);
    expect(await store.load(ROOM)).toHaveLength(1);
    await appended;
  });

  it('compaction keeps content identical (random edits, deletions, maps, several rounds)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('ins' as const), pos: fc.nat(), s: fc.string({ maxLength: 5 }) }),
            fc.record({
              op: fc.constant('del' as const),
              pos: fc.nat(),
              len: fc.integer({ min: 1, max: 4 }),
            }),
            fc.record({
              op: fc.constant('set' as const),
              key: fc.constantFrom('a', 'b', 'c'),
              v: fc.integer(),
            }),
            fc.record({ op: fc.constant('compact' as const) }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        async (ops) => {
          const room = `ws-1/artist.p${Math.random().toString(36).slice(2, 10)}`;
          const { doc, updates } = recorder();
          for (const op of ops) {
            const t = doc.getText('t');
            if (op.op === 'ins') t.insert(op.pos % (t.length + 1), op.s);
            else if (op.op === 'del' && t.length > 0)
              t.delete(op.pos % t.length, Math.min(op.len, t.length - (op.pos % t.length)));
            else if (op.op === 'set') doc.getMap('m').set(op.key, op.v);
            else if (op.op === 'compact') await store.compact(room);
            for (const u of updates.splice(0)) await store.append(room, u);
          }
          await store.compact(room);
          const loaded = await store.load(room);
          expect(loaded.length).toBeLessThanOrEqual(1);
          const copy = rebuild(loaded);
          expect(copy.getText('t').toString()).toBe(doc.getText('t').toString());
          expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
          expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('compacts on its own once a room log reaches compactAfter, off the append path', async () => {
    await store.close();
    store = new SqliteDocStore(path, { compactAfter: 5 });
    const { doc, updates } = recorder();
    for (let i = 0; i < 7; i++) doc.getText('t').insert(0, String(i));
    const appended = updates.map((u) => store.append(ROOM, u));
    await Promise.all(appended);
    await vi.waitFor(async () => expect(await store.load(ROOM)).toHaveLength(1), { interval: 5 });
    expect(
      rebuild(await store.load(ROOM))
        .getText('t')
        .toString(),
    ).toBe('6543210');
    const more = recorder();
    Y.applyUpdate(more.doc, Y.encodeStateAsUpdate(doc));
    more.doc.getText('t').insert(0, '!');
    await store.append(ROOM, more.updates.at(-1)!);
    expect(
      rebuild(await store.load(ROOM))
        .getText('t')
        .toString(),
    ).toBe('!6543210');
  });

  it('compact reports whether there was anything to merge', async () => {
    expect(await store.compact(ROOM)).toBe(false);
    const { doc, updates } = recorder();
    doc.getText('t').insert(0, 'x');
    await store.append(ROOM, updates[0]!);
    expect(await store.compact(ROOM)).toBe(true);
    expect(await store.compact(ROOM)).toBe(false);
  });

  it('lists the rooms of one workspace with monotonic sequence numbers', async () => {
    const { doc, updates } = recorder();
    doc.getText('t').insert(0, 'x');
    const u = updates[0]!;
    await store.append('ws-1/root', u);
    const s2 = await store.append('ws-1/artist.nina', u);
    await store.append('ws-10/root', u);
    await store.append('ws-1/venues.0a', u);
    await store.compact('ws-1/venues.0a');
    const s5 = await store.append('ws-1/root', u);
    expect(await store.listRooms('ws-1')).toEqual([
      { room: 'ws-1/artist.nina', docId: 'artist.nina', seq: s2 },
      { room: 'ws-1/root', docId: 'root', seq: s5 },
      { room: 'ws-1/venues.0a', docId: 'venues.0a', seq: expect.any(Number) },
    ]);
    expect(await store.listRooms('ws-2')).toEqual([]);
  });

  it('never reuses a sequence number after compaction deleted the log', async () => {
    const { doc, updates } = recorder();
    doc.getText('t').insert(0, 'x');
    const first = await store.append(ROOM, updates[0]!);
    await store.compact(ROOM);
    await store.close();
    store = new SqliteDocStore(path);
    expect(await store.append(ROOM, updates[0]!)).toBeGreaterThan(first);
  });

  it('rejects bad input and use after close', async () => {
    await expect(store.append('not a room', new Uint8Array([0, 0]))).rejects.toThrow(/invalid room/);
    await expect(store.append(ROOM, new Uint8Array())).rejects.toThrow(/non-empty/);
    await expect(store.load('ws-1/../etc')).rejects.toThrow(/invalid room/);
    await expect(store.listRooms('WS!')).rejects.toThrow(/workspace/);
    await store.close();
    await expect(store.append(ROOM, new Uint8Array([0, 0]))).rejects.toThrow(/closed/);
  });

  it('seedRoom writes a generated update and refuses garbage', async () => {
    const seed = new Y.Doc();
    seed.getMap('meta').set('name', 'Demo agency');
    await seedRoom(store, ROOM, Y.encodeStateAsUpdate(seed));
    expect(
      rebuild(await store.load(ROOM))
        .getMap('meta')
        .get('name'),
    ).toBe('Demo agency');
    await expect(seedRoom(store, ROOM, new Uint8Array([1, 1, 200, 1, 0, 77]))).rejects.toThrow(/undecodable/);
    await expect(seedRoom(store, 'nope', Y.encodeStateAsUpdate(seed))).rejects.toThrow(/invalid room/);
  });
});
