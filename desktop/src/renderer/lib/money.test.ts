import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatMoneyRange,
  MAX_MINOR,
  minorDigits,
  minorToDecimalString,
  minorToInput,
  parseMajorToMinor,
} from './money';

const nbsp = /[\u00a0\u202f]/g;
const plain = (text: string) => text.replace(nbsp, ' ');

describe('minor → major', () => {
  it('knows the minor digits of EUR and CHF', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('CHF')).toBe(2);
  });

  it('builds exact decimal strings', () => {
    expect(minorToDecimalString(0, 2)).toBe('0.00');
    expect(minorToDecimalString(5, 2)).toBe('0.05');
    expect(minorToDecimalString(150050, 2)).toBe('1500.50');
    expect(minorToDecimalString(-1999, 2)).toBe('-19.99');
    expect(minorToDecimalString(MAX_MINOR, 2)).toBe('1000000000.00');
    expect(() => minorToDecimalString(1.5, 2)).toThrow(RangeError);
  });

  it('formats with the French and English conventions', () => {
    expect(plain(formatMoney(150050, 'EUR', 'fr-FR'))).toBe('1 500,50 €');
    expect(formatMoney(150050, 'EUR', 'en-GB')).toBe('€1,500.50');
    expect(plain(formatMoney(150000, 'CHF', 'fr-FR', { compact: true }))).toBe('1 500 CHF');
    expect(formatMoney(150001, 'EUR', 'en-GB', { compact: true })).toBe('€1,500.01');
    // No float drift: 0.1 + 0.2 style amounts stay exact.
    expect(formatMoney(30, 'EUR', 'en-GB')).toBe('€0.30');
    expect(formatMoney(99_999_999_999, 'EUR', 'en-GB')).toBe('€999,999,999.99');
  });

  it('formats ranges, collapsing equal ends', () => {
    expect(plain(formatMoneyRange(150000, 300000, 'EUR', 'fr-FR', { compact: true }))).toBe('1 500–3 000 €');
    expect(formatMoneyRange(150000, 300000, 'EUR', 'en-GB', { compact: true })).toBe('€1,500 – €3,000');
    expect(formatMoneyRange(150000, 150000, 'EUR', 'en-GB', { compact: true })).toBe('€1,500');
  });

  it('gives editable inputs in the locale', () => {
    expect(minorToInput(150000, 'EUR', 'fr-FR')).toBe('1500');
    expect(minorToInput(150050, 'EUR', 'fr-FR')).toBe('1500,50');
    expect(minorToInput(150050, 'EUR', 'en-GB')).toBe('1500.50');
    expect(minorToInput(7, 'EUR', 'en-GB')).toBe('0.07');
  });
});

describe('major → minor', () => {
  const ok = (input: string, locale = 'en-GB') => parseMajorToMinor(input, 'EUR', locale);

  it.each([
    ['1500', 150000],
    ['1500.5', 150050],
    ['1500.50', 150050],
    ['0.07', 7],
    ['1,500', 150000],
    ['1,500.25', 150025],
    ['1,234,567.89', 123456789],
    ['€ 2,000', 200000],
    ['12.', 1200],
    ['007', 700],
  ])('en-GB: %s → %i', (input, minor) => {
    expect(ok(input)).toEqual({ ok: true, minor });
  });

  it.each([
    ['1500', 150000],
    ['1500,5', 150050],
    ['1 500,50', 150050],
    ['1\u202f500,50 €', 150050],
    ['1.500', 150000],
    ['1.234.567,89', 123456789],
    ['1500.25', 150025],
    ["1'500.50", 150050],
    ['2 000 CHF', 200000],
  ])('fr-FR: %s → %i', (input, minor) => {
    expect(ok(input, 'fr-FR')).toEqual({ ok: true, minor });
  });

  it('is exact where floats are not (0.1 + 0.2, 19.99 × 100, 1.005)', () => {
    expect(ok('0.3')).toEqual({ ok: true, minor: 30 });
    expect(ok('19.99')).toEqual({ ok: true, minor: 1999 });
    expect(ok('4.35')).toEqual({ ok: true, minor: 435 });
    expect(ok('1.01')).toEqual({ ok: true, minor: 101 });
    expect(ok('999999999.99')).toEqual({ ok: true, minor: 99_999_999_999 });
  });

  it('rejects what is not an amount', () => {
    expect(ok('')).toEqual({ ok: false, error: 'empty' });
    expect(ok('  ')).toEqual({ ok: false, error: 'empty' });
    expect(ok('-5')).toEqual({ ok: false, error: 'invalid' });
    expect(ok('abc')).toEqual({ ok: false, error: 'invalid' });
    expect(ok('1e5')).toEqual({ ok: false, error: 'invalid' });
    expect(ok('.5')).toEqual({ ok: false, error: 'invalid' });
    expect(ok('1,50,0')).toEqual({ ok: false, error: 'invalid' });
    expect(ok('1.005')).toEqual({ ok: false, error: 'too_many_decimals' });
    expect(ok('1,5', 'fr-FR')).toEqual({ ok: true, minor: 150 });
    expect(ok('1,505', 'fr-FR')).toEqual({ ok: false, error: 'too_many_decimals' });
    expect(ok('1000000001')).toEqual({ ok: false, error: 'too_large' });
    expect(ok('99999999999999999999')).toEqual({ ok: false, error: 'too_large' });
  });

  it('round-trips every editable value it produces', () => {
    for (const minor of [0, 1, 99, 100, 12345, 150050, 99_999_999_999]) {
      for (const locale of ['fr-FR', 'en-GB']) {
        expect(parseMajorToMinor(minorToInput(minor, 'EUR', locale), 'EUR', locale)).toEqual({
          ok: true,
          minor,
        });
      }
    }
  });
});
