import type { SearchHit } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { buildGroups, flatten, fold, moveActive } from './commands';
import { paletteMessages } from './messages';

const label = (key: keyof typeof paletteMessages.en) => paletteMessages.en[key];
const hit = (collection: SearchHit['collection'], id: string): SearchHit => ({
  collection,
  id,
  title: id,
  subtitle: '',
});

describe('palette options', () => {
  it('folds accents and case', () => {
    expect(fold(' La Sirène ÉLECTRIQUE ')).toBe('la sirene electrique');
  });

  it('lists commands first with no query', () => {
    const groups = buildGroups('', [], label);
    expect(groups.map((g) => g.id)).toEqual(['commands']);
    expect(groups[0]?.options).toHaveLength(13);
  });

  it('groups hits in a fixed order and filters commands', () => {
    const hits = [hit('deals', 'd1'), hit('venues', 'v1'), hit('artists', 'a1'), hit('venues', 'v2')];
    const groups = buildGroups('venue', hits, label);
    expect(groups.map((g) => g.id)).toEqual(['artists', 'venues', 'deals', 'commands']);
    expect(flatten(groups).map((o) => o.key)).toEqual([
      'artists:a1',
      'venues:v1',
      'venues:v2',
      'deals:d1',
      'cmd:venues',
    ]);
    expect(buildGroups('francais', [], label)[0]?.options.map((o) => o.key)).toEqual(['cmd:lang.fr']);
    expect(buildGroups('zzz', [], label)).toEqual([]);
  });

  it('moves the active option with wrap-around', () => {
    expect(moveActive('ArrowDown', 2, 3)).toBe(0);
    expect(moveActive('ArrowUp', 0, 3)).toBe(2);
    expect(moveActive('End', 0, 3)).toBe(2);
    expect(moveActive('Home', 2, 3)).toBe(0);
    expect(moveActive('Enter', 0, 3)).toBeNull();
    expect(moveActive('ArrowDown', 0, 0)).toBeNull();
  });
});
