import { SYNC_CLOSE, SYNC_TOKEN_AUDIENCE, SYNC_TOKEN_ISSUER } from '@flowstage/shared';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwksVerifier } from '../src/auth';
import { createSyncServer } from '../src/server';
import { Harness, newKeys, rawSocket, signToken, WS } from './helpers';

describe('refusals at connection time', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await h.dispose();
  });

  const url = (room: string, token?: string): string =>
    `${h.server.wsUrl}/${room}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

  async function closeOf(address: string, headers: Record<string, string> = {}) {
    const socket = rawSocket(address, headers);
    await socket.opened; // the upgrade is accepted, then closed with a code the client can act on
    return socket.closed;
  }

  async function accepted(address: string, headers: Record<string, string> = {}): Promise<void> {
    const socket = rawSocket(address, headers);
    await socket.opened;
    const first = await new Promise<Uint8Array>((resolve, reject) => {
      socket.ws.once('message', (data: Buffer) => resolve(new Uint8Array(data)));
      socket.ws.once('close', (code) => reject(new Error(`closed with ${code}`)));
    });
    expect(first[0]).toBe(0); // the server's sync step 1
    socket.ws.close();
    await socket.closed;
  }

  it('no token → 4401', async () => {
    expect(await closeOf(url(`${WS}/root`))).toEqual({
      code: SYNC_CLOSE.unauthorized,
      reason: 'missing token',
    });
  });

  it('garbage token → 4401', async () => {
    expect(await closeOf(url(`${WS}/root`, 'not.a.jwt'))).toEqual({
      code: SYNC_CLOSE.unauthorized,
      reason: 'invalid token',
    });
  });

  it('expired token → 4401', async () => {
    const expired = await h.token({ expiresAt: Math.floor(Date.now() / 1000) - 3600 });
    expect(await closeOf(url(`${WS}/root`, expired))).toEqual({
      code: SYNC_CLOSE.unauthorized,
      reason: 'token expired',
    });
  });

  it('token signed with another key → 4401', async () => {
    const stranger = await newKeys();
    const forged = await signToken(stranger.privateKey, { role: 'owner' });
    expect((await closeOf(url(`${WS}/root`, forged))).code).toBe(SYNC_CLOSE.unauthorized);
  });

  it('wrong issuer, wrong audience, missing expiry or HS256 → 4401', async () => {
    const { privateKey } = h.keys;
    const base = () =>
      new SignJWT({ ws: WS, role: 'owner' }).setProtectedHeader({ alg: 'EdDSA' }).setSubject('u');
    const tokens = [
      await base()
        .setIssuer('someone-else')
        .setAudience(SYNC_TOKEN_AUDIENCE)
        .setExpirationTime('5m')
        .sign(privateKey),
      await base().setIssuer(SYNC_TOKEN_ISSUER).setAudience('other').setExpirationTime('5m').sign(privateKey),
      await base().setIssuer(SYNC_TOKEN_ISSUER).setAudience(SYNC_TOKEN_AUDIENCE).sign(privateKey),
      await new SignJWT({ ws: WS, role: 'owner' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u')
        .setIssuer(SYNC_TOKEN_ISSUER)
        .setAudience(SYNC_TOKEN_AUDIENCE)
        .setExpirationTime('5m')
        .sign(new Uint8Array(32)),
    ];
    for (const token of tokens) {
      expect((await closeOf(url(`${WS}/root`, token))).code).toBe(SYNC_CLOSE.unauthorized);
    }
  });

  it('claims outside the sync schema (unknown role) → 4401', async () => {
    const token = await new SignJWT({ ws: WS, role: 'superuser' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('u')
      .setIssuer(SYNC_TOKEN_ISSUER)
      .setAudience(SYNC_TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(h.keys.privateKey);
    expect((await closeOf(url(`${WS}/root`, token))).code).toBe(SYNC_CLOSE.unauthorized);
  });

  it('token for another workspace → 4403', async () => {
    const other = await h.token({ ws: 'another-ws' });
    expect(await closeOf(url(`${WS}/root`, other))).toEqual({
      code: SYNC_CLOSE.forbidden,
      reason: 'token is for another workspace',
    });
  });

  it('agent: assigned artists, root and directories are open; other artists → 4403', async () => {
    const agent = await h.token({ role: 'agent', artists: ['nina', 'bob'] });
    await accepted(url(`${WS}/root`, agent));
    await accepted(url(`${WS}/artist.nina`, agent));
    await accepted(url(`${WS}/venues.0a`, agent));
    await accepted(url(`${WS}/contacts.ff`, agent));
    expect(await closeOf(url(`${WS}/artist.carla`, agent))).toEqual({
      code: SYNC_CLOSE.forbidden,
      reason: 'artist not assigned to this member',
    });
    const everyArtist = await h.token({ role: 'agent' });
    await accepted(url(`${WS}/artist.carla`, everyArtist));
  });

  it('accepts the token as an Authorization: Bearer header', async () => {
    await accepted(url(`${WS}/root`), { authorization: `Bearer ${await h.token()}` });
  });

  it('a path that is not a room → 4400', async () => {
    const token = await h.token();
    for (const path of ['health', `${WS}`, `${WS}/root/extra`, `${WS}/artist.UPPER`, `${WS}/notes.1`, '']) {
      expect((await closeOf(url(path, token))).code).toBe(SYNC_CLOSE.badMessage);
    }
  });

  it('counts refusals and logs no token', async () => {
    const token = await h.token({ ws: 'elsewhere' });
    await closeOf(url(`${WS}/root`, token));
    expect(h.server.metrics().connectionsRefused).toBeGreaterThan(5);
    expect(h.logs.join('\n')).not.toContain(token);
    expect(h.logs.join('\n')).not.toContain('eyJ');
  });
});

describe('an unreachable key set', () => {
  it('closes with 1013 (try again later), which y-websocket clients retry', async () => {
    const h = await Harness.start();
    const server = await createSyncServer({
      store: h.store,
      auth: createJwksVerifier('http://127.0.0.1:9/.well-known/jwks.json'),
    });
    try {
      const socket = rawSocket(`${server.wsUrl}/${WS}/root?token=${await h.token()}`);
      expect(await socket.closed).toEqual({ code: 1013, reason: 'authentication unavailable' });
    } finally {
      await server.close();
      await h.dispose();
    }
  });
});
