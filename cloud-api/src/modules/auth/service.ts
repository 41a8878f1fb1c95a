/**
 * Accounts and sessions: sign-up (user + first workspace), sign-in, refresh-token
 * rotation with reuse detection, sign-out.
 *
 * A session is a family of refresh tokens. Each refresh consumes the presented token and
 * issues its successor in the same family; presenting a consumed token again means it
 * was copied, so the whole family is revoked and both holders must sign in again.
 */
import { type AuthResponse, type SignInBody, type SignUpBody, uuidv7 } from '@flowstage/shared';
import type { AppContext } from '../../context';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from '../../crypto/password';
import { hashRefreshToken, newRefreshToken, signAccessToken } from '../../crypto/tokens';
import type { Db } from '../../db/client';
import { ApiHttpError, conflict, unauthorized } from '../../http/errors';
import { findUserByEmail, findUserById, insertUser, type UserRow, updatePasswordHash } from '../users/repo';
import { insertMember, insertWorkspace, listWorkspacesOfUser } from '../workspaces/repo';
import {
  findRefreshTokenByHash,
  insertRefreshToken,
  markRefreshTokenUsed,
  revokeRefreshFamily,
} from './repo';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const INVALID_CREDENTIALS = () =>
  unauthorized('invalid_credentials', 'E-mail address or password is incorrect');
const INVALID_REFRESH = () =>
  unauthorized('invalid_refresh_token', 'The refresh token is invalid or expired');

export function defaultAgencyName(name: string): string {
  return `${name}'s agency`;
}

async function issueRefreshToken(ctx: AppContext, db: Db, userId: string, familyId: string): Promise<string> {
  const token = newRefreshToken();
  await insertRefreshToken(db, {
    id: uuidv7(ctx.now().getTime()),
    userId,
    familyId,
    tokenHash: hashRefreshToken(token),
    expiresAt: new Date(ctx.now().getTime() + REFRESH_TOKEN_TTL_MS),
  });
  return token;
}

async function authResponse(ctx: AppContext, user: UserRow, refreshToken: string): Promise<AuthResponse> {
  const access = await signAccessToken(ctx.keys, user.id, ctx.now());
  return {
    user: { id: user.id, email: user.email, name: user.name },
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshToken,
    workspaces: await listWorkspacesOfUser(ctx.db, user.id),
  };
}

export async function signUp(ctx: AppContext, body: SignUpBody): Promise<AuthResponse> {
  const passwordHash = await hashPassword(body.password, ctx.scrypt);
  const { user, refreshToken } = await ctx.db.transaction(async (tx) => {
    const created = await insertUser(tx, {
      id: uuidv7(ctx.now().getTime()),
      email: body.email,
      name: body.name,
      passwordHash,
    });
    if (!created) throw conflict('email_taken', 'An account already exists for this e-mail address');
    const workspace = await insertWorkspace(tx, {
      id: uuidv7(ctx.now().getTime()),
      name: body.agencyName ?? defaultAgencyName(body.name),
      createdBy: created.id,
    });
    await insertMember(tx, { workspaceId: workspace.id, userId: created.id, role: 'owner' });
    const token = await issueRefreshToken(ctx, tx, created.id, uuidv7(ctx.now().getTime()));
    return { user: created, refreshToken: token };
  });
  return authResponse(ctx, user, refreshToken);
}

export async function signIn(ctx: AppContext, body: SignInBody, clientIp: string): Promise<AuthResponse> {
  ctx.signInLimiter.begin(body.email, clientIp);
  const user = await findUserByEmail(ctx.db, body.email);
  const ok = user
    ? await verifyPassword(body.password, user.passwordHash)
    : await verifyAgainstDummy(body.password, ctx.scrypt);
  if (!user || !ok) {
    ctx.signInLimiter.failed(body.email);
    throw INVALID_CREDENTIALS();
  }
  ctx.signInLimiter.succeeded(body.email);
  if (needsRehash(user.passwordHash, ctx.scrypt)) {
    await updatePasswordHash(ctx.db, user.id, await hashPassword(body.password, ctx.scrypt), ctx.now());
  }
  const refreshToken = await issueRefreshToken(ctx, ctx.db, user.id, uuidv7(ctx.now().getTime()));
  return authResponse(ctx, user, refreshToken);
}

type RotateOutcome =
  | { kind: 'rotated'; userId: string; refreshToken: string }
  | { kind: 'reused'; familyId: string };

export async function refresh(ctx: AppContext, presented: string): Promise<AuthResponse> {
  const now = ctx.now();
  const row = await findRefreshTokenByHash(ctx.db, hashRefreshToken(presented));
  if (!row || row.revokedAt) throw INVALID_REFRESH();
  if (row.expiresAt.getTime() <= now.getTime()) throw INVALID_REFRESH();

  const outcome = await ctx.db.transaction(async (tx): Promise<RotateOutcome> => {
    if (!(await markRefreshTokenUsed(tx, row.id, now))) return { kind: 'reused', familyId: row.familyId };
    const refreshToken = await issueRefreshToken(ctx, tx, row.userId, row.familyId);
    return { kind: 'rotated', userId: row.userId, refreshToken };
  });
  if (outcome.kind === 'reused') {
    await revokeRefreshFamily(ctx.db, outcome.familyId, now);
    throw new ApiHttpError(
      401,
      'refresh_token_reused',
      'This refresh token was already used; the session has been revoked, sign in again',
    );
  }
  const user = await findUserById(ctx.db, outcome.userId);
  if (!user) throw INVALID_REFRESH();
  return authResponse(ctx, user, outcome.refreshToken);
}

/** Ends the session the refresh token belongs to. Unknown tokens are ignored (idempotent). */
export async function signOut(ctx: AppContext, presented: string): Promise<void> {
  const row = await findRefreshTokenByHash(ctx.db, hashRefreshToken(presented));
  if (row) await revokeRefreshFamily(ctx.db, row.familyId, ctx.now());
}
