/**
 * Authentication: the sync token is an EdDSA (Ed25519) JWT issued by the cloud API.
 * Verified against a public key (PEM) or the cloud's JWKS; claims parsed with the shared
 * `SyncTokenClaims` schema. Tokens are never logged, not even in error messages.
 */
import { SYNC_TOKEN_ALG, SYNC_TOKEN_AUDIENCE, SYNC_TOKEN_ISSUER, SyncTokenClaims } from '@flowstage/shared';
import {
  createRemoteJWKSet,
  errors,
  importSPKI,
  type JWTVerifyGetKey,
  jwtVerify,
  type CryptoKey as JoseCryptoKey,
  type KeyObject,
} from 'jose';

export interface TokenVerifier {
  /**
   * Resolves with the token's claims. Rejects with `TokenRejectedError` when the token
   * is at fault (the client must get a new one) and with `VerifierUnavailableError` when
   * the verifier cannot decide right now (e.g. the JWKS endpoint is unreachable).
   */
  verify(token: string): Promise<SyncTokenClaims>;
}

export type TokenRejection = 'expired' | 'invalid';

export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
  constructor(
    readonly reason: TokenRejection,
    message: string,
  ) {
    super(message);
  }
}

export class VerifierUnavailableError extends Error {
  override readonly name = 'VerifierUnavailableError';
}

/** Longer than any token the cloud issues; anything bigger is refused unparsed. */
export const MAX_TOKEN_LENGTH = 4096;
/** Allowed clock skew between the cloud API and this server. */
const CLOCK_TOLERANCE_S = 30;

type VerificationKey = JoseCryptoKey | KeyObject | Uint8Array;

async function verifyWith(token: string, key: VerificationKey | JWTVerifyGetKey): Promise<SyncTokenClaims> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw new TokenRejectedError('invalid', 'malformed token');
  }
  const options = {
    issuer: SYNC_TOKEN_ISSUER,
    audience: SYNC_TOKEN_AUDIENCE,
    algorithms: [SYNC_TOKEN_ALG],
    requiredClaims: ['exp', 'sub'],
    clockTolerance: CLOCK_TOLERANCE_S,
  };
  let payload: unknown;
  try {
    // Two calls so each matches one of jwtVerify's overloads (key or key resolver).
    const result =
      typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    payload = result.payload;
  } catch (error) {
    throw classify(error);
  }
  const claims = SyncTokenClaims.safeParse(payload);
  if (!claims.success) throw new TokenRejectedError('invalid', 'token claims do not match the sync schema');
  return claims.data;
}

function classify(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return new TokenRejectedError('expired', 'token expired');
  // jose reports a failed key-set fetch (non-200, unparsable body) as a generic JOSEError.
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC')
  ) {
    return new VerifierUnavailableError(`key set unavailable: ${error.code}`);
  }
  if (error instanceof errors.JOSEError)
    return new TokenRejectedError('invalid', `invalid token: ${error.code}`);
  // Anything else comes from fetching the key set (network, HTTP status), not the token.
  return new VerifierUnavailableError(`key set unavailable: ${(error as Error).message ?? String(error)}`);
}

/** Verifies with a key object (e.g. from jose's `generateKeyPair` or `importSPKI`). */
export function createKeyVerifier(publicKey: VerificationKey): TokenVerifier {
  return { verify: (token) => verifyWith(token, publicKey) };
}

/** Verifies with an SPKI PEM public key. Rejects at once if the PEM is not an Ed25519 key. */
export async function createPemVerifier(pem: string): Promise<TokenVerifier> {
  let key: JoseCryptoKey;
  try {
    key = await importSPKI(pem.trim(), SYNC_TOKEN_ALG);
  } catch (error) {
    throw new Error(`SYNC_TOKEN_PUBLIC_KEY is not an Ed25519 SPKI PEM key: ${(error as Error).message}`);
  }
  return createKeyVerifier(key);
}

/** Verifies against a remote JWKS (fetched on demand, cached, refetched on unknown `kid`). */
export function createJwksVerifier(url: string | URL): TokenVerifier {
  const jwksUrl = new URL(url);
  if (jwksUrl.protocol !== 'https:' && jwksUrl.protocol !== 'http:') {
    throw new Error(`JWKS URL must be http(s): ${jwksUrl.protocol}`);
  }
  const keySet = createRemoteJWKSet(jwksUrl, { timeoutDuration: 5000, cooldownDuration: 30_000 });
  return { verify: (token) => verifyWith(token, keySet) };
}
