/**
 * The artist editor's form model, without React: record → form values, validation
 * with field errors, and the minimal `artist.update` patch (only changed fields, so
 * concurrent edits of other fields on other devices merge untouched).
 */
import type { ArtistKind, ArtistPatch, ArtistRecord, Country, Currency } from '@flowstage/shared';
import { type MediaLink, MediaLink as MediaLinkSchema } from '@flowstage/shared/domain/records';
import { ArtistPatch as ArtistPatchSchema } from '@flowstage/shared/rpc/contract';
import type { MessageKey } from '../i18n/en';
import type { Vars } from '../i18n/translate';
import { minorToInput, type ParseAmountError, parseMajorToMinor } from '../lib/money';

export interface ArtistFormValues {
  name: string;
  kind: ArtistKind;
  /** Comma-separated. */
  genres: string;
  /** Major units as typed. */
  feeMin: string;
  feeMax: string;
  currency: Currency;
  draw: string;
  homeCity: string;
  homeCountry: Country;
  lineupSize: string;
  /** '' = no agent assigned. */
  agentId: string;
  radiusKm: string;
  radiusDaysBefore: string;
  radiusDaysAfter: string;
  bio: string;
  technicalRider: string;
  /** One link a line: "label | https://…" or just the URL. */
  mediaLinks: string;
}

export type ArtistField = keyof ArtistFormValues;
export const ARTIST_FIELDS: readonly ArtistField[] = [
  'name',
  'kind',
  'genres',
  'feeMin',
  'feeMax',
  'currency',
  'draw',
  'homeCity',
  'homeCountry',
  'lineupSize',
  'agentId',
  'radiusKm',
  'radiusDaysBefore',
  'radiusDaysAfter',
  'bio',
  'technicalRider',
  'mediaLinks',
];

export interface FieldError {
  key: MessageKey;
  vars?: Vars;
}
export type ArtistFormErrors = Partial<Record<ArtistField, FieldError>>;
export type ArtistFormResult = { ok: true; patch: ArtistPatch } | { ok: false; errors: ArtistFormErrors };

const MAX_NAME = 200;
const MAX_CITY = 120;
const MAX_GENRE = 60;
const MAX_GENRES = 20;
const MAX_DRAW = 1_000_000;
const MAX_TEXT = 20_000;
const MAX_LINKS = 30;

export function toFormValues(record: ArtistRecord, locale: string): ArtistFormValues {
  return {
    name: record.name,
    kind: record.kind,
    genres: record.genres.join(', '),
    feeMin: minorToInput(record.feeMin, record.currency, locale),
    feeMax: minorToInput(record.feeMax, record.currency, locale),
    currency: record.currency,
    draw: String(record.draw),
    homeCity: record.homeCity,
    homeCountry: record.homeCountry,
    lineupSize: String(record.lineupSize),
    agentId: record.agentId ?? '',
    radiusKm: String(record.radiusKm),
    radiusDaysBefore: String(record.radiusDaysBefore),
    radiusDaysAfter: String(record.radiusDaysAfter),
    bio: record.bio,
    technicalRider: record.technicalRider ?? '',
    mediaLinks: formatMediaLinks(record.mediaLinks ?? []),
  };
}

export function formatMediaLinks(links: readonly MediaLink[]): string {
  return links.map((l) => (l.label ? `${l.label} | ${l.url}` : l.url)).join('\n');
}

export type MediaLinksResult = { ok: true; links: MediaLink[] } | { ok: false; error: FieldError };

/** "Live at Fip | https://…" lines → links; blank lines skipped; only http(s) URLs. */
export function parseMediaLinks(text: string): MediaLinksResult {
  const links: MediaLink[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    const bar = line.lastIndexOf('|');
    const label = bar >= 0 ? line.slice(0, bar).trim() : '';
    const url = (bar >= 0 ? line.slice(bar + 1) : line).trim();
    const parsed = MediaLinkSchema.safeParse({ label, url });
    if (!parsed.success) return { ok: false, error: { key: 'validation.url', vars: { line: index + 1 } } };
    links.push(parsed.data);
  }
  if (links.length > MAX_LINKS)
    return { ok: false, error: { key: 'validation.tooManyLinks', vars: { max: MAX_LINKS } } };
  return { ok: true, links };
}

function parseWhole(
  text: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; error: FieldError } {
  const cleaned = text.replace(/[\s\u00a0\u202f'’.,]/g, '');
  if (cleaned === '') return { ok: false, error: { key: 'validation.required' } };
  if (!/^\d+$/.test(cleaned)) return { ok: false, error: { key: 'validation.integer' } };
  const value = Number(cleaned);
  if (value < min || value > max)
    return { ok: false, error: { key: 'validation.range', vars: { min, max } } };
  return { ok: true, value };
}

/** "Jazz, soul ,, Jazz" → ["Jazz", "soul"]: trimmed, empty and duplicate (case-insensitive) entries dropped. */
export function parseGenres(text: string): string[] {
  const seen = new Set<string>();
  const genres: string[] = [];
  for (const part of text.split(',')) {
    const genre = part.trim().replace(/\s+/g, ' ');
    const key = genre.toLocaleLowerCase();
    if (genre === '' || seen.has(key)) continue;
    seen.add(key);
    genres.push(genre);
  }
  return genres;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

const AMOUNT_ERRORS: Readonly<Record<ParseAmountError, MessageKey>> = {
  empty: 'validation.required',
  invalid: 'validation.amount',
  too_many_decimals: 'validation.amountDecimals',
  too_large: 'validation.amountTooLarge',
};

export function validateArtistForm(
  values: ArtistFormValues,
  original: ArtistRecord,
  locale: string,
): ArtistFormResult {
  const errors: ArtistFormErrors = {};
  const patch: ArtistPatch = {};

  const name = values.name.trim();
  if (name === '') errors.name = { key: 'validation.required' };
  else if (name.length > MAX_NAME) errors.name = { key: 'validation.tooLong', vars: { max: MAX_NAME } };
  else if (name !== original.name) patch.name = name;

  if (values.kind !== original.kind) patch.kind = values.kind;
  if (values.currency !== original.currency) patch.currency = values.currency;
  if (values.homeCountry !== original.homeCountry) patch.homeCountry = values.homeCountry;

  const genres = parseGenres(values.genres);
  if (genres.length > MAX_GENRES) errors.genres = { key: 'validation.tooManyGenres' };
  else if (genres.some((g) => g.length > MAX_GENRE)) errors.genres = { key: 'validation.genreTooLong' };
  else if (!sameList(genres, original.genres)) patch.genres = genres;

  const feeMin = parseMajorToMinor(values.feeMin, values.currency, locale);
  const feeMax = parseMajorToMinor(values.feeMax, values.currency, locale);
  if (!feeMin.ok) errors.feeMin = { key: AMOUNT_ERRORS[feeMin.error] };
  if (!feeMax.ok) errors.feeMax = { key: AMOUNT_ERRORS[feeMax.error] };
  if (feeMin.ok && feeMax.ok) {
    if (feeMin.minor > feeMax.minor) errors.feeMax = { key: 'validation.feeOrder' };
    if (feeMin.minor !== original.feeMin) patch.feeMin = feeMin.minor;
    if (feeMax.minor !== original.feeMax) patch.feeMax = feeMax.minor;
  }

  const drawText = values.draw.replace(/[\s\u00a0\u202f'’.,]/g, '');
  if (drawText === '') errors.draw = { key: 'validation.required' };
  else if (!/^\d+$/.test(drawText)) errors.draw = { key: 'validation.integer' };
  else {
    const draw = Number(drawText);
    if (draw > MAX_DRAW) errors.draw = { key: 'validation.range', vars: { min: 0, max: MAX_DRAW } };
    else if (draw !== original.draw) patch.draw = draw;
  }

  const homeCity = values.homeCity.trim();
  if (homeCity.length > MAX_CITY) errors.homeCity = { key: 'validation.tooLong', vars: { max: MAX_CITY } };
  else if (homeCity !== original.homeCity) patch.homeCity = homeCity;

  const wholes = [
    ['lineupSize', 1, 200],
    ['radiusKm', 0, 2000],
    ['radiusDaysBefore', 0, 365],
    ['radiusDaysAfter', 0, 365],
  ] as const;
  for (const [field, min, max] of wholes) {
    const parsed = parseWhole(values[field], min, max);
    if (!parsed.ok) errors[field] = parsed.error;
    else if (parsed.value !== original[field]) patch[field] = parsed.value;
  }

  const agentId = values.agentId.trim();
  if (agentId.length > 64) errors.agentId = { key: 'validation.tooLong', vars: { max: 64 } };
  else if ((agentId || null) !== original.agentId) patch.agentId = agentId || null;

  for (const field of ['bio', 'technicalRider'] as const) {
    const text = values[field].replace(/\s+$/, '');
    if (text.length > MAX_TEXT) errors[field] = { key: 'validation.tooLong', vars: { max: MAX_TEXT } };
    else if (text !== (original[field] ?? '')) patch[field] = text;
  }

  const links = parseMediaLinks(values.mediaLinks);
  if (!links.ok) errors.mediaLinks = links.error;
  else if (formatMediaLinks(links.links) !== formatMediaLinks(original.mediaLinks ?? []))
    patch.mediaLinks = links.links;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Last guard: the contract's own schema (the core validates the same way).
  const checked = ArtistPatchSchema.safeParse(patch);
  if (!checked.success) return { ok: false, errors: errorsFromIssues(checked.error.issues) };
  return { ok: true, patch: checked.data };
}

function isArtistField(value: unknown): value is ArtistField {
  return typeof value === 'string' && (ARTIST_FIELDS as readonly string[]).includes(value);
}

/** Field errors from zod issues (an `invalid_params` error's details, paths like ["patch", "feeMin"]). */
export function errorsFromIssues(issues: unknown): ArtistFormErrors {
  const errors: ArtistFormErrors = {};
  if (!Array.isArray(issues)) return errors;
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null || !('path' in issue) || !Array.isArray(issue.path))
      continue;
    const path: readonly unknown[] = issue.path;
    const field = path.find(isArtistField);
    if (field && !errors[field]) errors[field] = { key: 'validation.invalid' };
  }
  return errors;
}
