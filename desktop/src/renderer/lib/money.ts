/**
 * Money in the UI. Amounts are integer minor units (cents, centimes) everywhere;
 * conversion to and from major units goes through decimal strings, never through
 * floating-point multiplication or division.
 */

/** Largest amount the domain accepts (records.ts `Minor`). */
export const MAX_MINOR = 1_000_000_000_00;

const digitsCache = new Map<string, number>();

/** Number of minor-unit digits of a currency (2 for EUR and CHF). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** 123456 with 2 digits → "1234.56" (exact). */
export function minorToDecimalString(minor: number, digits: number): `${number}` {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  return (digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`) as `${number}`;
}

const formatterCache = new Map<string, Intl.NumberFormat>();

function currencyFormatter(locale: string, currency: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formatterCache.set(key, formatter);
  }
  return formatter;
}

export interface MoneyFormatOptions {
  /** Drop ",00" on whole amounts (for dense tables). */
  compact?: boolean;
}

function fractionDigitsFor(amounts: readonly number[], digits: number, options: MoneyFormatOptions): number {
  if (!options.compact) return digits;
  const unit = 10 ** digits;
  return amounts.every((a) => a % unit === 0) ? 0 : digits;
}

/** Formats minor units as currency: 150050 EUR → "1 500,50 €" (fr-FR) or "€1,500.50" (en-GB). */
export function formatMoney(
  minor: number,
  currency: string,
  locale: string,
  options: MoneyFormatOptions = {},
): string {
  const digits = minorDigits(currency);
  const formatter = currencyFormatter(locale, currency, fractionDigitsFor([minor], digits, options));
  return formatter.format(minorToDecimalString(minor, digits));
}

/** A fee range: "€1,500–€3,000"; a single amount when both ends are equal. */
export function formatMoneyRange(
  min: number,
  max: number,
  currency: string,
  locale: string,
  options: MoneyFormatOptions = {},
): string {
  if (min === max) return formatMoney(min, currency, locale, options);
  const digits = minorDigits(currency);
  const formatter = currencyFormatter(locale, currency, fractionDigitsFor([min, max], digits, options));
  return formatter.formatRange(minorToDecimalString(min, digits), minorToDecimalString(max, digits));
}

/** The decimal separator of a locale ("," for fr-FR, "." for en-GB). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** Minor units → an editable major-unit string without grouping: 150050 → "1500,50" (fr) / "1500.50" (en); 150000 → "1500". */
export function minorToInput(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const text = minorToDecimalString(minor, digits);
  if (minor % 10 ** digits === 0) return text.split('.')[0] ?? text;
  return text.replace('.', decimalSeparator(locale));
}

export type ParseAmountError = 'empty' | 'invalid' | 'too_many_decimals' | 'too_large';
export type ParseAmountResult = { ok: true; minor: number } | { ok: false; error: ParseAmountError };

const GROUPING = /[\s\u00a0\u202f'’]/g;
const CURRENCY = /€|eur|chf|fr\./gi;

/** Splits on a single separator kind: grouping when every group after the first has 3 digits and it is not the locale's decimal mark used once. */
function splitDecimal(text: string, localeDecimal: string): { whole: string; fraction: string } | null {
  const hasDot = text.includes('.');
  const hasComma = text.includes(',');
  let decimalMark: string | null = null;
  if (hasDot && hasComma) {
    decimalMark = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
  } else if (hasDot || hasComma) {
    const mark = hasDot ? '.' : ',';
    const parts = text.split(mark);
    const groupedLike = parts.slice(1).every((p) => p.length === 3);
    if (parts.length > 2) decimalMark = groupedLike ? null : mark;
    else decimalMark = mark === localeDecimal || !groupedLike ? mark : null;
  }
  let whole = text;
  let fraction = '';
  if (decimalMark) {
    const at = text.lastIndexOf(decimalMark);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (!/^\d*$/.test(fraction)) return null;
  }
  const groups = whole.split(/[.,]/);
  if (groups.length > 1) {
    const [first, ...rest] = groups;
    if (!first || first.length > 3 || rest.some((g) => g.length !== 3)) return null;
  }
  whole = groups.join('');
  if (!/^\d+$/.test(whole)) return null;
  return { whole, fraction };
}

/**
 * Parses what a booker types as a major-unit amount into minor units, exactly:
 * "1500", "1 500,50", "1'500.50", "1,500.5", "€ 2.000" … Negative amounts are refused.
 */
export function parseMajorToMinor(input: string, currency: string, locale: string): ParseAmountResult {
  const text = input.replace(CURRENCY, '').replace(GROUPING, '');
  if (text === '') return { ok: false, error: 'empty' };
  if (!/^\d[\d.,]*$/.test(text)) return { ok: false, error: 'invalid' };
  const split = splitDecimal(text, decimalSeparator(locale));
  if (!split) return { ok: false, error: 'invalid' };
  const digits = minorDigits(currency);
  if (split.fraction.length > digits) return { ok: false, error: 'too_many_decimals' };
  const whole = split.whole.replace(/^0+(?=\d)/, '');
  if (whole.length > 12) return { ok: false, error: 'too_large' };
  const minor = Number(whole) * 10 ** digits + Number(split.fraction.padEnd(digits, '0') || '0');
  if (minor > MAX_MINOR) return { ok: false, error: 'too_large' };
  return { ok: true, minor };
}
