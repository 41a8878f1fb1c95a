/**
 * The three kinds of token the cloud API hands out:
 * - access tokens: HS256 JWTs, 15 minutes, audience `flowstage-cloud-api`;
 * - refresh tokens: opaque random strings, stored only as their sha256;
 * - sync tokens: EdDSA JWTs for the sync server (claims from @flowstage/shared).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  SYNC_TOKEN_ALG,
  SYNC_TOKEN_AUDIENCE,
  SYNC_TOKEN_ISSUER,
  SYNC_TOKEN_TTL_SECONDS,
  type SyncTokenClaims,
} from '@flowstage/shared';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { KeyMaterial } from './keys';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const ACCESS_TOKEN_AUDIENCE = 'flowstage-cloud-api';
export const ACCESS_TOKEN_ISSUER = SYNC_TOKEN_ISSUER;
const ACCESS_TOKEN_ALG = 'HS256';
const ACCESS_TOKEN_TYP = 'at+jwt';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

const secondsOf = (date: Date) => Math.floor(date.getTime() / 1000);

export async function signAccessToken(keys: KeyMaterial, userId: string, now: Date): Promise<IssuedToken> {
  const iat = secondsOf(now);
  const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, typ: ACCESS_TOKEN_TYP })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject(userId)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keys.accessTokenSecret);
  return { token, expiresAt: new Date(exp * 1000) };
}

export type AccessTokenCheck = { ok: true; userId: string } | { ok: false; reason: 'expired' | 'invalid' };

const AccessClaims = z.object({ sub: z.uuid() });

export async function verifyAccessToken(
  keys: KeyMaterial,
  token: string,
  now: Date,
): Promise<AccessTokenCheck> {
  try {
    const { payload } = await jwtVerify(token, keys.accessTokenSecret, {
      algorithms: [ACCESS_TOKEN_ALG],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      typ: ACCESS_TOKEN_TYP,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const claims = AccessClaims.safeParse(payload);
    return claims.success ? { ok: true, userId: claims.data.sub } : { ok: false, reason: 'invalid' };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired' };
    if (err instanceof joseErrors.JOSEError) return { ok: false, reason: 'invalid' };
    throw err;
  }
}

export async function signSyncToken(
  keys: KeyMaterial,
  claims: SyncTokenClaims,
  now: Date,
): Promise<IssuedToken> {
  const iat = secondsOf(now);
  const exp = iat + SYNC_TOKEN_TTL_SECONDS;
  const { sub, ...custom } = claims;
  const token = await new SignJWT(custom)
    .setProtectedHeader({ alg: SYNC_TOKEN_ALG, kid: keys.kid, typ: 'JWT' })
    .setIssuer(SYNC_TOKEN_ISSUER)
    .setAudience(SYNC_TOKEN_AUDIENCE)
    .setSubject(sub)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keys.signingKey);
  return { token, expiresAt: new Date(exp * 1000) };
}

/** 32 random bytes, base64url (43 characters). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
