import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docDigest, EMPTY_DIGEST, ManifestMessage, updateDigest } from './manifest';

function twoReplicas() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.getText('t').insert(0, 'hello world');
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b };
}

describe('document digest', () => {
  it('is equal for replicas with equal content', () => {
    const { a, b } = twoReplicas();
    expect(docDigest(a)).toBe(docDigest(b));
    expect(updateDigest(Y.encodeStateAsUpdate(a))).toBe(docDigest(a));
  });

  it('changes on a pure deletion (no new clock), which a state vector alone misses', () => {
    const { a, b } = twoReplicas();
    const sv = Y.encodeStateVector(a);
    a.getText('t').delete(0, 6);
    expect(Y.encodeStateVector(a)).toEqual(sv);
    expect(docDigest(a)).not.toBe(docDigest(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(docDigest(a)).toBe(docDigest(b));
  });

  it('has a known value for an empty document', () => {
    expect(docDigest(new Y.Doc())).toBe(EMPTY_DIGEST);
  });

  it('validates manifest messages', () => {
    expect(ManifestMessage.safeParse({ type: 'changed', docId: 'root', digest: EMPTY_DIGEST }).success).toBe(
      true,
    );
    expect(ManifestMessage.safeParse({ type: 'changed', docId: 'root', digest: 'nope' }).success).toBe(false);
    expect(ManifestMessage.safeParse({ type: 'other' }).success).toBe(false);
  });
});
