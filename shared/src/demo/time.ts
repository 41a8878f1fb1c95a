/**
 * Day arithmetic for the generator. Days are integers (days since 1970-01-01 UTC);
 * local times are Central European (France, Belgium and Switzerland share CET/CEST).
 */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Year, month (1–12) and day of a day number (H. Hinnant's civil_from_days, integers only). */
export function civilFromDays(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** YYYY-MM-DD of a day number. */
export function isoDate(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${PAD2[m]}-${PAD2[d]}`;
}

/** Same output as `new Date(ms).toISOString()` for years 1000–9999, about 3× faster. */
export function isoAt(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const [y, mo, d] = civilFromDays(day);
  if (y < 1000 || y > 9999) return new Date(ms).toISOString();
  let r = ms - day * DAY_MS;
  const h = Math.floor(r / HOUR_MS);
  r -= h * HOUR_MS;
  const min = Math.floor(r / MINUTE_MS);
  r -= min * MINUTE_MS;
  const sec = Math.floor(r / 1000);
  const milli = Math.floor(r - sec * 1000);
  const mmm = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : String(milli);
  return `${y}-${PAD2[mo]}-${PAD2[d]}T${PAD2[h]}:${PAD2[min]}:${PAD2[sec]}.${mmm}Z`;
}

/** Day of week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day number of the last Sunday of a month (month 1–12). */
function lastSunday(year: number, month: number): number {
  const lastDay = dayOf(Date.UTC(year, month, 0));
  return lastDay - dayOfWeek(lastDay);
}

const dstCache = new Map<number, readonly [number, number]>();

/** EU summer time: from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC. */
function dstBoundsUtc(year: number): readonly [number, number] {
  let b = dstCache.get(year);
  if (!b) {
    b = [lastSunday(year, 3) * DAY_MS + HOUR_MS, lastSunday(year, 10) * DAY_MS + HOUR_MS];
    dstCache.set(year, b);
  }
  return b;
}

/** UTC instant of a Central European wall-clock time (minutes after local midnight of `day`). */
export function cetToUtcMs(day: number, minutes: number): number {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const [year] = civilFromDays(day);
  const [start, end] = dstBoundsUtc(year);
  const asWinter = wall - HOUR_MS;
  return asWinter >= start && asWinter < end ? wall - 2 * HOUR_MS : asWinter;
}
