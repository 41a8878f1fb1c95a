import { describe, expect, it } from 'vitest';
import { artistDocId, contactDocId, docOrder, ROOT_DOC, sortDocIds, venueDocId } from './layout';

describe('document order', () => {
  it('puts venues, then contacts, then the root before the artists', () => {
    const ids = [artistDocId('b'), ROOT_DOC, contactDocId('x'), artistDocId('a'), venueDocId('y')];
    const sorted = sortDocIds(ids);
    expect(sorted.map(docOrder)).toEqual([0, 1, 2, 3, 3]);
    expect(sorted.slice(3)).toEqual([artistDocId('a'), artistDocId('b')]);
    expect(sortDocIds(new Set(ids))).toEqual(sorted);
  });

  it('orders unknown ids last instead of throwing', () => {
    expect(docOrder('not a doc id')).toBe(3);
    expect(sortDocIds(['zz', ROOT_DOC])).toEqual([ROOT_DOC, 'zz']);
  });
});
