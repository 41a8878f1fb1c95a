/**
 * Key material of the cloud API.
 *
 * - Sync tokens are signed with an Ed25519 key (EdDSA). Its public half is served as a
 *   JWKS at /.well-known/jwks.json and handed (PEM) to the sync server.
 * - Access tokens are signed with a separate HS256 secret that never leaves the cloud
 *   API: the sync server, which holds the public key, can therefore never be fooled by an
 *   access token, and rotating one key does not invalidate the other kind of token.
 *
 * Sources, in order: explicit options (main.ts passes SYNC_SIGNING_KEY_PEM and
 * ACCESS_TOKEN_SECRET from the environment), then files in `<dataDir>/keys/`, created on
 * first start with 0600 permissions. With dataDir ':memory:' fresh keys live in memory only.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SYNC_TOKEN_ALG } from '@flowstage/shared';
import { calculateJwkThumbprint, exportJWK, type JSONWebKeySet } from 'jose';

export const SIGNING_KEY_FILE = 'sync-signing-key.pem';
export const PUBLIC_KEY_FILE = 'sync-signing-key.pub.pem';
export const ACCESS_SECRET_FILE = 'access-token.secret';
const ACCESS_SECRET_MIN_BYTES = 32;

/** The public signing key as served in the JWKS. */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: typeof SYNC_TOKEN_ALG;
  use: 'sig';
}

export interface KeyMaterial {
  /** Ed25519 private key signing sync tokens. */
  signingKey: KeyObject;
  publicKeyPem: string;
  /** RFC 7638 thumbprint of the public key, used as `kid`. */
  kid: string;
  jwks: { keys: PublicJwk[] } & JSONWebKeySet;
  /** HS256 secret for access tokens. */
  accessTokenSecret: Uint8Array;
}

export interface LoadKeysOptions {
  dataDir: string;
  /** Ed25519 private key: PKCS8 PEM (literal `\n` sequences accepted) or a KeyObject. */
  signingKey?: string | KeyObject;
  /** base64url (or base64) encoded, at least 32 bytes once decoded. */
  accessTokenSecret?: string;
}

function parseSigningKey(input: string | KeyObject): KeyObject {
  let key: KeyObject;
  if (typeof input === 'string') {
    try {
      key = createPrivateKey({ key: input.replace(/\\n/g, '\n'), format: 'pem' });
    } catch {
      throw new Error('the sync signing key is not a readable PKCS8 PEM private key');
    }
  } else {
    key = input;
  }
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ed25519') {
    throw new Error('the sync signing key must be an Ed25519 private key');
  }
  return key;
}

function parseAccessSecret(encoded: string): Uint8Array {
  const bytes = Buffer.from(encoded.trim(), 'base64url');
  if (bytes.length < ACCESS_SECRET_MIN_BYTES) {
    throw new Error(`the access-token secret must decode to at least ${ACCESS_SECRET_MIN_BYTES} bytes`);
  }
  return new Uint8Array(bytes);
}

/**
 * Reads `file`, or creates it with `create()` and 0600 permissions. Creation goes through
 * a temporary file and a hard link, so two processes starting together agree on one key.
 */
async function readOrCreate(file: string, create: () => string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if (!isErrno(err, 'ENOENT')) throw err;
  }
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, create(), { mode: 0o600, flag: 'wx' });
  try {
    await link(tmp, file);
  } catch (err) {
    if (!isErrno(err, 'EEXIST')) throw err;
  } finally {
    await unlink(tmp);
  }
  return readFile(file, 'utf8');
}

function isErrno(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}

function newSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

function newAccessSecret(): string {
  return `${randomBytes(ACCESS_SECRET_MIN_BYTES).toString('base64url')}\n`;
}

export async function loadKeys(options: LoadKeysOptions): Promise<KeyMaterial> {
  const inMemory = options.dataDir === ':memory:';
  const keysDir = join(options.dataDir, 'keys');
  const needFiles =
    !inMemory && (options.signingKey === undefined || options.accessTokenSecret === undefined);
  if (needFiles) {
    await mkdir(keysDir, { recursive: true, mode: 0o700 });
  }

  let signingKey: KeyObject;
  if (options.signingKey !== undefined) signingKey = parseSigningKey(options.signingKey);
  else if (inMemory) signingKey = parseSigningKey(newSigningKeyPem());
  else signingKey = parseSigningKey(await readOrCreate(join(keysDir, SIGNING_KEY_FILE), newSigningKeyPem));

  let accessTokenSecret: Uint8Array;
  if (options.accessTokenSecret !== undefined)
    accessTokenSecret = parseAccessSecret(options.accessTokenSecret);
  else if (inMemory) accessTokenSecret = parseAccessSecret(newAccessSecret());
  else
    accessTokenSecret = parseAccessSecret(
      await readOrCreate(join(keysDir, ACCESS_SECRET_FILE), newAccessSecret),
    );

  const publicKey = createPublicKey(signingKey);
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  if (!inMemory && options.signingKey === undefined) {
    // A convenience copy for operators wiring the sync server by hand; not secret.
    const pubFile = join(keysDir, PUBLIC_KEY_FILE);
    await writeFile(pubFile, publicKeyPem);
    await chmod(pubFile, 0o644);
  }

  const jwk = await exportJWK(publicKey);
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('unexpected Ed25519 JWK export');
  const kid = await calculateJwkThumbprint(jwk);
  const publicJwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: SYNC_TOKEN_ALG, use: 'sig' };
  const jwks = { keys: [publicJwk] };
  return { signingKey, publicKeyPem, kid, jwks, accessTokenSecret };
}
