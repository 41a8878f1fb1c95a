/**
 * Bearer authentication with the cloud API's access tokens. Protected routes add
 * `onRequest: requireAuth(ctx)`, which runs before body validation, so an anonymous
 * request is answered 401 whatever its body; handlers then read `userIdOf(request)`.
 */
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { AppContext } from '../context';
import { verifyAccessToken } from '../crypto/tokens';
import { unauthorized } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireAuth` on protected routes. */
    userId: string | null;
  }
}

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i;

export function installAuthDecorator(app: FastifyInstance): void {
  app.decorateRequest('userId', null);
}

export function requireAuth(ctx: AppContext): onRequestAsyncHookHandler {
  return async (request) => {
    const header = request.headers.authorization;
    if (!header) throw unauthorized('unauthorized', 'Missing "Authorization: Bearer <access token>" header');
    const match = BEARER.exec(header);
    if (!match?.[1])
      throw unauthorized('unauthorized', 'The Authorization header must be "Bearer <access token>"');
    const check = await verifyAccessToken(ctx.keys, match[1], ctx.now());
    if (!check.ok) {
      throw check.reason === 'expired'
        ? unauthorized('token_expired', 'The access token has expired; refresh it')
        : unauthorized('invalid_token', 'The access token is invalid');
    }
    request.userId = check.userId;
  };
}

/** The authenticated user's id, on a route guarded by `requireAuth`. */
export function userIdOf(request: FastifyRequest): string {
  if (!request.userId) throw unauthorized();
  return request.userId;
}
