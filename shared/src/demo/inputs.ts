/**
 * Inputs of the demo-agency generator (resources/demo/cities.json and names.json).
 * The caller reads the JSON files and passes them to `parseDemoInputs`, which
 * validates shapes and cross-references (every `{placeholder}` must resolve).
 */
import { z } from 'zod';
import { ArtistKind, Country, DealStage, EventKind, VenueKind } from '../domain/enums';

export const DemoLocale = z.enum(['fr-FR', 'fr-BE', 'nl-BE', 'fr-CH', 'de-CH']);
export type DemoLocale = z.infer<typeof DemoLocale>;

/** Language of names, streets and venue patterns. */
export const DemoLang = z.enum(['fr', 'nl', 'de']);
export type DemoLang = z.infer<typeof DemoLang>;

export const LOCALE_COUNTRY: Record<DemoLocale, Country> = {
  'fr-FR': 'FR',
  'fr-BE': 'BE',
  'nl-BE': 'BE',
  'fr-CH': 'CH',
  'de-CH': 'CH',
};

export function langOf(locale: DemoLocale): DemoLang {
  return locale.slice(0, 2) as DemoLang;
}

export const PopulationClass = z.enum(['metropolis', 'large', 'medium', 'small']);
export type PopulationClass = z.infer<typeof PopulationClass>;

const POSTAL_RE: Record<Country, RegExp> = { FR: /^\d{5}$/, BE: /^\d{4}$/, CH: /^\d{4}$/ };

export const DemoCity = z
  .object({
    name: z.string().trim().min(1).max(120),
    country: Country,
    region: z.string().trim().min(1).max(120),
    locale: DemoLocale,
    population: PopulationClass,
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    postalCodes: z.array(z.string()).min(1).max(40),
    /** Landline area code without the trunk 0 (FR 1–5, BE 2 or 2 digits, CH 2 digits). */
    phoneArea: z.string().regex(/^[1-9]\d?$/, 'one or two digits, no leading 0'),
  })
  .superRefine((c, ctx) => {
    if (LOCALE_COUNTRY[c.locale] !== c.country) {
      ctx.addIssue({
        code: 'custom',
        path: ['locale'],
        message: `locale ${c.locale} is not used in ${c.country}`,
      });
    }
    c.postalCodes.forEach((pc, i) => {
      if (!POSTAL_RE[c.country].test(pc)) {
        ctx.addIssue({
          code: 'custom',
          path: ['postalCodes', i],
          message: `"${pc}" is not a ${c.country} postal code`,
        });
      }
    });
  });
export type DemoCity = z.infer<typeof DemoCity>;

export const DemoCities = z
  .object({ version: z.literal(1), cities: z.array(DemoCity).min(3) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.cities.forEach((c, i) => {
      const key = `${c.country}:${c.name}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['cities', i, 'name'], message: `duplicate city ${key}` });
      seen.add(key);
    });
    for (const country of Country.options) {
      if (!file.cities.some((c) => c.country === country)) {
        ctx.addIssue({ code: 'custom', path: ['cities'], message: `no city in ${country}` });
      }
    }
  });
export type DemoCities = z.infer<typeof DemoCities>;

const Word = z.string().trim().min(1).max(80);
const WordList = z.array(Word).min(1);
const Template = z.string().trim().min(1).max(300);
const TemplateList = z.array(Template).min(1);

/**
 * Patterns for one family: `any` applies everywhere; a locale list (e.g. `fr-FR`, for
 * French-only labels like "SMAC") replaces its language list (`fr`) in that locale.
 */
export const PatternSet = z.object({
  any: z.array(Template).optional(),
  fr: z.array(Template).optional(),
  nl: z.array(Template).optional(),
  de: z.array(Template).optional(),
  'fr-FR': z.array(Template).optional(),
  'fr-BE': z.array(Template).optional(),
  'nl-BE': z.array(Template).optional(),
  'fr-CH': z.array(Template).optional(),
  'de-CH': z.array(Template).optional(),
});
export type PatternSet = z.infer<typeof PatternSet>;

export const DemoGenre = z.object({
  name: z.string().trim().min(1).max(60),
  kinds: z.array(ArtistKind).min(1),
  venueKinds: z.array(VenueKind).min(1),
});
export type DemoGenre = z.infer<typeof DemoGenre>;

const PersonNames = z.object({ firstNames: WordList, lastNames: WordList });

/** Placeholders filled by the generator itself (not word lists). */
export const NAME_BUILTINS = ['firstName', 'lastName', 'city', 'cityOf'] as const;
export const BIO_VARS = [
  'name',
  'genre',
  'genreOf',
  'genre2',
  'city',
  'cityOf',
  'cityAt',
  'inCountry',
  'lineup',
  'year',
  'showCount',
];
export const NOTE_VARS = ['artist', 'venue', 'city', 'contact', 'level', 'days', 'capacity'];
/** Event-title variables always available per event kind (a rehearsal may also have a `venue`). */
export const TITLE_VARS: Record<EventKind, readonly string[]> = {
  show: ['artist', 'city', 'venue'],
  hold: ['artist', 'city', 'venue', 'level'],
  travel: ['artist', 'city', 'from', 'to'],
  day_off: ['artist', 'city'],
  promo: ['artist', 'city'],
  rehearsal: ['artist', 'city'],
};
const TITLE_OPTIONAL_VARS = ['venue'];

export const DemoNames = z
  .object({
    version: z.literal(1),
    people: z.record(DemoLocale, PersonNames),
    words: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'word-list keys are identifiers'), WordList),
    artistNames: z.record(ArtistKind, PatternSet),
    venueNames: z.record(VenueKind, PatternSet),
    genres: z.array(DemoGenre).min(4).max(31),
    /** Line-up implied by a word in an artist's name ("Trio" → 3). */
    lineupHints: z.array(
      z.object({ word: Word, min: z.number().int().min(1).max(200), max: z.number().int().min(1).max(200) }),
    ),
    streets: z.record(DemoLang, WordList),
    mailboxes: z.record(DemoLang, z.array(z.string().regex(/^[a-z][a-z0-9.-]*$/)).min(1)),
    freemailDomains: z.record(Country, z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).min(1)),
    agencyNames: WordList,
    companies: z.object({ press: WordList, production: WordList, agency: WordList }),
    venueTags: z.record(VenueKind, WordList),
    contactTags: WordList,
    bios: z.object({
      intro: TemplateList,
      solo: TemplateList,
      band: TemplateList,
      dj: TemplateList,
      ensemble: TemplateList,
    }),
    dealNotes: z.record(DealStage, TemplateList),
    eventTitles: z.record(EventKind, TemplateList),
  })
  .superRefine((n, ctx) => {
    const wordKeys = new Set(Object.keys(n.words));
    const checkTemplates = (
      path: (string | number)[],
      list: readonly string[],
      allowed: (k: string) => boolean,
    ) => {
      list.forEach((t, i) => {
        for (const key of placeholders(t)) {
          if (!allowed(key)) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, i],
              message: `unknown placeholder {${key}} in "${t}"`,
            });
          }
        }
      });
    };
    const isNamePart = (k: string) => wordKeys.has(k) || (NAME_BUILTINS as readonly string[]).includes(k);
    const checkPatternSets = (family: 'artistNames' | 'venueNames', sets: Record<string, PatternSet>) => {
      for (const [kind, set] of Object.entries(sets)) {
        for (const list of ['any', ...DemoLang.options, ...DemoLocale.options] as const) {
          checkTemplates([family, kind, list], set[list] ?? [], isNamePart);
        }
        for (const locale of DemoLocale.options) {
          const own = set[locale] ?? set[langOf(locale)] ?? [];
          if ((set.any?.length ?? 0) + own.length === 0) {
            ctx.addIssue({
              code: 'custom',
              path: [family, kind],
              message: `no pattern for locale "${locale}"`,
            });
          }
        }
      }
    };
    checkPatternSets('artistNames', n.artistNames);
    checkPatternSets('venueNames', n.venueNames);
    for (const [kind, list] of Object.entries(n.bios))
      checkTemplates(['bios', kind], list, (k) => BIO_VARS.includes(k));
    for (const [stage, list] of Object.entries(n.dealNotes)) {
      checkTemplates(['dealNotes', stage], list, (k) => NOTE_VARS.includes(k));
    }
    for (const kind of EventKind.options) {
      const always = TITLE_VARS[kind];
      const list = n.eventTitles[kind];
      checkTemplates(
        ['eventTitles', kind],
        list,
        (k) => always.includes(k) || TITLE_OPTIONAL_VARS.includes(k),
      );
      if (!list.some((t) => placeholders(t).every((k) => always.includes(k)))) {
        ctx.addIssue({
          code: 'custom',
          path: ['eventTitles', kind],
          message: `needs at least one title using only {${always.join('}, {')}}`,
        });
      }
    }
    for (const kind of ArtistKind.options) {
      if (!n.genres.some((g) => g.kinds.includes(kind))) {
        ctx.addIssue({ code: 'custom', path: ['genres'], message: `no genre for artist kind "${kind}"` });
      }
    }
    for (const kind of VenueKind.options) {
      if (!n.genres.some((g) => g.venueKinds.includes(kind))) {
        ctx.addIssue({ code: 'custom', path: ['genres'], message: `no genre for venue kind "${kind}"` });
      }
    }
  });
export type DemoNames = z.infer<typeof DemoNames>;

export const DemoInputs = z.object({ cities: DemoCities, names: DemoNames });
export type DemoInputs = z.infer<typeof DemoInputs>;

const PLACEHOLDER_RE = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** The `{placeholder}` keys a template uses, in order. */
export function placeholders(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER_RE), (m) => m[1] as string);
}

export class DemoInputError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(`invalid demo inputs:\n  ${issues.join('\n  ')}`);
    this.name = 'DemoInputError';
    this.issues = issues;
  }
}

function describe(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${file}: ${path}: ${issue.message}`;
  });
}

/** Validate the two JSON inputs; throws `DemoInputError` listing every problem with its path. */
export function parseDemoInputs(citiesJson: unknown, namesJson: unknown): DemoInputs {
  const cities = DemoCities.safeParse(citiesJson);
  const names = DemoNames.safeParse(namesJson);
  const issues = [
    ...(cities.success ? [] : describe('cities.json', cities.error)),
    ...(names.success ? [] : describe('names.json', names.error)),
  ];
  if (!cities.success || !names.success) throw new DemoInputError(issues);
  return { cities: cities.data, names: names.data };
}
