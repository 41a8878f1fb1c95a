/**
 * Small-distance geography with +, *, / and sqrt only (all correctly rounded in
 * IEEE-754), so results are identical on every JavaScript engine.
 */
import type { Rng } from './prng';

const KM_PER_DEG_LAT = 111.32;
const DEG = Math.PI / 180;

/** cos(x) by its Taylor series, accurate to 1e-10 for |x| ≤ π/2. */
function cosRad(x: number): number {
  const x2 = x * x;
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= 9; k++) {
    term *= -x2 / ((2 * k - 1) * (2 * k));
    sum += term;
  }
  return sum;
}

export function cosDeg(deg: number): number {
  return cosRad(deg * DEG);
}

/** Equirectangular distance in km: good to well under 1% at the scale of a country. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * KM_PER_DEG_LAT * cosDeg((lat1 + lat2) / 2);
  const y = (lat2 - lat1) * KM_PER_DEG_LAT;
  return Math.sqrt(x * x + y * y);
}

export function roundTo(value: number, decimals: number): number {
  let f = 1;
  for (let i = 0; i < decimals; i++) f *= 10;
  return Math.round(value * f) / f;
}

/** A point uniformly spread within `maxKm` of (lat, lon), rounded to 5 decimals (~1 m). */
export function jitter(rng: Rng, lat: number, lon: number, maxKm: number): { lat: number; lon: number } {
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < 16; i++) {
    dx = rng.float(-1, 1);
    dy = rng.float(-1, 1);
    if (dx * dx + dy * dy <= 1) break;
  }
  const dLat = (dy * maxKm) / KM_PER_DEG_LAT;
  const dLon = (dx * maxKm) / (KM_PER_DEG_LAT * cosDeg(lat));
  return { lat: roundTo(lat + dLat, 5), lon: roundTo(lon + dLon, 5) };
}
