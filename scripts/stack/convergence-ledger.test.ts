/** The convergence property's loss check itself: it must catch a dropped edit, and only that. */
import type { ArtistRecord } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { canonical, type Edit, findLost, type Snapshot } from './convergence-ledger';

const ID = 'a1';
const snap = (fields: Partial<ArtistRecord>): Snapshot => {
  const artist = { id: ID, name: 'Base', bio: '', ...fields } as ArtistRecord;
  return { canonical: canonical(artist), artists: new Map([[ID, artist]]) };
};
const edit = (
  n: number,
  seat: number,
  value: string,
  seen: string,
  state: Edit['state'] = 'confirmed',
): Edit => ({
  n,
  seat,
  artistId: ID,
  field: 'name',
  value: canonical(value),
  seen: canonical(seen),
  state,
});

describe('findLost', () => {
  const base = snap({});

  it('accepts the last value, and a concurrent value that won the tie-break', () => {
    const e1 = edit(1, 0, 'One', 'Base');
    const e2 = edit(2, 1, 'Two', 'Base');
    expect(findLost(base, snap({ name: 'Two' }), [e1, e2])).toEqual([]);
    expect(findLost(base, snap({ name: 'One' }), [e1, e2])).toEqual([]);
  });

  it('reports a confirmed edit replaced by a value from its causal past', () => {
    const e1 = edit(1, 0, 'One', 'Base');
    const e2 = edit(2, 1, 'Two', 'One');
    expect(findLost(base, snap({ name: 'One' }), [e1, e2])).toHaveLength(1);
    expect(findLost(base, snap({ name: 'Base' }), [e1, e2])).toHaveLength(2);
  });

  it('ignores unconfirmed and dropped edits, but not values nobody wrote', () => {
    const e1 = edit(1, 0, 'One', 'Base', 'dropped');
    expect(findLost(base, snap({ name: 'Base' }), [e1])).toEqual([]);
    expect(findLost(base, snap({ name: 'Garbage' }), [edit(2, 0, 'Two', 'Base')])).toHaveLength(1);
  });

  it('requires every confirmed bio token', () => {
    const token: Edit = {
      n: 3,
      seat: 0,
      artistId: ID,
      field: 'bio',
      value: '[3]',
      seen: null,
      state: 'confirmed',
    };
    expect(findLost(base, snap({ bio: 'x[3]' }), [token])).toEqual([]);
    expect(findLost(base, snap({ bio: 'x[33]' }), [token])).toHaveLength(1);
  });
});
