import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../shell/security';
import {
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  HARDENED_WEB_PREFERENCES,
  isAppUrl,
} from './security';

describe('window security', () => {
  it('hardens webPreferences', () => {
    expect(HARDENED_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('recognizes only the app origin', () => {
    expect(isAppUrl('app://flowstage/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://user@flowstage/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('keeps navigation on the app origin and sends web links to the OS browser', () => {
    expect(decideNavigation('app://flowstage/#/deal/x')).toBe('allow');
    expect(decideNavigation('https://flowstage.app/help')).toBe('external');
    expect(decideNavigation('http://example.org/')).toBe('external');
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,x',
      'flowstage://deal/x',
      'https://u:p@evil.test/',
    ]) {
      expect(decideNavigation(bad), bad).toBe('deny');
    }
  });

  it('never opens new app windows', () => {
    expect(decideWindowOpen('https://flowstage.app/')).toBe('external');
    expect(decideWindowOpen('app://flowstage/index.html')).toBe('deny');
    expect(decideWindowOpen('file:///tmp/x')).toBe('deny');
    expect(decideWindowOpen('about:blank')).toBe('deny');
  });

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(decidePermission(p)).toBe(false);
    }
  });
});

describe('content security policy (shell responses and app:// scheme)', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows scripts only from self: no unsafe-eval, no unsafe-inline, no wildcard', () => {
    const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(scripts).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, base rewriting and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is part of the headers every response carries', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
