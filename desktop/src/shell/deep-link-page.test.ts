import { describe, expect, it } from 'vitest';
import { langFromAcceptLanguage, linkResponse } from './deep-link-page';

const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const q = (link: string) => `?u=${encodeURIComponent(link)}`;

describe('linkResponse', () => {
  it('redirects an artist or workspace link to its hash route', () => {
    const r = linkResponse(q(`flowstage://artist/${ID}`), 'en');
    expect(r.status).toBe(302);
    expect(r.headers.Location).toBe(`/#/artist/${ID}`);
    expect(linkResponse(q(`flowstage://open?workspace=${ID}`), undefined).headers.Location).toBe(
      `/#/open/${ID}`,
    );
  });

  it('shows a clear notice for a deal or venue (no screen yet), in French or English', () => {
    const en = linkResponse(q(`flowstage://deal/${ID}`), 'en-GB,en;q=0.9');
    expect(en.status).toBe(200);
    expect(en.route).toEqual({ kind: 'deal', id: ID });
    expect(en.body).toContain('data-testid="deeplink-unavailable"');
    expect(en.body).toContain('the deal screen is not available yet');
    const fr = linkResponse(q(`flowstage://venue/${ID}`), 'fr-CH,fr;q=0.9');
    expect(fr.body).toContain('Pas encore disponible');
    expect(fr.body).toContain('<html lang="fr">');
    expect(en.body).not.toContain('<script');
  });

  it('explains an invalid link with a 400 and escapes what it echoes', () => {
    const r = linkResponse(q('flowstage://deal/<script>alert(1)</script>'), 'en');
    expect(r.status).toBe(400);
    expect(r.body).toContain('data-testid="deeplink-error"');
    expect(r.body).not.toContain('<script>');
    expect(linkResponse('', 'en').status).toBe(400);
    expect(linkResponse(q('https://evil.test/'), 'en').body).toContain('wrong_scheme');
  });

  it('picks the language from Accept-Language', () => {
    expect(langFromAcceptLanguage('fr')).toBe('fr');
    expect(langFromAcceptLanguage('fr-BE,en')).toBe('fr');
    expect(langFromAcceptLanguage('en-US,fr')).toBe('en');
    expect(langFromAcceptLanguage(undefined)).toBe('en');
  });
});
