/** HTTP: POST /v1/workspaces, POST /v1/workspaces/:id/sync-token. */
import { CreateWorkspaceBody, SyncTokenResponse, WorkspaceDto } from '@flowstage/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireAuth, userIdOf } from '../../http/authenticate';
import { withoutNul } from '../../http/schemas';
import { createWorkspace, issueSyncToken } from './service';

const WorkspaceParams = withoutNul(z.object({ id: z.string().min(1).max(64) }));

export function registerWorkspaceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/v1/workspaces',
    {
      onRequest: requireAuth(ctx),
      schema: { body: withoutNul(CreateWorkspaceBody), response: { 201: WorkspaceDto } },
    },
    async (request, reply) =>
      reply.status(201).send(await createWorkspace(ctx, userIdOf(request), request.body.name)),
  );

  r.post(
    '/v1/workspaces/:id/sync-token',
    {
      onRequest: requireAuth(ctx),
      schema: { params: WorkspaceParams, response: { 200: SyncTokenResponse } },
    },
    async (request) => issueSyncToken(ctx, userIdOf(request), request.params.id),
  );
}
