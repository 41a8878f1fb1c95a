import { describe, expect, it } from 'vitest';
import { rpcContract } from './contract';

describe('calendar contract', () => {
  it('validates periods: in order, at most a year for avails, about 13 months for items', () => {
    const avails = rpcContract['calendar.avails'].params;
    expect(avails.safeParse({ artistId: 'a', from: '2027-01-01', to: '2027-12-31' }).success).toBe(true);
    expect(avails.safeParse({ artistId: 'a', from: '2027-01-01', to: '2028-01-02' }).success).toBe(false);
    expect(avails.safeParse({ artistId: 'a', from: '2027-02-01', to: '2027-01-01' }).success).toBe(false);
    expect(avails.safeParse({ artistId: 'a', from: '2027-02-30', to: '2027-03-01' }).success).toBe(false);
    expect(avails.safeParse({ artistId: 'a', from: '2027-01-01', to: '2027-01-02', x: 1 }).success).toBe(
      false,
    );
    const items = rpcContract['calendar.items'].params;
    expect(items.safeParse({ from: '2027-01-01', to: '2027-01-31', kinds: ['hold', 'travel'] }).success).toBe(
      true,
    );
    expect(items.safeParse({ from: '2027-01-01', to: '2027-01-31', kinds: ['party'] }).success).toBe(false);
    const pdf = rpcContract['calendar.availsPdf'].params;
    const base = { artistId: 'a', from: '2027-01-01', to: '2027-01-31', lang: 'fr' };
    expect(pdf.safeParse({ ...base, path: '/tmp/a.pdf' }).success).toBe(true);
    expect(pdf.safeParse({ ...base, path: 'relative.pdf' }).success).toBe(false);
    expect(pdf.safeParse({ ...base, lang: 'de', path: '/tmp/a.pdf' }).success).toBe(false);
  });
});
