import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYNC_TOKEN_ALG, SYNC_TOKEN_AUDIENCE, SYNC_TOKEN_ISSUER } from '@flowstage/shared';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwksVerifier, createPemVerifier, TokenRejectedError, VerifierUnavailableError } from './auth';

const keys = await generateKeyPair(SYNC_TOKEN_ALG, { crv: 'Ed25519', extractable: true });

function token(
  kid?: string,
  claims: Record<string, unknown> = { ws: 'ws-1', role: 'agent', artists: ['a'] },
) {
  return new SignJWT(claims)
    .setProtectedHeader(kid ? { alg: SYNC_TOKEN_ALG, kid } : { alg: SYNC_TOKEN_ALG })
    .setIssuer(SYNC_TOKEN_ISSUER)
    .setAudience(SYNC_TOKEN_AUDIENCE)
    .setSubject('user-7')
    .setExpirationTime('5m')
    .sign(keys.privateKey);
}

describe('createPemVerifier', () => {
  it('verifies tokens signed by the matching private key and returns the claims', async () => {
    const verifier = await createPemVerifier(await exportSPKI(keys.publicKey));
    expect(await verifier.verify(await token())).toEqual({
      sub: 'user-7',
      ws: 'ws-1',
      role: 'agent',
      artists: ['a'],
    });
  });

  it('fails fast on a PEM that is not an Ed25519 public key', async () => {
    await expect(
      createPemVerifier('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----'),
    ).rejects.toThrow(/not an Ed25519/);
  });

  it('refuses oversized tokens without parsing them', async () => {
    const verifier = await createPemVerifier(await exportSPKI(keys.publicKey));
    await expect(verifier.verify('a'.repeat(10_000))).rejects.toBeInstanceOf(TokenRejectedError);
  });
});

describe('createJwksVerifier', () => {
  let server: Server;
  let status = 200;
  let url = '';
  beforeAll(async () => {
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: SYNC_TOKEN_ALG, use: 'sig' };
    server = createServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('verifies against the published key set', async () => {
    const verifier = createJwksVerifier(url);
    expect((await verifier.verify(await token('k1'))).ws).toBe('ws-1');
  });

  it('an unknown kid is the token’s fault', async () => {
    const verifier = createJwksVerifier(url);
    await expect(verifier.verify(await token('k-unknown'))).rejects.toBeInstanceOf(TokenRejectedError);
  });

  it('a failing key-set endpoint is not', async () => {
    status = 503;
    try {
      const verifier = createJwksVerifier(url);
      await expect(verifier.verify(await token('k1'))).rejects.toBeInstanceOf(VerifierUnavailableError);
    } finally {
      status = 200;
    }
    const unreachable = createJwksVerifier('http://127.0.0.1:9/jwks.json');
    await expect(unreachable.verify(await token('k1'))).rejects.toBeInstanceOf(VerifierUnavailableError);
  });

  it('refuses non-http URLs', () => {
    expect(() => createJwksVerifier('file:///etc/keys.json')).toThrow(/http/);
  });
});
