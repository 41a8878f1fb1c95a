/**
 * Coordinates of a venue entered by hand, without any network service: the city's
 * coordinates from the demo inputs' city table (resources/demo/cities.json: the real
 * French, Belgian and Swiss cities of the demo agency), matched on the folded name and
 * the country. A city not in the table gets 0/0 (`located: false`): the radius clause
 * then ignores the venue until its coordinates are set.
 */
import type { Country } from '@flowstage/shared';
import citiesJson from '../../../../resources/demo/cities.json';
import { foldKey } from '../import/preview';

interface City {
  name: string;
  country: string;
  lat: number;
  lon: number;
}

let index: Map<string, City> | null = null;

function cities(): Map<string, City> {
  if (!index) {
    index = new Map();
    for (const c of (citiesJson as { cities: City[] }).cities)
      index.set(`${c.country}|${foldKey(c.name)}`, c);
  }
  return index;
}

export function cityCoordinates(
  city: string,
  country: Country,
): { lat: number; lon: number; located: boolean } {
  const c = city.trim() ? cities().get(`${country}|${foldKey(city)}`) : undefined;
  return c ? { lat: c.lat, lon: c.lon, located: true } : { lat: 0, lon: 0, located: false };
}
