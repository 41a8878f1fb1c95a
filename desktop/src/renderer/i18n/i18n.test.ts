import { describe, expect, it } from 'vitest';
import { RpcCallError } from '../rpc/errors';
import { en } from './en';
import { errorMessage } from './errors';
import { fr } from './fr';
import { createTranslator, DICTIONARIES, detectLang, interpolate, LANGS, placeholders } from './translate';

describe('dictionaries', () => {
  it('French and English have exactly the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('every translation uses the same placeholders as English and is not empty', () => {
    for (const lang of LANGS) {
      const messages = DICTIONARIES[lang];
      for (const [key, english] of Object.entries(en)) {
        const text = messages[key as keyof typeof en];
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(english));
      }
    }
  });

  it('plural keys come in one/other pairs', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('.one')) expect(Object.keys(en)).toContain(key.replace(/\.one$/, '.other'));
      if (key.endsWith('.other')) expect(Object.keys(en)).toContain(key.replace(/\.other$/, '.one'));
    }
  });
});

describe('language detection', () => {
  it('prefers the stored choice, then French for fr-* browsers, else English', () => {
    expect(detectLang('en', ['fr-FR'])).toBe('en');
    expect(detectLang(null, ['fr-CH', 'de'])).toBe('fr');
    expect(detectLang(null, ['FR'])).toBe('fr');
    expect(detectLang('de', ['nl-BE'])).toBe('en');
    expect(detectLang(null, [])).toBe('en');
  });
});

describe('translator', () => {
  it('interpolates and formats numbers in the locale', () => {
    expect(interpolate('{count} items for {name}', { count: 1500, name: 'Ada' }, 'en-GB')).toBe(
      '1,500 items for Ada',
    );
    expect(interpolate('{missing} stays', {}, 'en-GB')).toBe('{missing} stays');
  });

  it('chooses plural forms per language (French 0 is singular)', () => {
    const english = createTranslator('en');
    const french = createTranslator('fr');
    expect(english.plural('roster.count', 0)).toBe('0 artists');
    expect(english.plural('roster.count', 1)).toBe('1 artist');
    expect(french.plural('roster.count', 0)).toBe('0 artiste');
    expect(french.plural('roster.count', 2)).toBe('2 artistes');
    expect(french.locale).toBe('fr-FR');
    expect(english.locale).toBe('en-GB');
  });

  it('turns RPC errors into sentences', () => {
    const english = createTranslator('en');
    expect(errorMessage(english, new RpcCallError('invalid_credentials', 'bad'))).toBe(
      en['error.invalid_credentials'],
    );
    expect(errorMessage(createTranslator('fr'), new RpcCallError('network', 'down'))).toBe(
      fr['error.network'],
    );
    expect(errorMessage(english, new RpcCallError('weird', 'kaboom'))).toBe('Something went wrong (kaboom).');
  });

  it('has a sentence in both languages for every backup error code of the core', () => {
    // desktop/src/core/backup/format.ts BackupErrorCode, plus the handler's backup_not_member.
    const codes = [
      'not_found',
      'unreadable',
      'not_a_backup',
      'unsupported_version',
      'truncated',
      'corrupt',
      'invalid_header',
      'invalid_document',
      'missing_root',
      'exists',
      'write_failed',
      'not_member',
    ];
    for (const lang of LANGS) {
      const translator = createTranslator(lang);
      for (const code of codes) {
        const text = errorMessage(translator, new RpcCallError(`backup_${code}`, 'x'));
        const expected = DICTIONARIES[lang][`error.backup_${code}` as keyof typeof en];
        expect(expected, `${lang} ${code}`).toBeTruthy();
        expect(text, `${lang} ${code}`).toBe(expected);
      }
    }
  });
});
