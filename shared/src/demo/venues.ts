/** Venues in real cities: name in the local language, address, capacity, budget, contact details. */
import type { VenueKind } from '../domain/enums';
import { VenueKind as VenueKindEnum } from '../domain/enums';
import type { VenueRecord } from '../domain/records';
import { cityLang, cityPicker, currencyOf, type GenContext, newId, pickDistinct, randomMs } from './context';
import { jitter } from './geo';
import type { DemoCity, DemoLang } from './inputs';
import { type Rng, weightedPicker } from './prng';
import {
  CHF_PRICE_FACTOR,
  CITY_SIZE_FACTOR,
  CITY_SPREAD_KM,
  CITY_WEIGHT_VENUES,
  VENUE_BUDGET,
  VENUE_KIND_WEIGHTS,
  VENUE_SIZES,
} from './tables';
import { COUNTRY_TLD, fill, frenchOf, landline, patternsFor, slug, streetAddress } from './text';
import { DAY_MS, isoAt } from './time';

export interface VenueDraft {
  record: VenueRecord;
  index: number;
  city: DemoCity;
  lang: DemoLang;
  /** The room's usable capacity: standing if any, else seated. */
  capacity: number;
  /** Mail domain shared by the venue's staff. */
  domain: string;
}

function roundCapacity(n: number): number {
  if (n <= 0) return 0;
  const step = n >= 5000 ? 500 : n >= 1000 ? 50 : n >= 200 ? 10 : 5;
  return Math.max(step, Math.round(n / step) * step);
}

/** Skewed towards the low end: many small rooms, few big ones. */
function skewed(rng: Rng, lo: number, hi: number): number {
  const u = rng.next();
  return lo + (hi - lo) * u * u;
}

function capacities(rng: Rng, kind: VenueKind, city: DemoCity): { standing: number; seated: number } {
  const size = VENUE_SIZES[kind];
  const f = CITY_SIZE_FACTOR[city.population];
  const [lo, hi] = size.standing;
  const standing = hi > 0 ? roundCapacity(skewed(rng, lo, Math.max(lo, hi * f))) : 0;
  const seated = size.seatedIsShare
    ? roundCapacity(standing * rng.float(size.seated[0], size.seated[1]))
    : roundCapacity(skewed(rng, size.seated[0], Math.max(size.seated[0], size.seated[1] * f)));
  return { standing, seated };
}

function uniqueDomain(taken: Set<string>, base: string, city: DemoCity): string {
  const tld = COUNTRY_TLD[city.country];
  const citySlug = slug(city.name);
  const stem = base.length > 0 ? base.slice(0, 32) : `salle-${citySlug}`;
  let domain = `${stem}.${tld}`;
  if (taken.has(domain)) domain = `${stem}-${citySlug}.${tld}`;
  for (let n = 2; taken.has(domain); n++) domain = `${stem}-${citySlug}${n}.${tld}`;
  taken.add(domain);
  return domain;
}

function venueDomainBase(kind: VenueKind, name: string, city: DemoCity, lang: DemoLang): string {
  if (kind === 'municipal') {
    return city.country === 'FR'
      ? `ville-${slug(city.name)}`
      : `${slug(city.name)}-${lang === 'fr' ? 'culture' : 'cultuur'}`;
  }
  return slug(name.replace(/\s*\(SMAC\)$/, '').replace(/^(Les |Le |La |L'|De |Club )/, ''), '');
}

export function generateVenues(ctx: GenContext, rng: Rng, count: number): VenueDraft[] {
  const { names, cities } = ctx.inputs;
  const pickCity = cityPicker(cities.cities, CITY_WEIGHT_VENUES);
  const kinds = VenueKindEnum.options;
  const kindPickers = new Map(
    (['metropolis', 'large', 'medium', 'small'] as const).map((p) => [
      p,
      weightedPicker(
        kinds,
        kinds.map((k) => VENUE_KIND_WEIGHTS[p][k]),
      ),
    ]),
  );
  const genresByKind = new Map(kinds.map((k) => [k, names.genres.filter((g) => g.venueKinds.includes(k))]));
  const takenNames = new Set<string>();
  const takenDomains = new Set<string>();
  const out: VenueDraft[] = [];

  for (let index = 0; index < count; index++) {
    const city = pickCity(rng);
    const lang = cityLang(city);
    const people = names.people[city.locale];
    const pickKind = kindPickers.get(city.population);
    const kind: VenueKind = pickKind ? pickKind(rng) : 'bar';
    const patterns = patternsFor(names.venueNames[kind], city.locale);
    const make = () =>
      fill(
        rng.pick(patterns),
        {
          firstName: rng.pick(people.firstNames),
          lastName: rng.pick(people.lastNames),
          city: city.name,
          cityOf: frenchOf(city.name),
        },
        rng,
        names.words,
      );
    let name = make();
    for (let i = 0; i < 24 && takenNames.has(`${city.name}|${name}`); i++) name = make();
    for (let n = 2; takenNames.has(`${city.name}|${name}`); n++) name = `${make()} ${n}`;
    takenNames.add(`${city.name}|${name}`);

    const { standing, seated } = capacities(rng, kind, city);
    const capacity = standing > 0 ? standing : seated;
    const size = VENUE_SIZES[kind];
    const priceFactor = city.country === 'CH' ? CHF_PRICE_FACTOR : 1;
    const budgetMaxUnits = Math.min(
      Math.max(capacity * size.perHead * rng.float(0.7, 1.3) * priceFactor, VENUE_BUDGET[0]),
      VENUE_BUDGET[1],
    );
    const budgetMax = Math.round(budgetMaxUnits / 100) * 100 * 100;
    const budgetMin = Math.max(10000, Math.round((budgetMax * rng.float(0.15, 0.35)) / 10000) * 10000);
    const genres = pickDistinct(
      rng,
      genresByKind.get(kind) ?? [],
      rng.int(size.genres[0], size.genres[1]),
    ).map((g) => g.name);
    const spread = CITY_SPREAD_KM[city.population] * (kind === 'festival' ? 1.6 : 1);
    const point = jitter(rng, city.lat, city.lon, spread);
    const domain = uniqueDomain(takenDomains, venueDomainBase(kind, name, city, lang), city);
    const tags = pickDistinct(rng, names.venueTags[kind], rng.int(1, 3));

    const createdMs = randomMs(rng, ctx.epochMs, ctx.epochMs + 45 * DAY_MS);
    const updatedMs = randomMs(rng, createdMs, ctx.nowMs - 60_000);
    const record: VenueRecord = {
      id: newId(rng, createdMs),
      createdAt: isoAt(createdMs),
      updatedAt: isoAt(updatedMs),
      deletedAt: null,
      name,
      kind,
      address: streetAddress(rng, city.country, rng.pick(names.streets[lang])),
      postalCode: rng.pick(city.postalCodes),
      city: city.name,
      country: city.country,
      lat: point.lat,
      lon: point.lon,
      capacityStanding: standing,
      capacitySeated: seated,
      genres,
      budgetMin: Math.min(budgetMin, budgetMax),
      budgetMax,
      currency: currencyOf(city.country),
      email: `${rng.pick(names.mailboxes[lang])}@${domain}`,
      phone: landline(rng, city.country, city.phoneArea),
      website: `https://www.${domain}`,
      tags,
    };
    out.push({ record, index, city, lang, capacity, domain });
  }
  return out;
}
