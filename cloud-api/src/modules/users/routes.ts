/** HTTP: GET /v1/me. */
import { MeResponse } from '@flowstage/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { requireAuth, userIdOf } from '../../http/authenticate';
import { getMe } from './service';

export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/v1/me',
      { onRequest: requireAuth(ctx), schema: { response: { 200: MeResponse } } },
      async (request) => getMe(ctx, userIdOf(request)),
    );
}
