/** Shared state of one generator run: inputs, the time frame and id helpers. */
import type { Country } from '../domain/enums';
import { uuidv7 } from '../ids';
import type { DemoCity, DemoInputs, DemoLang, PopulationClass } from './inputs';
import { langOf } from './inputs';
import { type Rng, weightedPicker } from './prng';
import { DAY_MS, dayOf } from './time';
import { FUTURE_DAYS, PAST_DAYS } from './tables';

export interface GenContext {
  inputs: DemoInputs;
  nowMs: number;
  nowDay: number;
  /** When the demo workspace was created (directory records date from then). */
  epochMs: number;
  /** First and last calendar day of generated dates. */
  minDay: number;
  maxDay: number;
}

export function createContext(inputs: DemoInputs, nowMs: number): GenContext {
  const nowDay = dayOf(nowMs);
  return {
    inputs,
    nowMs,
    nowDay,
    epochMs: nowMs - 420 * DAY_MS,
    minDay: nowDay - PAST_DAYS - 1,
    maxDay: nowDay + FUTURE_DAYS + 1,
  };
}

/** A UUIDv7 stamped with `ms`, its random bits from the seeded stream. */
export function newId(rng: Rng, ms: number): string {
  return uuidv7(ms, (n) => rng.bytes(n));
}

/** A random instant in [lo, hi] (hi clamped up to lo). */
export function randomMs(rng: Rng, lo: number, hi: number): number {
  return hi <= lo ? lo : lo + Math.floor(rng.next() * (hi - lo + 1));
}

export function cityPicker(cities: readonly DemoCity[], weights: Record<PopulationClass, number>) {
  return weightedPicker(
    cities,
    cities.map((c) => weights[c.population]),
  );
}

export function cityLang(city: DemoCity): DemoLang {
  return langOf(city.locale);
}

export function currencyOf(country: Country): 'EUR' | 'CHF' {
  return country === 'CH' ? 'CHF' : 'EUR';
}

/** Round a whole-unit amount to a "negotiated" figure and return minor units. */
export function roundFeeMinor(units: number): number {
  const step = units >= 5000 ? 250 : units >= 1000 ? 50 : 10;
  return Math.max(step, Math.round(units / step) * step) * 100;
}

export function pickDistinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  return rng.shuffle(items).slice(0, Math.min(n, items.length));
}
