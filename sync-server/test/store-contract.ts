/**
 * The `DocStore` contract (src/store/types.ts), one suite run against every store:
 * src/store/sqlite.test.ts and src/store/postgres.test.ts.
 */
import { docDigest, EMPTY_DIGEST } from '@flowstage/shared';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { measure, measureStored } from '../src/store/digest';
import { seedRoom } from '../src/store/seed';
import type { DocStore } from '../src/store/types';

export interface StoreFixture {
  /** A store on this test's storage: empty at first, the same storage on every later call. */
  open(options?: { compactAfter?: number; digestDelayMs?: number }): Promise<DocStore>;
  /** Releases this test's storage (every store opened on it is closed by then). */
  dispose(): Promise<void>;
}

const ROOM = 'ws-1/root';

/** Records every update a doc emits, as a client would send them. */
export function recorder(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates };
}

export function rebuild(stored: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of stored) Y.applyUpdate(doc, u);
  return doc;
}

export function docStoreContract(name: string, fixture: () => Promise<StoreFixture>): void {
  describe(`DocStore contract: ${name}`, () => {
    let f: StoreFixture;
    let store: DocStore;
    const extra: DocStore[] = [];
    beforeEach(async () => {
      f = await fixture();
      store = await f.open({ compactAfter: 1000 });
    });
    afterEach(async () => {
      for (const s of [store, ...extra.splice(0)]) await s.close();
      await f.dispose();
    });

    async function reopen(options?: { compactAfter?: number; digestDelayMs?: number }): Promise<void> {
      await store.close();
      store = await f.open(options);
    }

    it('loads nothing for an unknown room, then every append in order', async () => {
      expect(await store.load(ROOM)).toEqual([]);
      expect(await store.loadRoom(ROOM)).toEqual({ updates: [], seq: 0, digest: null, recorded: null });
      const { doc, updates } = recorder();
      doc.getText('t').insert(0, 'ab');
      doc.getText('t').insert(2, 'cd');
      const seqs = await Promise.all(updates.map((u) => store.append(ROOM, u)));
      expect(seqs[1]).toBeGreaterThan(seqs[0]!);
      const loaded = await store.load(ROOM);
      expect(loaded.map((u) => Buffer.from(u).toString('hex'))).toEqual(
        updates.map((u) => Buffer.from(u).toString('hex')),
      );
      expect(await store.loadRoom(ROOM)).toMatchObject({ seq: seqs[1], digest: null });
    });

    it('is durable across reopening the storage', async () => {
      const { doc, updates } = recorder();
      doc.getMap('m').set('k', 'v');
      await store.append(ROOM, updates[0]!);
      await reopen();
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
            { minLength: 1, maxLength: 30 },
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
        { numRuns: 25 },
      );
    });

    it('compacts on its own once a room log reaches compactAfter, off the append path', async () => {
      await reopen({ compactAfter: 5 });
      const { doc, updates } = recorder();
      for (let i = 0; i < 7; i++) doc.getText('t').insert(0, String(i));
      await Promise.all(updates.map((u) => store.append(ROOM, u)));
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

    it('lists the rooms of one workspace with monotonic sequence numbers and content digests', async () => {
      const { doc, updates } = recorder();
      doc.getText('t').insert(0, 'x');
      const u = updates[0]!;
      const digest = docDigest(doc);
      await store.append('ws-1/root', u);
      const s2 = await store.append('ws-1/artist.nina', u);
      await store.append('ws-10/root', u);
      await store.append('ws-1/venues.0a', u);
      await store.compact('ws-1/venues.0a');
      const s5 = await store.append('ws-1/root', u);
      expect(await store.listRooms('ws-1')).toEqual([
        { room: 'ws-1/artist.nina', docId: 'artist.nina', seq: s2, digest },
        { room: 'ws-1/root', docId: 'root', seq: s5, digest },
        { room: 'ws-1/venues.0a', docId: 'venues.0a', seq: expect.any(Number), digest },
      ]);
      expect(await store.listRooms('ws-2')).toEqual([]);
    });

    it('keeps the digest recorded for the head; a newer append makes it stale until recomputed', async () => {
      const { doc, updates } = recorder();
      doc.getText('t').insert(0, 'one');
      const s1 = await store.append(ROOM, updates[0]!);
      const d1 = measure(doc);
      await store.setDigest(ROOM, { seq: s1, ...d1 });
      expect(await store.loadRoom(ROOM)).toMatchObject({ seq: s1, digest: d1.digest });

      doc.getText('t').insert(3, ' two');
      const s2 = await store.append(ROOM, updates[1]!);
      expect(await store.loadRoom(ROOM)).toMatchObject({ seq: s2, digest: null });
      // listRooms recomputes the stale digest and records it.
      expect((await store.listRooms('ws-1'))[0]).toEqual({
        room: ROOM,
        docId: 'root',
        seq: s2,
        digest: docDigest(doc),
      });
      await reopen();
      expect((await store.loadRoom(ROOM)).digest).toBe(docDigest(doc));
    });

    it('keeps the state vector with its digest record, and replaces them together', async () => {
      const a = recorder();
      const b = recorder();
      a.doc.getText('t').insert(0, 'a');
      b.doc.getMap('m').set('k', 'b');
      const s1 = await store.append(ROOM, a.updates[0]!);
      const s2 = await store.append(ROOM, b.updates[0]!);
      const partial = measure(b.doc);
      await store.setDigest(ROOM, { seq: s2, ...partial });
      expect((await store.loadRoom(ROOM)).recorded).toEqual({ seq: s2, ...partial });
      const full = measureStored([a.updates[0]!, b.updates[0]!]);
      await store.setDigest(ROOM, { seq: s2, ...full });
      await reopen();
      const { recorded } = await store.loadRoom(ROOM);
      expect(recorded).toEqual({ seq: s2, ...full });
      expect(Y.decodeStateVector(recorded!.stateVector!)).toEqual(
        new Map([...Y.decodeStateVector(partial.stateVector), [a.doc.clientID, 1]]),
      );
      // A record written without one (an older server) comes back without one.
      a.doc.getText('t').insert(1, 'a');
      const s3 = await store.append(ROOM, a.updates[1]!);
      await store.setDigest(ROOM, { seq: s3, digest: full.digest, weight: full.weight + 1 });
      expect((await store.loadRoom(ROOM)).recorded).toEqual({
        seq: s3,
        digest: full.digest,
        weight: full.weight + 1,
      });
      expect(s1).toBeLessThan(s2);
      await expect(
        store.setDigest(ROOM, {
          seq: s3,
          ...full,
          weight: full.weight + 2,
          stateVector: new Uint8Array([5]),
        }),
      ).rejects.toThrow(/state vector/);
    });

    it('keeps the heaviest digest, whatever order concurrent instances record in', async () => {
      // Two instances accepted one update each, at once: each may record the digest of a
      // document still lacking the other's update, before or after the complete one.
      const a = recorder();
      const b = recorder();
      a.doc.getText('t').insert(0, 'a');
      b.doc.getMap('m').set('k', 'b');
      const s1 = await store.append(ROOM, a.updates[0]!);
      const s2 = await store.append(ROOM, b.updates[0]!);
      const full = measureStored([a.updates[0]!, b.updates[0]!]);
      await store.setDigest(ROOM, { seq: s2, ...full });
      await store.setDigest(ROOM, { seq: s2, ...measure(b.doc) });
      await store.setDigest(ROOM, { seq: s1, ...measure(a.doc) });
      expect(await store.loadRoom(ROOM)).toMatchObject({ seq: s2, digest: full.digest });
      // The same within one batch, in either order.
      await Promise.all([
        store.setDigest(ROOM, { seq: s2, ...measure(b.doc) }),
        store.setDigest(ROOM, { seq: s2, ...full }),
        store.setDigest(ROOM, { seq: s2, ...measure(a.doc) }),
      ]);
      await store.compact(ROOM);
      expect(await store.loadRoom(ROOM)).toMatchObject({ seq: s2, digest: full.digest });
      expect((await store.listRooms('ws-1'))[0]?.digest).toBe(full.digest);

      await expect(store.setDigest(ROOM, { seq: s2, digest: 'nope', weight: 1 })).rejects.toThrow(/hex/);
      await expect(store.setDigest(ROOM, { seq: 0, digest: EMPTY_DIGEST, weight: 0 })).rejects.toThrow(
        /sequence/,
      );
      await expect(store.setDigest(ROOM, { seq: 1, digest: EMPTY_DIGEST, weight: -1 })).rejects.toThrow(
        /weight/,
      );
    });

    it('writes every digest, also those recorded while appends are being committed', async () => {
      await reopen({ compactAfter: 1000, digestDelayMs: 0 });
      const { doc, updates } = recorder();
      const recorded: Array<Promise<void>> = [];
      for (let i = 0; i < 40; i++) {
        doc.getText('t').insert(0, String(i % 10));
        const appended = store.append(ROOM, updates[i]!);
        const m = measure(doc);
        recorded.push(appended.then((seq) => store.setDigest(ROOM, { seq, ...m })));
        if (i % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      // Digests alone (no append to carry them), recorded while the previous one commits.
      await Promise.all(recorded.splice(0));
      const head = (await store.loadRoom(ROOM)).seq;
      const { digest, weight } = measure(doc);
      for (let i = 0; i < 20; i++) {
        recorded.push(store.setDigest(ROOM, { seq: head, digest: EMPTY_DIGEST, weight: weight - 1 - i }));
        recorded.push(store.setDigest(ROOM, { seq: head, digest, weight: weight - 1 - i }));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      recorded.push(store.setDigest(ROOM, { seq: head, digest, weight }));
      await Promise.all(recorded);
      expect((await store.loadRoom(ROOM)).digest).toBe(docDigest(doc));
    });

    it('never reuses a sequence number after compaction deleted the log', async () => {
      const { doc, updates } = recorder();
      doc.getText('t').insert(0, 'x');
      const first = await store.append(ROOM, updates[0]!);
      await store.compact(ROOM);
      await reopen();
      expect(await store.append(ROOM, updates[0]!)).toBeGreaterThan(first);
    });

    it('two stores on the same storage (two server instances) see each other and never share a number', async () => {
      const other = await f.open();
      extra.push(other);
      const { doc, updates } = recorder();
      for (let i = 0; i < 20; i++) doc.getText('t').insert(0, String(i % 10));
      const seqs = await Promise.all(updates.map((u, i) => (i % 2 ? other : store).append(ROOM, u)));
      expect(new Set(seqs).size).toBe(seqs.length);
      for (const s of [store, other]) {
        expect(
          rebuild(await s.load(ROOM))
            .getText('t')
            .toString(),
        ).toBe(doc.getText('t').toString());
      }
      await other.compact(ROOM);
      expect(
        rebuild(await store.load(ROOM))
          .getText('t')
          .toString(),
      ).toBe(doc.getText('t').toString());
      expect((await store.listRooms('ws-1'))[0]?.seq).toBe(Math.max(...seqs));
    });

    it('rejects bad input and use after close', async () => {
      await expect(store.append('not a room', new Uint8Array([0, 0]))).rejects.toThrow(/invalid room/);
      await expect(store.append(ROOM, new Uint8Array())).rejects.toThrow(/non-empty/);
      await expect(store.load('ws-1/../etc')).rejects.toThrow(/invalid room/);
      await expect(store.setDigest('nope', { seq: 1, digest: EMPTY_DIGEST, weight: 0 })).rejects.toThrow(
        /invalid room/,
      );
      await expect(store.listRooms('WS!')).rejects.toThrow(/workspace/);
      await store.close();
      await expect(store.append(ROOM, new Uint8Array([0, 0]))).rejects.toThrow(/closed/);
      await expect(store.loadRoom(ROOM)).rejects.toThrow(/closed/);
    });

    it('seedRoom writes a generated update, records its digest and refuses garbage', async () => {
      const seed = new Y.Doc();
      seed.getMap('meta').set('name', 'Demo agency');
      const seq = await seedRoom(store, ROOM, Y.encodeStateAsUpdate(seed));
      expect(await store.loadRoom(ROOM)).toMatchObject({ seq, digest: docDigest(seed) });
      expect(
        rebuild(await store.load(ROOM))
          .getMap('meta')
          .get('name'),
      ).toBe('Demo agency');
      await expect(seedRoom(store, ROOM, new Uint8Array([1, 1, 200, 1, 0, 77]))).rejects.toThrow(
        /undecodable/,
      );
      await expect(seedRoom(store, 'nope', Y.encodeStateAsUpdate(seed))).rejects.toThrow(/invalid room/);
    });
  });
}
