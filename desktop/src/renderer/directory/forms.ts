/** Detail-page forms: strings in, a validated patch (shared zod schemas) or per-field errors out. */
import {
  CONTACT_FIELDS,
  type ContactPatch,
  ContactRecord,
  VENUE_FIELDS,
  type VenuePatch,
  VenueRecord,
} from '@flowstage/shared';

export { CONTACT_FIELDS, VENUE_FIELDS };
import { z } from 'zod';
import type { DirKey } from './messages';

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, DirKey>;

export function parseTags(s: string): string[] {
  const seen = new Set<string>();
  return s
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '' && !seen.has(t.toLocaleLowerCase('fr')) && seen.add(t.toLocaleLowerCase('fr')));
}

export function venueValues(v: VenueRecord): FormValues {
  return {
    name: v.name,
    kind: v.kind,
    address: v.address,
    postalCode: v.postalCode,
    city: v.city,
    country: v.country,
    capacityStanding: String(v.capacityStanding),
    capacitySeated: String(v.capacitySeated),
    email: v.email,
    phone: v.phone,
    website: v.website,
    tags: v.tags.join(', '),
  };
}

export function contactValues(c: ContactRecord): FormValues {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    role: c.role,
    company: c.company,
    email: c.email,
    phone: c.phone,
    city: c.city,
    country: c.country,
    tags: c.tags.join(', '),
  };
}

const Email = z.email();

function intOrError(s: string, field: string, errors: FormErrors): number {
  const t = s.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(t)) {
    errors[field] = 'error.number';
    return 0;
  }
  return Number(t);
}

function checkEmail(v: FormValues, errors: FormErrors): void {
  const e = (v.email ?? '').trim();
  if (e !== '' && !Email.safeParse(e).success) errors.email = 'error.email';
}

export function venuePatch(v: FormValues): { patch: VenuePatch } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const patch = {
    name: (v.name ?? '').trim(),
    kind: v.kind,
    address: (v.address ?? '').trim(),
    postalCode: (v.postalCode ?? '').trim(),
    city: (v.city ?? '').trim(),
    country: v.country,
    capacityStanding: intOrError(v.capacityStanding ?? '', 'capacityStanding', errors),
    capacitySeated: intOrError(v.capacitySeated ?? '', 'capacitySeated', errors),
    email: (v.email ?? '').trim(),
    phone: (v.phone ?? '').trim(),
    website: (v.website ?? '').trim(),
    tags: parseTags(v.tags ?? ''),
  };
  checkEmail(v, errors);
  const parsed = VenueRecord.pick(
    Object.fromEntries(VENUE_FIELDS.map((f) => [f, true])) as Record<(typeof VENUE_FIELDS)[number], true>,
  ).safeParse(patch);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const f = String(issue.path[0]);
      errors[f] ??= f === 'name' ? 'error.required' : 'error.number';
    }
  }
  return Object.keys(errors).length > 0 || !parsed.success ? { errors } : { patch: parsed.data };
}

export function contactPatch(v: FormValues): { patch: ContactPatch } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const patch = {
    firstName: (v.firstName ?? '').trim(),
    lastName: (v.lastName ?? '').trim(),
    role: v.role,
    company: (v.company ?? '').trim(),
    email: (v.email ?? '').trim(),
    phone: (v.phone ?? '').trim(),
    city: (v.city ?? '').trim(),
    country: v.country,
    tags: parseTags(v.tags ?? ''),
  };
  checkEmail(v, errors);
  if (!patch.firstName && !patch.lastName) errors.lastName = 'error.required';
  const parsed = ContactRecord.pick(
    Object.fromEntries(CONTACT_FIELDS.map((f) => [f, true])) as Record<(typeof CONTACT_FIELDS)[number], true>,
  ).safeParse(patch);
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= 'error.required';
  return Object.keys(errors).length > 0 || !parsed.success ? { errors } : { patch: parsed.data };
}
