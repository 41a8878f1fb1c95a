/** HTTP: GET /health — 200 when the database answers `select 1`, 503 otherwise. */
import { HealthResponse } from '@flowstage/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { ApiHttpError } from '../../http/errors';
import { SERVICE_NAME, VERSION } from '../../version';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/health', { schema: { response: { 200: HealthResponse } } }, async (request) => {
      try {
        await ctx.database.ping();
      } catch (err) {
        request.log.error({ err }, 'health check: database unreachable');
        throw new ApiHttpError(503, 'db_unavailable', 'The database is not answering', {
          db: ctx.database.kind,
        });
      }
      return {
        status: 'ok' as const,
        service: SERVICE_NAME,
        version: VERSION,
        uptimeS: Math.round((Date.now() - ctx.startedAt.getTime()) / 100) / 10,
        details: { db: ctx.database.kind },
      };
    });
}
