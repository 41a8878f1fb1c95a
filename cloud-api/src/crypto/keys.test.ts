import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_SECRET_FILE, loadKeys, PUBLIC_KEY_FILE, SIGNING_KEY_FILE } from './keys';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowstage-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('key material', () => {
  it('creates the keys on first start with 0600 permissions and reloads them later', async () => {
    const first = await loadKeys({ dataDir: dir });
    const keysDir = join(dir, 'keys');
    expect(await mode(join(keysDir, SIGNING_KEY_FILE))).toBe(0o600);
    expect(await mode(join(keysDir, ACCESS_SECRET_FILE))).toBe(0o600);
    expect(await mode(keysDir)).toBe(0o700);
    expect(await readFile(join(keysDir, PUBLIC_KEY_FILE), 'utf8')).toBe(first.publicKeyPem);

    const second = await loadKeys({ dataDir: dir });
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
    expect(second.kid).toBe(first.kid);
    expect(Buffer.from(second.accessTokenSecret).equals(Buffer.from(first.accessTokenSecret))).toBe(true);
  });

  it('agrees on one key when several processes start together', async () => {
    const loaded = await Promise.all([1, 2, 3, 4].map(() => loadKeys({ dataDir: dir })));
    expect(new Set(loaded.map((k) => k.kid)).size).toBe(1);
  });

  it('publishes the public key as a JWKS entry with a thumbprint kid', async () => {
    const keys = await loadKeys({ dataDir: ':memory:' });
    expect(keys.jwks.keys).toEqual([
      { kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: keys.kid, alg: 'EdDSA', use: 'sig' },
    ]);
    expect(keys.publicKeyPem).toContain('BEGIN PUBLIC KEY');
  });

  it('uses a PKCS8 PEM given explicitly (SYNC_SIGNING_KEY_PEM), with escaped newlines too', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const secret = randomBytes(32).toString('base64url');
    const keys = await loadKeys({
      dataDir: dir,
      signingKey: pem.replace(/\n/g, '\\n'),
      accessTokenSecret: secret,
    });
    expect(keys.publicKeyPem).toBe(publicKey.export({ format: 'pem', type: 'spki' }).toString());
    await expect(stat(join(dir, 'keys'))).rejects.toThrow();
  });

  it('refuses keys that are not Ed25519 private keys, and short secrets', async () => {
    const { privateKey: rsa } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expect(loadKeys({ dataDir: ':memory:', signingKey: rsa })).rejects.toThrow(/Ed25519/);
    await expect(loadKeys({ dataDir: ':memory:', signingKey: 'not a pem' })).rejects.toThrow(/PKCS8/);
    await expect(loadKeys({ dataDir: ':memory:', accessTokenSecret: 'c2hvcnQ' })).rejects.toThrow(/32 bytes/);
  });
});
