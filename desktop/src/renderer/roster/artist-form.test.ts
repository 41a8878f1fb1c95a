import type { ArtistRecord } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import {
  errorsFromIssues,
  formatMediaLinks,
  parseGenres,
  parseMediaLinks,
  toFormValues,
  validateArtistForm,
} from './artist-form';

const record: ArtistRecord = {
  id: 'a1',
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-02T10:00:00.000Z',
  deletedAt: null,
  name: 'Les Ondes',
  kind: 'band',
  genres: ['Jazz', 'Soul'],
  lineupSize: 4,
  feeMin: 150000,
  feeMax: 300050,
  currency: 'EUR',
  draw: 400,
  homeCity: 'Lyon',
  homeCountry: 'FR',
  lat: 45.76,
  lon: 4.83,
  agentId: null,
  radiusKm: 200,
  radiusDaysBefore: 2,
  radiusDaysAfter: 2,
  bio: '',
};

describe('artist form', () => {
  it('shows the record in the locale', () => {
    expect(toFormValues(record, 'fr-FR')).toMatchObject({
      genres: 'Jazz, Soul',
      feeMin: '1500',
      feeMax: '3000,50',
      draw: '400',
    });
    expect(toFormValues(record, 'en-GB')).toMatchObject({ feeMax: '3000.50' });
  });

  it('an untouched form yields an empty patch', () => {
    expect(validateArtistForm(toFormValues(record, 'fr-FR'), record, 'fr-FR')).toEqual({
      ok: true,
      patch: {},
    });
  });

  it('patches only the changed fields, fees in minor units', () => {
    const values = {
      ...toFormValues(record, 'fr-FR'),
      name: '  Les Ondes Trio ',
      feeMin: '1 750,25',
      genres: 'Jazz, soul, Funk',
    };
    expect(validateArtistForm(values, record, 'fr-FR')).toEqual({
      ok: true,
      patch: { name: 'Les Ondes Trio', feeMin: 175025, genres: ['Jazz', 'soul', 'Funk'] },
    });
  });

  it('reports field errors', () => {
    const values = {
      ...toFormValues(record, 'en-GB'),
      name: ' ',
      feeMin: '5000',
      feeMax: '4000',
      draw: '12.5x',
      genres: 'x'.repeat(61),
    };
    const result = validateArtistForm(values, record, 'en-GB');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name?.key).toBe('validation.required');
    expect(result.errors.feeMax?.key).toBe('validation.feeOrder');
    expect(result.errors.draw?.key).toBe('validation.integer');
    expect(result.errors.genres?.key).toBe('validation.genreTooLong');
    const amounts = validateArtistForm(
      { ...toFormValues(record, 'en-GB'), feeMin: 'abc', feeMax: '1.999' },
      record,
      'en-GB',
    );
    expect(amounts).toMatchObject({
      ok: false,
      errors: { feeMin: { key: 'validation.amount' }, feeMax: { key: 'validation.amountDecimals' } },
    });
    const draw = validateArtistForm({ ...toFormValues(record, 'en-GB'), draw: '2000000' }, record, 'en-GB');
    expect(draw).toMatchObject({ ok: false, errors: { draw: { key: 'validation.range' } } });
  });

  it('cleans genre lists', () => {
    expect(parseGenres('Jazz,  soul ,, JAZZ, hip  hop')).toEqual(['Jazz', 'soul', 'hip hop']);
    expect(parseGenres('')).toEqual([]);
  });

  it('maps invalid_params issues to fields', () => {
    const issues = [{ path: ['patch', 'feeMin'], message: 'x' }, { path: ['id'] }, 'junk'];
    expect(errorsFromIssues(issues)).toEqual({ feeMin: { key: 'validation.invalid' } });
    expect(errorsFromIssues(undefined)).toEqual({});
  });
});

describe('artist page fields', () => {
  it('reads records without rider or media links as empty', () => {
    expect(toFormValues(record, 'en-GB')).toMatchObject({
      technicalRider: '',
      mediaLinks: '',
      lineupSize: '4',
      agentId: '',
      radiusKm: '200',
    });
  });

  it('parses media links, one a line, http(s) only', () => {
    expect(parseMediaLinks('Live | https://v.example.org/a\n\n  https://press.example.fr/kit.pdf  ')).toEqual(
      {
        ok: true,
        links: [
          { label: 'Live', url: 'https://v.example.org/a' },
          { label: '', url: 'https://press.example.fr/kit.pdf' },
        ],
      },
    );
    expect(parseMediaLinks('ok | https://a.example.org\nbad | javascript:alert(1)')).toEqual({
      ok: false,
      error: { key: 'validation.url', vars: { line: 2 } },
    });
    expect(parseMediaLinks('ftp://files.example.org/x').ok).toBe(false);
    expect(formatMediaLinks([{ label: 'Live', url: 'https://v.example.org/a' }])).toBe(
      'Live | https://v.example.org/a',
    );
  });

  it('patches only the changed page fields and reports errors per field', () => {
    const values = toFormValues(record, 'en-GB');
    const ok = validateArtistForm(
      {
        ...values,
        technicalRider: 'Backline fournie\n',
        mediaLinks: 'Live | https://v.example.org/a',
        lineupSize: '6',
        agentId: ' agent-7 ',
        radiusDaysAfter: '10',
      },
      record,
      'en-GB',
    );
    expect(ok).toEqual({
      ok: true,
      patch: {
        technicalRider: 'Backline fournie',
        mediaLinks: [{ label: 'Live', url: 'https://v.example.org/a' }],
        lineupSize: 6,
        agentId: 'agent-7',
        radiusDaysAfter: 10,
      },
    });
    const bad = validateArtistForm(
      { ...values, mediaLinks: 'nope', lineupSize: '0', radiusKm: 'far', radiusDaysBefore: '' },
      record,
      'en-GB',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.mediaLinks?.key).toBe('validation.url');
      expect(bad.errors.lineupSize).toEqual({ key: 'validation.range', vars: { min: 1, max: 200 } });
      expect(bad.errors.radiusKm?.key).toBe('validation.integer');
      expect(bad.errors.radiusDaysBefore?.key).toBe('validation.required');
    }
  });
});
