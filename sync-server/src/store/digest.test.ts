import { docDigest } from '@flowstage/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { measure, measureStored, supersedes } from './digest';

type Op =
  | { ins: true; pos: number; s: string }
  | { del: true; pos: number; len: number }
  | { key: string; v: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ ins: fc.constant(true as const), pos: fc.nat(), s: fc.string({ minLength: 1, maxLength: 4 }) }),
  fc.record({ del: fc.constant(true as const), pos: fc.nat(), len: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ key: fc.constantFrom('a', 'b'), v: fc.integer() }),
);

function edit(doc: Y.Doc, o: Op): void {
  const t = doc.getText('t');
  if ('ins' in o) t.insert(o.pos % (t.length + 1), o.s);
  else if ('del' in o) {
    if (t.length > 0) t.delete(o.pos % t.length, Math.min(o.len, t.length - (o.pos % t.length)));
  } else doc.getMap('m').set(o.key, o.v);
}

describe('measure', () => {
  it("gives shared's docDigest, for documents built any way", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.boolean(), (ops, gc) => {
        const doc = new Y.Doc({ gc });
        const updates: Uint8Array[] = [];
        doc.on('update', (u: Uint8Array) => updates.push(u));
        for (const o of ops) edit(doc, o);
        expect(measure(doc).digest).toBe(docDigest(doc));
        expect(measureStored(updates)).toEqual(measure(doc));
      }),
      { numRuns: 60 },
    );
  });

  it('weighs a document holding more of the same updates strictly more, whatever they are', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 2, maxLength: 25 }), fc.nat(), (ops, cut) => {
        const doc = new Y.Doc();
        const updates: Uint8Array[] = [];
        doc.on('update', (u: Uint8Array) => updates.push(u));
        for (const o of ops) edit(doc, o);
        if (updates.length < 2) return;
        const missing = cut % updates.length;
        const partial = measureStored(updates.filter((_, i) => i !== missing));
        const full = measure(doc);
        if (partial.digest === full.digest) expect(partial.weight).toBe(full.weight);
        else expect(full.weight).toBeGreaterThan(partial.weight);
      }),
      { numRuns: 100 },
    );
  });

  it('a pure deletion adds weight (the state vector alone would not move)', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const before = measure(doc);
    doc.getText('t').delete(0, 2);
    expect(measure(doc).weight).toBe(before.weight + 2);
  });

  it('supersedes: heavier wins; equal weight goes to the later number', () => {
    const d = 'a'.repeat(64);
    expect(supersedes({ seq: 1, digest: d, weight: 5 }, { seq: 9, digest: d, weight: 4 })).toBe(true);
    expect(supersedes({ seq: 9, digest: d, weight: 4 }, { seq: 1, digest: d, weight: 5 })).toBe(false);
    expect(supersedes({ seq: 9, digest: d, weight: 5 }, { seq: 1, digest: d, weight: 5 })).toBe(true);
    expect(supersedes({ seq: 1, digest: d, weight: 5 }, { seq: 1, digest: d, weight: 5 })).toBe(false);
  });
});
