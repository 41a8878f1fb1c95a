/** Date display with Intl. Calendar dates (YYYY-MM-DD) are shown as-is, never shifted by the time zone. */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let value = cache.get(key);
  if (!value) {
    value = new Intl.DateTimeFormat(locale, options);
    cache.set(key, value);
  }
  return value;
}

/** "2025-07-14" → "14 juil. 2025" (fr-FR) / "14 Jul 2025" (en-GB); ISO timestamps in local time. */
export function formatDate(value: string, locale: string): string {
  const match = DATE_ONLY.exec(value);
  if (match) {
    const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return formatter(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : formatter(locale, { dateStyle: 'medium' }).format(time);
}

/** An ISO timestamp as date and time in local time: "14 juil. 2025, 18:30". */
export function formatDateTime(value: string, locale: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time)
    ? value
    : formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}
