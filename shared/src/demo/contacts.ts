/**
 * People the agency works with: mostly venue staff (programmers, promoters, production
 * managers…) with an address at the venue's domain, plus tour managers, press and
 * partner agents who are not tied to a venue.
 */
import type { ContactRole, Country, VenueKind } from '../domain/enums';
import type { ContactRecord } from '../domain/records';
import { cityPicker, type GenContext, newId, pickDistinct, randomMs } from './context';
import type { DemoCity } from './inputs';
import { type Rng, weightedPicker } from './prng';
import { CITY_WEIGHT_VENUES } from './tables';
import { COUNTRY_TLD, emailLocal, landline, mobile, slug } from './text';
import { DAY_MS, isoAt } from './time';
import type { VenueDraft } from './venues';

export interface ContactDraft {
  record: ContactRecord;
  venue: VenueDraft | null;
}

/** Share of contacts who work for a venue. */
const LINKED_SHARE = 0.85;

const VENUE_ROLES: Record<VenueKind, Partial<Record<ContactRole, number>>> = {
  club: { promoter: 35, programmer: 30, venue_manager: 20, production: 15 },
  concert_hall: { programmer: 35, production: 30, venue_manager: 15, press: 10, promoter: 10 },
  bar: { venue_manager: 60, programmer: 25, promoter: 15 },
  theatre: { programmer: 40, production: 30, venue_manager: 20, press: 10 },
  festival: { programmer: 35, promoter: 25, production: 30, press: 10 },
  private: { promoter: 50, venue_manager: 50 },
  municipal: { programmer: 50, venue_manager: 40, production: 10 },
};
const FREE_ROLES: Partial<Record<ContactRole, number>> = {
  tour_manager: 35,
  press: 25,
  agent: 25,
  promoter: 15,
};

function rolePicker(weights: Partial<Record<ContactRole, number>>): (rng: Rng) => ContactRole {
  const roles = Object.keys(weights) as ContactRole[];
  return weightedPicker(
    roles,
    roles.map((r) => weights[r] ?? 0),
  );
}

export function generateContacts(ctx: GenContext, rng: Rng, count: number, venues: readonly VenueDraft[]) {
  const { names, cities } = ctx.inputs;
  const pickCity = cityPicker(cities.cities, CITY_WEIGHT_VENUES);
  const venueRole = new Map(
    (Object.keys(VENUE_ROLES) as VenueKind[]).map((k) => [k, rolePicker(VENUE_ROLES[k])] as const),
  );
  const freeRole = rolePicker(FREE_ROLES);
  // Bigger venues have more staff.
  const pickVenue =
    venues.length > 0
      ? weightedPicker(
          venues,
          venues.map((v) => 1 + Math.min(v.capacity, 5000) / 400),
        )
      : null;
  const linkedCount = venues.length > 0 ? Math.round(count * LINKED_SHARE) : 0;
  const takenEmails = new Set<string>();
  const out: ContactDraft[] = [];

  const uniqueEmail = (first: string, last: string, domain: string) => {
    const local = emailLocal(first, last);
    let email = `${local}@${domain}`;
    if (takenEmails.has(email)) email = `${slug(first, '').charAt(0)}.${slug(last, '')}@${domain}`;
    for (let n = 2; takenEmails.has(email); n++) email = `${local}${n}@${domain}`;
    takenEmails.add(email);
    return email;
  };

  for (let i = 0; i < count; i++) {
    // Every venue gets one contact first, then the rest go to venues by size.
    const venue = i < linkedCount ? (i < venues.length ? venues[i] : pickVenue?.(rng)) : undefined;
    const city: DemoCity = venue ? venue.city : pickCity(rng);
    const country: Country = city.country;
    const people = names.people[city.locale];
    const firstName = rng.pick(people.firstNames);
    const lastName = rng.pick(people.lastNames);

    let role: ContactRole;
    let company: string;
    let email: string;
    let phone: string;
    if (venue) {
      role = venueRole.get(venue.record.kind)?.(rng) ?? 'programmer';
      company = venue.record.name;
      email = uniqueEmail(firstName, lastName, venue.domain);
      phone = rng.chance(0.8) ? mobile(rng, country) : landline(rng, country, city.phoneArea);
    } else {
      role = freeRole(rng);
      if (role === 'tour_manager') {
        company = 'Indépendant';
        email = uniqueEmail(firstName, lastName, rng.pick(names.freemailDomains[country]));
      } else {
        company = rng.pick(
          role === 'press'
            ? names.companies.press
            : role === 'agent'
              ? names.companies.agency
              : names.companies.production,
        );
        email = uniqueEmail(firstName, lastName, `${slug(company, '')}.${COUNTRY_TLD[country]}`);
      }
      phone = mobile(rng, country);
    }

    const createdMs = randomMs(rng, ctx.epochMs, ctx.epochMs + 60 * DAY_MS);
    const updatedMs = randomMs(rng, createdMs, ctx.nowMs - 60_000);
    const record: ContactRecord = {
      id: newId(rng, createdMs),
      createdAt: isoAt(createdMs),
      updatedAt: isoAt(updatedMs),
      deletedAt: null,
      firstName,
      lastName,
      role,
      company,
      email,
      phone,
      venueId: venue ? venue.record.id : null,
      city: city.name,
      country,
      tags: pickDistinct(rng, names.contactTags, rng.weighted([0, 1, 2], [40, 40, 20])),
    };
    out.push({ record, venue: venue ?? null });
  }
  return out;
}
