import { describe, expect, it } from 'vitest';
import { distanceKm, jitter } from './geo';
import { createRng } from './prng';
import { ascii, emailLocal, fill, frenchAt, frenchOf, landline, mobile, slug, streetAddress } from './text';
import { cetToUtcMs, civilFromDays, DAY_MS, dayOf, dayOfWeek, isoAt, isoDate } from './time';

describe('time', () => {
  it('formats exactly like Date#toISOString', () => {
    const r = createRng(1);
    let mismatches = 0;
    for (let i = 0; i < 20_000; i++) {
      const ms = r.int(0, 4_102_444_800_000); // 1970 … 2100
      if (isoAt(ms) !== new Date(ms).toISOString()) mismatches++;
      const day = dayOf(ms);
      if (isoDate(day) !== new Date(day * DAY_MS).toISOString().slice(0, 10)) mismatches++;
      if (dayOfWeek(day) !== new Date(ms).getUTCDay()) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(civilFromDays(dayOf(Date.UTC(2024, 1, 29)))).toEqual([2024, 2, 29]);
  });

  it('converts Central European wall-clock time across both DST switches', () => {
    const day = (iso: string) => dayOf(Date.parse(iso));
    // winter: UTC+1
    expect(isoAt(cetToUtcMs(day('2026-01-15T00:00:00Z'), 20 * 60))).toBe('2026-01-15T19:00:00.000Z');
    // summer time starts on Sunday 29 March 2026
    expect(isoAt(cetToUtcMs(day('2026-03-28T00:00:00Z'), 20 * 60))).toBe('2026-03-28T19:00:00.000Z');
    expect(isoAt(cetToUtcMs(day('2026-03-29T00:00:00Z'), 20 * 60))).toBe('2026-03-29T18:00:00.000Z');
    // and ends on Sunday 25 October 2026
    expect(isoAt(cetToUtcMs(day('2026-10-24T00:00:00Z'), 20 * 60))).toBe('2026-10-24T18:00:00.000Z');
    expect(isoAt(cetToUtcMs(day('2026-10-25T00:00:00Z'), 20 * 60))).toBe('2026-10-25T19:00:00.000Z');
    // a set past midnight is the next calendar day
    expect(isoAt(cetToUtcMs(day('2026-07-10T00:00:00Z'), 24 * 60 + 30))).toBe('2026-07-10T22:30:00.000Z');
  });
});

describe('geo', () => {
  it('matches great-circle distances within 1%', () => {
    const rad = Math.PI / 180;
    const haversine = (lat1: number, lon1: number, lat2: number, lon2: number) => {
      const a =
        Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
        Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
      return 2 * 6371 * Math.asin(Math.sqrt(a));
    };
    const pairs: [number, number, number, number][] = [
      [48.8566, 2.3522, 45.764, 4.8357], // Paris – Lyon, ~392 km
      [50.8503, 4.3517, 46.2044, 6.1432], // Bruxelles – Genève, ~535 km
      [48.3904, -4.4861, 43.7102, 7.262], // Brest – Nice, ~1040 km
      [47.3769, 8.5417, 47.5596, 7.5886], // Zürich – Basel, ~75 km
    ];
    for (const [a, b, c, d] of pairs) {
      const ref = haversine(a, b, c, d);
      expect(Math.abs(distanceKm(a, b, c, d) - ref) / ref).toBeLessThan(0.01);
    }
    expect(distanceKm(48.8566, 2.3522, 45.764, 4.8357)).toBeCloseTo(392, -1);
  });

  it('jitters within the radius, rounded to 5 decimals', () => {
    const r = createRng(2);
    for (let i = 0; i < 2000; i++) {
      const p = jitter(r, 47.2184, -1.5536, 3);
      expect(distanceKm(47.2184, -1.5536, p.lat, p.lon)).toBeLessThanOrEqual(3.01);
      expect(Math.round(p.lat * 1e5) / 1e5).toBe(p.lat);
    }
  });
});

describe('text', () => {
  it('writes French "de" and "à" with elision and contraction', () => {
    expect(frenchOf('Lyon')).toBe('de Lyon');
    expect(frenchOf('Angers')).toBe("d'Angers");
    expect(frenchOf('Évreux')).toBe("d'Évreux");
    expect(frenchOf('Le Mans')).toBe('du Mans');
    expect(frenchOf('Les Sables-d’Olonne')).toBe('des Sables-d’Olonne');
    expect(frenchOf('La Rochelle')).toBe('de La Rochelle');
    expect(frenchOf('électro')).toBe("d'électro");
    expect(frenchOf('hip-hop')).toBe('de hip-hop');
    expect(frenchAt('Le Havre')).toBe('au Havre');
    expect(frenchAt('Genève')).toBe('à Genève');
  });

  it('makes ASCII slugs and email local parts', () => {
    expect(ascii('Zürich')).toBe('zuerich');
    expect(slug("L'Étincelle Dorée")).toBe('letincelle-doree');
    expect(slug('Saint-Étienne', '')).toBe('saintetienne');
    expect(emailLocal('Élodie', 'Le Gall')).toBe('elodie.legall');
    expect(emailLocal('Jörg', 'Müller')).toBe('joerg.mueller');
    expect(emailLocal('Noël', 'Van den Broeck')).toBe('noel.vandenbroeck');
  });

  it('fills templates from variables, then word lists', () => {
    const r = createRng(4);
    expect(fill('{a} et {w}', { a: 'x' }, r, { w: ['y'] })).toBe('x et y');
    expect(fill('{unknown}', {}, r)).toBe('{unknown}');
  });

  it('formats phone numbers per country', () => {
    const r = createRng(5);
    for (let i = 0; i < 200; i++) {
      expect(landline(r, 'FR', '4')).toMatch(/^\+33 4( \d{2}){4}$/);
      expect(mobile(r, 'FR')).toMatch(/^\+33 [67]( \d{2}){4}$/);
      expect(landline(r, 'BE', '2')).toMatch(/^\+32 2 [2-9]\d{2} \d{2} \d{2}$/);
      expect(landline(r, 'BE', '81')).toMatch(/^\+32 81 [2-9]\d( \d{2}){2}$/);
      expect(mobile(r, 'BE')).toMatch(/^\+32 4[7-9]\d( \d{2}){3}$/);
      expect(landline(r, 'CH', '22')).toMatch(/^\+41 22 [2-9]\d{2} \d{2} \d{2}$/);
      expect(mobile(r, 'CH')).toMatch(/^\+41 7[6-9] \d{3} \d{2} \d{2}$/);
    }
  });

  it('writes addresses in the local order', () => {
    const r = createRng(6);
    expect(streetAddress(r, 'FR', 'rue Victor Hugo')).toMatch(/^\d+ rue Victor Hugo$/);
    expect(streetAddress(r, 'BE', 'rue de la Station')).toMatch(/^Rue de la Station \d+$/);
    expect(streetAddress(r, 'CH', 'Bahnhofstrasse')).toMatch(/^Bahnhofstrasse \d+$/);
  });
});
