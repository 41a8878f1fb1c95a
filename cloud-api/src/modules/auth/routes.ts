/** HTTP: /v1/auth/signup, /signin, /refresh, /signout. */
import { AuthResponse, RefreshBody, SignInBody, SignUpBody } from '@flowstage/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { withoutNul } from '../../http/schemas';
import { refresh, signIn, signOut, signUp } from './service';

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/v1/auth/signup',
    { schema: { body: withoutNul(SignUpBody), response: { 201: AuthResponse } } },
    async (request, reply) => reply.status(201).send(await signUp(ctx, request.body)),
  );

  r.post(
    '/v1/auth/signin',
    { schema: { body: withoutNul(SignInBody), response: { 200: AuthResponse } } },
    async (request) => signIn(ctx, request.body, request.ip),
  );

  r.post(
    '/v1/auth/refresh',
    { schema: { body: RefreshBody, response: { 200: AuthResponse } } },
    async (request) => refresh(ctx, request.body.refreshToken),
  );

  r.post('/v1/auth/signout', { schema: { body: RefreshBody } }, async (request, reply) => {
    await signOut(ctx, request.body.refreshToken);
    return reply.status(204).send();
  });
}
