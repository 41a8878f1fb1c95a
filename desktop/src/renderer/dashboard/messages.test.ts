import { describe, expect, it } from 'vitest';
import { dashboardMessages, dashT, ordinal } from './messages';

describe('dashboard messages', () => {
  it('has every English message in French', () => {
    expect(Object.keys(dashboardMessages.fr).sort()).toEqual(Object.keys(dashboardMessages.en).sort());
  });

  it('ranks holds in both languages', () => {
    expect([1, 2, 3, 4, 11, 22].map((n) => ordinal(n, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '22nd',
    ]);
    expect([1, 2].map((n) => ordinal(n, 'fr'))).toEqual(['1ʳᵉ', '2ᵉ']);
    expect(dashT('fr')('hold', { n: ordinal(1, 'fr') })).toBe('1ʳᵉ option');
  });
});
