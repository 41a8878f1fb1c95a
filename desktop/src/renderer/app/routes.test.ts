import { deepLinkHash, parseDeepLink } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, screenOf } from './routes';

const ID = '01890a5d-ac96-774b-bcce-b302099a8057';

describe('parseRoute', () => {
  it('reads record routes', () => {
    expect(parseRoute(`#/artist/${ID}`)).toEqual({ kind: 'artist', id: ID });
    expect(parseRoute(`#/venue/${ID}`)).toEqual({ kind: 'venue', id: ID });
    expect(parseRoute(`#/contact/${ID}`)).toEqual({ kind: 'contact', id: ID });
    expect(parseRoute(`#/contact/${ID.toUpperCase()}/`)).toEqual({ kind: 'contact', id: ID });
    expect(parseRoute(`#/deal/${ID}`)).toEqual({ kind: 'deal', id: ID });
    expect(parseRoute(`#/open/${ID}`)).toEqual({ kind: 'open', workspaceId: ID });
  });

  it('refuses everything else', () => {
    for (const hash of [
      '',
      '#',
      '#token=abc',
      '#/artist/123',
      '#/contact/nope',
      `#/contract/${ID}`,
      `#/venue/${ID}/x`,
    ]) {
      expect(parseRoute(hash)).toBeNull();
    }
  });

  it('round-trips and agrees with the shared deep-link parser', () => {
    const link = parseDeepLink(`flowstage://venue/${ID}`);
    if (!link.ok) throw new Error('expected ok');
    expect(parseRoute(deepLinkHash(link.route))).toEqual(link.route);
    for (const route of [
      { kind: 'artist', id: ID },
      { kind: 'contact', id: ID },
      { kind: 'open', workspaceId: ID },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });

  it('maps records to screens', () => {
    expect(screenOf({ kind: 'artist', id: ID })).toBe('roster');
    expect(screenOf({ kind: 'venue', id: ID })).toBe('venues');
    expect(screenOf({ kind: 'contact', id: ID })).toBe('contacts');
    expect(screenOf({ kind: 'deal', id: ID })).toBeNull();
  });
});
