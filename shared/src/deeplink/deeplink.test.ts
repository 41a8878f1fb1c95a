import { describe, expect, it } from 'vitest';
import {
  deepLinkFromArgv,
  deepLinkHash,
  formatDeepLink,
  MAX_DEEP_LINK_LENGTH,
  parseDeepLink,
  routeFromHash,
} from './deeplink';

const ID = '01890a5d-ac96-774b-bcce-b302099a8057';

describe('parseDeepLink', () => {
  it('parses every supported target into a typed route', () => {
    expect(parseDeepLink(`flowstage://artist/${ID}`)).toEqual({
      ok: true,
      route: { kind: 'artist', id: ID },
    });
    expect(parseDeepLink(`flowstage://deal/${ID}`)).toEqual({ ok: true, route: { kind: 'deal', id: ID } });
    expect(parseDeepLink(`flowstage://venue/${ID}/`)).toEqual({ ok: true, route: { kind: 'venue', id: ID } });
    expect(parseDeepLink(`flowstage://open?workspace=${ID}`)).toEqual({
      ok: true,
      route: { kind: 'open', workspaceId: ID },
    });
  });

  it('accepts upper-case scheme, target and id', () => {
    expect(parseDeepLink(`FLOWSTAGE://Deal/${ID.toUpperCase()}`)).toEqual({
      ok: true,
      route: { kind: 'deal', id: ID },
    });
  });

  it('round-trips through formatDeepLink and maps to hash routes', () => {
    for (const link of [`flowstage://artist/${ID}`, `flowstage://open?workspace=${ID}`]) {
      const r = parseDeepLink(link);
      if (!r.ok) throw new Error('expected ok');
      expect(formatDeepLink(r.route)).toBe(link);
    }
    expect(deepLinkHash({ kind: 'deal', id: ID })).toBe(`#/deal/${ID}`);
    expect(deepLinkHash({ kind: 'open', workspaceId: ID })).toBe(`#/open/${ID}`);
  });

  it.each([
    [42, 'not_a_url'],
    ['', 'not_a_url'],
    ['not a url', 'not_a_url'],
    [`https://flowstage.app/deal/${ID}`, 'wrong_scheme'],
    [`javascript://deal/${ID}`, 'wrong_scheme'],
    [`flowstage://contract/${ID}`, 'unknown_target'],
    ['flowstage://deal/123', 'bad_id'],
    ['flowstage://deal/..%2F..%2Fetc', 'bad_id'],
    ['flowstage://open?workspace=nope', 'bad_id'],
    ['flowstage://deal/', 'unexpected_parts'],
    [`flowstage://deal/${ID}/extra`, 'unexpected_parts'],
    [`flowstage://deal/${ID}?x=1`, 'unexpected_parts'],
    [`flowstage://deal/${ID}#frag`, 'unexpected_parts'],
    [`flowstage://user:pw@deal/${ID}`, 'unexpected_parts'],
    [`flowstage://open?workspace=${ID}&x=1`, 'unexpected_parts'],
    [`flowstage://deal/${'a'.repeat(MAX_DEEP_LINK_LENGTH)}`, 'too_long'],
  ])('refuses %s with %s', (input, code) => {
    const r = parseDeepLink(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(0);
    }
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the link among Electron/Chromium arguments', () => {
    expect(deepLinkFromArgv(['/opt/flowstage', '--no-sandbox', `flowstage://deal/${ID}`])).toBe(
      `flowstage://deal/${ID}`,
    );
    expect(deepLinkFromArgv(['/opt/flowstage', '--foo'])).toBeNull();
  });
});

describe('routeFromHash', () => {
  it('reads the hash routes the shell redirects to, and nothing else', () => {
    expect(routeFromHash(`#/deal/${ID}`)).toEqual({ kind: 'deal', id: ID });
    expect(routeFromHash(`#/open/${ID}`)).toEqual({ kind: 'open', workspaceId: ID });
    expect(routeFromHash(deepLinkHash({ kind: 'venue', id: ID }))).toEqual({ kind: 'venue', id: ID });
    expect(routeFromHash('#token=abc')).toBeNull();
    expect(routeFromHash('#/deal/123')).toBeNull();
    expect(routeFromHash(`#/contract/${ID}`)).toBeNull();
    expect(routeFromHash('')).toBeNull();
  });
});
