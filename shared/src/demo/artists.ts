/** The agency's roster: artists with a level (local → headliner) that drives fees and draw. */
import type { ArtistKind } from '../domain/enums';
import { ArtistKind as ArtistKindEnum } from '../domain/enums';
import type { ArtistRecord } from '../domain/records';
import {
  cityPicker,
  currencyOf,
  type GenContext,
  newId,
  pickDistinct,
  randomMs,
  roundFeeMinor,
} from './context';
import { jitter } from './geo';
import type { DemoCity, DemoGenre } from './inputs';
import { type Rng, weightedPicker } from './prng';
import {
  ABSOLUTE_FEE,
  ARTIST_KIND_WEIGHTS,
  ARTIST_LEVELS,
  type ArtistLevel,
  CITY_WEIGHT_ARTISTS,
  COMMISSION_BPS,
  KIND_PROFILE,
  LEVELS,
} from './tables';
import { DAY_MS, isoAt } from './time';
import { fill, frenchAt, frenchOf, IN_COUNTRY, patternsFor, usableTemplates } from './text';

export interface ArtistDraft {
  record: ArtistRecord;
  index: number;
  level: ArtistLevel;
  city: DemoCity;
  /** The agency's usual commission on this artist's dates. */
  commissionBps: number;
}

function uniqueName(taken: Set<string>, make: () => string, city: DemoCity): string {
  for (let i = 0; i < 24; i++) {
    const name = make();
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  let name = `${make()} (${city.name})`;
  for (let n = 2; taken.has(name); n++) name = `${make()} ${n}`;
  taken.add(name);
  return name;
}

export function generateArtists(ctx: GenContext, rng: Rng, count: number): ArtistDraft[] {
  const { names, cities } = ctx.inputs;
  const pickCity = cityPicker(cities.cities, CITY_WEIGHT_ARTISTS);
  const kinds = ArtistKindEnum.options;
  const pickKind = weightedPicker(
    kinds,
    kinds.map((k) => ARTIST_KIND_WEIGHTS[k]),
  );
  const pickLevel = weightedPicker(
    ARTIST_LEVELS,
    ARTIST_LEVELS.map((l) => LEVELS[l].weight),
  );
  const genresByKind = new Map<ArtistKind, DemoGenre[]>(
    kinds.map((k) => [k, names.genres.filter((g) => g.kinds.includes(k))]),
  );
  const taken = new Set<string>();
  const year = new Date(ctx.nowMs).getUTCFullYear();
  const out: ArtistDraft[] = [];

  for (let index = 0; index < count; index++) {
    const city = pickCity(rng);
    const people = names.people[city.locale];
    const kind = pickKind(rng);
    const level = pickLevel(rng);
    const profile = LEVELS[level];
    const kindProfile = KIND_PROFILE[kind];

    const pool = genresByKind.get(kind) ?? [];
    const genres = pickDistinct(rng, pool, rng.weighted([1, 2, 3], [40, 40, 20])).map((g) => g.name);
    const patterns = patternsFor(names.artistNames[kind], city.locale);
    const name = uniqueName(
      taken,
      () =>
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
        ),
      city,
    );

    const [feeLo, feeHi] = profile.fee;
    const base = rng.float(feeLo, feeLo + (feeHi - feeLo) * 0.45) * kindProfile.feeFactor;
    const feeMinUnits = Math.min(Math.max(base, ABSOLUTE_FEE[0]), ABSOLUTE_FEE[1]);
    const feeMaxUnits = Math.min(
      Math.max(feeMinUnits * rng.float(1.4, 2.2), feeLo),
      feeHi * kindProfile.feeFactor,
    );
    const feeMin = roundFeeMinor(feeMinUnits);
    const feeMax = Math.max(feeMin, Math.min(roundFeeMinor(feeMaxUnits), ABSOLUTE_FEE[1] * 100));
    const hint = names.lineupHints.find((h) => ` ${name} `.includes(` ${h.word} `));
    const lineupSize = hint
      ? rng.int(Math.min(hint.min, hint.max), Math.max(hint.min, hint.max))
      : rng.int(kindProfile.lineup[0], kindProfile.lineup[1]);
    const draw = Math.round(rng.int(profile.draw[0], profile.draw[1]) / 10) * 10;
    const home = jitter(rng, city.lat, city.lon, 3);

    const genre = genres[0] ?? 'pop';
    const bioVars: Record<string, string> = {
      name,
      genre,
      genreOf: frenchOf(genre),
      city: city.name,
      cityOf: frenchOf(city.name),
      cityAt: frenchAt(city.name),
      inCountry: IN_COUNTRY[city.country],
      lineup: String(lineupSize),
      year: String(year - rng.int(2, 15)),
      showCount: String(Math.round(rng.int(profile.showCount[0], profile.showCount[1]) / 10) * 10),
    };
    // Templates naming a second genre apply only to artists who have one.
    if (genres[1]) bioVars.genre2 = genres[1];
    const bio = [
      fill(rng.pick(usableTemplates(names.bios.intro, bioVars)), bioVars, rng),
      fill(rng.pick(usableTemplates(names.bios[kind], bioVars)), bioVars, rng),
    ].join(' ');

    const createdMs = randomMs(rng, ctx.epochMs, ctx.epochMs + 30 * DAY_MS);
    const updatedMs = randomMs(rng, createdMs, ctx.nowMs - 60_000);
    const record: ArtistRecord = {
      id: newId(rng, createdMs),
      createdAt: isoAt(createdMs),
      updatedAt: isoAt(updatedMs),
      deletedAt: null,
      name,
      kind,
      genres,
      lineupSize,
      feeMin,
      feeMax,
      currency: currencyOf(city.country),
      draw,
      homeCity: city.name,
      homeCountry: city.country,
      lat: home.lat,
      lon: home.lon,
      agentId: null,
      radiusKm: profile.radiusKm,
      radiusDaysBefore: profile.radiusDaysBefore,
      radiusDaysAfter: profile.radiusDaysAfter,
      bio,
    };
    out.push({ record, index, level, city, commissionBps: rng.pick(COMMISSION_BPS) });
  }
  return out;
}
