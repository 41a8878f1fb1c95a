import { docDigest } from '@flowstage/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyStored, StoredContent } from './content';
import { decodeValidUpdate, updateChangesDoc } from './updates';

type Op = { ins: string; pos: number } | { del: number; pos: number } | { key: string; v: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ ins: fc.string({ minLength: 1, maxLength: 4 }), pos: fc.nat() }),
  fc.record({ del: fc.integer({ min: 1, max: 3 }), pos: fc.nat() }),
  fc.record({ key: fc.constantFrom('a', 'b', 'c'), v: fc.integer() }),
);

function edit(doc: Y.Doc, o: Op): void {
  const t = doc.getText('t');
  if ('ins' in o) t.insert(o.pos % (t.length + 1), o.ins);
  else if ('del' in o) {
    if (t.length > 0) t.delete(o.pos % t.length, Math.min(o.del, t.length - (o.pos % t.length)));
  } else doc.getMap('m').set(o.key, o.v);
}

/** A document edited by two clients, with every update it produced (as a store's log holds them). */
function history(ops: Op[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const other = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const [i, o] of ops.entries()) {
    if (i % 3 === 2) {
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
      edit(other, o);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    } else edit(doc, o);
  }
  return { doc, updates };
}

/** A client holding the first `n` updates. */
function clientWith(updates: Uint8Array[], n: number): Y.Doc {
  const client = new Y.Doc();
  for (const u of updates.slice(0, n)) Y.applyUpdate(client, u);
  return client;
}

const digestOf = (update: Uint8Array, base = new Y.Doc()) => {
  Y.applyUpdate(base, update);
  return docDigest(base);
};

describe('StoredContent', () => {
  it('answers any client what a document would, from the bytes', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.boolean(),
        (ops, cut, recorded) => {
          const { doc, updates } = history(ops);
          const content = StoredContent.of(updates, recorded ? Y.encodeStateVector(doc) : null);
          expect(content).not.toBeNull();
          if (!content) return;
          expect(Y.decodeStateVector(content.stateVector)).toEqual(
            Y.decodeStateVector(Y.encodeStateVector(doc)),
          );
          // Whatever the client holds, it ends up with the document's state (and digest).
          const n = cut % (updates.length + 1);
          const fromBytes = clientWith(updates, n);
          const fromDoc = clientWith(updates, n);
          const theirs = Y.encodeStateVector(fromBytes);
          Y.applyUpdate(fromBytes, content.diff(theirs));
          Y.applyUpdate(fromDoc, Y.encodeStateAsUpdate(doc, theirs));
          expect(docDigest(fromBytes)).toBe(docDigest(doc));
          expect(Y.encodeStateAsUpdate(fromBytes)).toEqual(Y.encodeStateAsUpdate(fromDoc));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('sends a client holding none of the content the stored update itself', () => {
    const { doc, updates } = history([
      { ins: 'hello', pos: 0 },
      { key: 'a', v: 1 },
    ]);
    const content = StoredContent.of([Y.encodeStateAsUpdate(doc)], Y.encodeStateVector(doc))!;
    expect(content.diff(Y.encodeStateVector(new Y.Doc()))).toBe(content.update);
    const stranger = new Y.Doc();
    stranger.getText('t').insert(0, 'mine');
    expect(content.diff(Y.encodeStateVector(stranger))).toBe(content.update);
    expect(digestOf(content.diff(Y.encodeStateVector(clientWith(updates, 1))), clientWith(updates, 1))).toBe(
      docDigest(doc),
    );
  });

  it('says "unchanged" only for updates that change nothing', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 20 }),
        fc.array(op, { maxLength: 5 }),
        fc.nat(),
        (ops, more, cut) => {
          const { doc, updates } = history(ops);
          const content = StoredContent.of(updates, null)!;
          const client = clientWith(updates, cut % (updates.length + 1));
          for (const o of more) edit(client, o);
          // What a client's step 2 carries: what the server lacks, and its whole delete set.
          const step2 = decodeValidUpdate(Y.encodeStateAsUpdate(client, content.stateVector));
          if (content.unchangedBy(step2)) expect(updateChangesDoc(doc, step2)).toBe(false);
        },
      ),
      { numRuns: 80 },
    );
    const { updates } = history([{ ins: 'abc', pos: 0 }]);
    const content = StoredContent.of(updates, null)!;
    expect(content.unchangedBy(decodeValidUpdate(Y.encodeStateAsUpdate(new Y.Doc())))).toBe(true);
    expect(content.unchangedBy(decodeValidUpdate(updates[0]!))).toBe(true); // an echo
  });

  it('holds an empty room as an empty update', () => {
    const content = StoredContent.of([], null)!;
    expect(Y.decodeStateVector(content.stateVector).size).toBe(0);
    expect(digestOf(content.diff(Y.encodeStateVector(new Y.Doc())))).toBe(docDigest(new Y.Doc()));
  });

  it('gives up on updates that do not merge', () => {
    expect(
      StoredContent.of([new Uint8Array([1, 1, 200, 1, 0, 77]), new Uint8Array([0, 0])], null),
    ).toBeNull();
  });
});

describe('applyStored', () => {
  it('replays one by one, skipping what fails, when the merged apply fails', () => {
    const { doc, updates } = history([{ ins: 'hi', pos: 0 }]);
    const target = new Y.Doc();
    const applied = applyStored(target, [...updates, new Uint8Array([1, 1, 200, 1, 0, 77])], null);
    expect(applied.mergeError).not.toBeNull();
    expect(applied.failed).toBe(1);
    expect(docDigest(target)).toBe(docDigest(doc));
  });
});
