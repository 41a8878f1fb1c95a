/** Text helpers of the demo generator: templates, French elision, slugs, phones, addresses. */
import type { Country } from '../domain/enums';
import { type DemoLocale, langOf, type PatternSet } from './inputs';
import type { Rng } from './prng';

const PLACEHOLDER_RE = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/**
 * Fill `{key}` placeholders: from `vars` first, else a random entry of the word list
 * of that name. Unknown keys are left as they are (inputs are validated beforehand).
 */
export function fill(
  template: string,
  vars: Readonly<Record<string, string>>,
  rng: Rng,
  words: Readonly<Record<string, readonly string[]>> = {},
): string {
  return template.replace(PLACEHOLDER_RE, (whole, key: string) => {
    const v = vars[key];
    if (v !== undefined) return v;
    const list = words[key];
    return list && list.length > 0 ? rng.pick(list) : whole;
  });
}

/** The patterns that apply in a locale: `any`, plus the locale's own list or else its language's. */
export function patternsFor(set: PatternSet, locale: DemoLocale): string[] {
  return [...(set.any ?? []), ...(set[locale] ?? set[langOf(locale)] ?? [])];
}

const keysCache = new Map<string, readonly string[]>();

function templateKeys(template: string): readonly string[] {
  let keys = keysCache.get(template);
  if (!keys) {
    keys = Array.from(template.matchAll(PLACEHOLDER_RE), (m) => m[1] as string);
    if (keysCache.size < 10_000) keysCache.set(template, keys);
  }
  return keys;
}

/** Templates whose placeholders are all provided by `vars`. */
export function usableTemplates(
  templates: readonly string[],
  vars: Readonly<Record<string, string>>,
): string[] {
  return templates.filter((t) => templateKeys(t).every((k) => vars[k] !== undefined));
}

const VOWEL_START = /^[aeiouyàâäéèêëîïôöûüœ]/i;

/** French "de" + noun with elision and contraction: de Lyon, d'Angers, du Mans, des Sables. */
export function frenchOf(noun: string): string {
  if (noun.startsWith('Le ')) return `du ${noun.slice(3)}`;
  if (noun.startsWith('Les ')) return `des ${noun.slice(4)}`;
  if (VOWEL_START.test(noun)) return `d'${noun}`;
  return `de ${noun}`;
}

/** French "à" + place with contraction: à Lyon, au Mans, aux Sables-d'Olonne. */
export function frenchAt(place: string): string {
  if (place.startsWith('Le ')) return `au ${place.slice(3)}`;
  if (place.startsWith('Les ')) return `aux ${place.slice(4)}`;
  return `à ${place}`;
}

/** French "en France / en Belgique / en Suisse". */
export const IN_COUNTRY: Record<Country, string> = { FR: 'en France', BE: 'en Belgique', CH: 'en Suisse' };

/** Lowercase ASCII: accents removed, German umlauts spelt out (ü → ue). */
export function ascii(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** ASCII slug: words joined by `sep`, only [a-z0-9]. */
export function slug(s: string, sep = '-'): string {
  return ascii(s)
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .join(sep);
}

/** Email local part "prenom.nom" (compound names glued: Le Gall → legall). */
export function emailLocal(firstName: string, lastName: string): string {
  return `${slug(firstName, '')}.${slug(lastName, '')}`;
}

export const COUNTRY_TLD: Record<Country, string> = { FR: 'fr', BE: 'be', CH: 'ch' };

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

function groups(s: string, sizes: readonly number[]): string {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(s.slice(i, i + n));
    i += n;
  }
  return out.join(' ');
}

/**
 * A landline in international format for the city's area code:
 * FR +33 A BB BB BB BB; BE +32 2 XXX XX XX or +32 AB XX XX XX; CH +41 AB XXX XX XX.
 */
export function landline(rng: Rng, country: Country, area: string): string {
  switch (country) {
    case 'FR':
      return `+33 ${area} ${groups(digits(rng, 8), [2, 2, 2, 2])}`;
    case 'BE':
      return area.length === 1
        ? `+32 ${area} ${groups(String(rng.int(2, 9)) + digits(rng, 6), [3, 2, 2])}`
        : `+32 ${area} ${groups(String(rng.int(2, 9)) + digits(rng, 5), [2, 2, 2])}`;
    case 'CH':
      return `+41 ${area} ${groups(String(rng.int(2, 9)) + digits(rng, 6), [3, 2, 2])}`;
  }
}

/** A mobile number: FR +33 6/7 …, BE +32 47x–49x …, CH +41 76–79 …. */
export function mobile(rng: Rng, country: Country): string {
  switch (country) {
    case 'FR':
      return `+33 ${rng.pick(['6', '7'])} ${groups(digits(rng, 8), [2, 2, 2, 2])}`;
    case 'BE':
      return `+32 4${rng.int(7, 9)}${rng.int(0, 9)} ${groups(digits(rng, 6), [2, 2, 2])}`;
    case 'CH':
      return `+41 7${rng.int(6, 9)} ${groups(digits(rng, 7), [3, 2, 2])}`;
  }
}

/**
 * A street address in the local style: France "12 rue Victor Hugo"; Belgium and
 * Switzerland put the number after the street, capitalised ("Rue du Marché 12").
 */
export function streetAddress(rng: Rng, country: Country, street: string): string {
  const n = rng.chance(0.85) ? rng.int(1, 120) : rng.int(121, 320);
  if (country === 'FR') return `${n} ${street}`;
  return `${street.charAt(0).toUpperCase()}${street.slice(1)} ${n}`;
}
