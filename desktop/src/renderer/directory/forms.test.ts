import { describe, expect, it } from 'vitest';
import { contactPatch, parseTags, venuePatch } from './forms';
import { dirMessages } from './messages';

const venue = {
  name: ' La Cigale ',
  kind: 'concert_hall',
  address: '120 bd de Rochechouart',
  postalCode: '75018',
  city: 'Paris',
  country: 'FR',
  capacityStanding: '1 389',
  capacitySeated: '0',
  email: 'prog@lacigale.fr',
  phone: '',
  website: '',
  tags: 'rock, Rock , salle mythique,',
};

describe('directory forms', () => {
  it('builds a venue patch validated with the shared schema', () => {
    expect(venuePatch(venue)).toEqual({
      patch: expect.objectContaining({
        name: 'La Cigale',
        capacityStanding: 1389,
        tags: ['rock', 'salle mythique'],
      }),
    });
    expect(venuePatch({ ...venue, name: ' ', capacitySeated: '-3', email: 'nope' })).toEqual({
      errors: { name: 'error.required', capacitySeated: 'error.number', email: 'error.email' },
    });
  });

  it('builds a contact patch and needs a name', () => {
    const c = {
      firstName: 'Zoé',
      lastName: '',
      role: 'programmer',
      company: '',
      email: '',
      phone: '',
      city: '',
      country: 'BE',
      tags: '',
    };
    expect('patch' in contactPatch(c)).toBe(true);
    expect(contactPatch({ ...c, firstName: '' })).toEqual({ errors: { lastName: 'error.required' } });
    expect(parseTags(' a, ,b,A ')).toEqual(['a', 'b']);
  });

  it('has every message in French and English', () => {
    expect(Object.keys(dirMessages.fr).sort()).toEqual(Object.keys(dirMessages.en).sort());
  });
});
