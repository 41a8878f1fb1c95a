import { describe, expect, it } from 'vitest';
import type { Country } from '../domain/enums';
import citiesJson from '../../../resources/demo/cities.json';
import namesJson from '../../../resources/demo/names.json';
import { DemoInputError, parseDemoInputs } from './inputs';

/** Rough bounding boxes (metropolitan France with Corsica). */
const BOUNDS: Record<Country, { lat: [number, number]; lon: [number, number] }> = {
  FR: { lat: [41.3, 51.1], lon: [-5.2, 9.6] },
  BE: { lat: [49.5, 51.5], lon: [2.5, 6.4] },
  CH: { lat: [45.8, 47.81], lon: [5.95, 10.5] },
};

const FRENCH_REGIONS = [
  'Auvergne-Rhône-Alpes',
  'Bourgogne-Franche-Comté',
  'Bretagne',
  'Centre-Val de Loire',
  'Corse',
  'Grand Est',
  'Hauts-de-France',
  'Île-de-France',
  'Normandie',
  'Nouvelle-Aquitaine',
  'Occitanie',
  'Pays de la Loire',
  "Provence-Alpes-Côte d'Azur",
];

describe('resources/demo inputs', () => {
  const inputs = parseDemoInputs(citiesJson, namesJson);
  const cities = inputs.cities.cities;

  it('parse and validate', () => {
    expect(cities.length).toBeGreaterThanOrEqual(140);
    expect(inputs.names.genres.length).toBeGreaterThanOrEqual(10);
  });

  it('cover France (every region), Belgium (three regions) and Switzerland (two languages)', () => {
    const count = (c: Country) => cities.filter((x) => x.country === c).length;
    expect(count('FR')).toBeGreaterThanOrEqual(95);
    expect(count('BE')).toBeGreaterThanOrEqual(28);
    expect(count('CH')).toBeGreaterThanOrEqual(22);
    const regions = new Set(cities.filter((c) => c.country === 'FR').map((c) => c.region));
    expect([...regions].sort()).toEqual([...FRENCH_REGIONS].sort());
    const be = new Set(cities.filter((c) => c.country === 'BE').map((c) => c.region));
    expect([...be].sort()).toEqual(['Bruxelles-Capitale', 'Vlaanderen', 'Wallonie']);
    const ch = new Set(cities.filter((c) => c.country === 'CH').map((c) => c.locale));
    expect([...ch].sort()).toEqual(['de-CH', 'fr-CH']);
    for (const size of ['metropolis', 'large', 'medium', 'small'] as const) {
      expect(cities.some((c) => c.population === size)).toBe(true);
    }
  });

  it('place every city inside its country and with 4-decimal coordinates', () => {
    for (const c of cities) {
      const b = BOUNDS[c.country];
      expect(c.lat, c.name).toBeGreaterThan(b.lat[0]);
      expect(c.lat, c.name).toBeLessThan(b.lat[1]);
      expect(c.lon, c.name).toBeGreaterThan(b.lon[0]);
      expect(c.lon, c.name).toBeLessThan(b.lon[1]);
      expect(Math.round(c.lat * 1e4) / 1e4, c.name).toBe(c.lat);
      expect(Math.round(c.lon * 1e4) / 1e4, c.name).toBe(c.lon);
    }
  });

  it('have plausible postal codes and area codes', () => {
    for (const c of cities.filter((x) => x.country === 'FR')) {
      expect(['1', '2', '3', '4', '5'], c.name).toContain(c.phoneArea);
      // the department number leads the postal code (Corsica: 20)
      expect(c.postalCodes.every((pc) => pc.slice(0, 2) === (c.postalCodes[0] ?? '').slice(0, 2))).toBe(true);
    }
    expect(cities.find((c) => c.name === 'Paris')?.postalCodes[0]).toBe('75001');
    expect(cities.find((c) => c.name === 'Bruxelles')?.phoneArea).toBe('2');
    expect(cities.find((c) => c.name === 'Zürich')?.phoneArea).toBe('44');
  });

  it('place well-known cities where they are', () => {
    const near = (name: string, lat: number, lon: number) => {
      const c = cities.find((x) => x.name === name);
      expect(c, name).toBeDefined();
      expect(Math.abs((c?.lat ?? 0) - lat), name).toBeLessThan(0.05);
      expect(Math.abs((c?.lon ?? 0) - lon), name).toBeLessThan(0.05);
    };
    near('Paris', 48.857, 2.352);
    near('Marseille', 43.296, 5.37);
    near('Brest', 48.39, -4.486);
    near('Strasbourg', 48.573, 7.752);
    near('Liège', 50.633, 5.58);
    near('Antwerpen', 51.219, 4.402);
    near('Genève', 46.204, 6.143);
    near('Zürich', 47.377, 8.542);
  });

  it('report every problem with its file and path', () => {
    const badCities = {
      version: 1,
      cities: [{ ...citiesJson.cities[0], country: 'BE', postalCodes: ['7500'] }],
    };
    const badNames = {
      ...namesJson,
      venueNames: { ...namesJson.venueNames, bar: { fr: ['Le {nope}'] } },
      eventTitles: { ...namesJson.eventTitles, hold: ['Option — {venue}', 'Option {level} {from}'] },
    };
    let error: unknown;
    try {
      parseDemoInputs(badCities, badNames);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DemoInputError);
    const issues = (error as DemoInputError).issues;
    expect(issues).toContain('cities.json: cities.0.locale: locale fr-FR is not used in BE');
    expect(issues).toContain('cities.json: cities: no city in FR');
    expect(issues).toContain('cities.json: cities: no city in CH');
    expect(issues).toContain('names.json: venueNames.bar.fr.0: unknown placeholder {nope} in "Le {nope}"');
    expect(issues).toContain('names.json: venueNames.bar: no pattern for locale "nl-BE"');
    expect(issues).toContain(
      'names.json: eventTitles.hold.1: unknown placeholder {from} in "Option {level} {from}"',
    );
    expect((error as Error).message).toMatch(/^invalid demo inputs:\n {2}cities\.json:/);
    expect(() => parseDemoInputs(null, namesJson)).toThrow(/cities\.json: \(root\)/);
  });
});
