/** Pure i18n: language detection, lookup, `{placeholder}` interpolation and plurals. */
import { en, type MessageKey, type Messages } from './en';
import { fr } from './fr';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const DICTIONARIES: Readonly<Record<Lang, Messages>> = { fr, en };
/** Formatting locales: French as in France, English with European conventions. */
export const LOCALES: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB' };
export const LANG_STORAGE_KEY = 'flowstage.lang';

export type Vars = Readonly<Record<string, string | number>>;

/** Bases `b` for which both `b.one` and `b.other` exist. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
}[MessageKey];

export interface Translator {
  lang: Lang;
  /** BCP 47 locale used by Intl formatting. */
  locale: string;
  t(key: MessageKey, vars?: Vars): string;
  plural(base: PluralBase, count: number, vars?: Vars): string;
}

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

/** A stored choice wins; otherwise French when the browser's language starts with "fr", else English. */
export function detectLang(stored: string | null, browserLanguages: readonly string[]): Lang {
  if (isLang(stored)) return stored;
  const first = browserLanguages[0] ?? '';
  return first.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function interpolate(template: string, vars: Vars | undefined, locale: string): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

export function createTranslator(lang: Lang): Translator {
  const messages = DICTIONARIES[lang];
  const locale = LOCALES[lang];
  const rules = new Intl.PluralRules(locale);
  const t = (key: MessageKey, vars?: Vars): string => interpolate(messages[key], vars, locale);
  return {
    lang,
    locale,
    t,
    plural(base, count, vars) {
      const key: MessageKey = rules.select(count) === 'one' ? `${base}.one` : `${base}.other`;
      return t(key, { count, ...vars });
    },
  };
}
