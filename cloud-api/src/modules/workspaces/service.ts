/** Workspaces: creation, and the sync tokens that open a workspace's documents. */
import {
  type SyncTokenClaims,
  type SyncTokenResponse,
  UUID_RE,
  uuidv7,
  type WorkspaceDto,
} from '@flowstage/shared';
import type { AppContext } from '../../context';
import { signSyncToken } from '../../crypto/tokens';
import { forbidden, notFound } from '../../http/errors';
import { findMembership, findWorkspaceById, insertMember, insertWorkspace } from './repo';

export async function createWorkspace(ctx: AppContext, userId: string, name: string): Promise<WorkspaceDto> {
  const workspace = await ctx.db.transaction(async (tx) => {
    const created = await insertWorkspace(tx, { id: uuidv7(ctx.now().getTime()), name, createdBy: userId });
    await insertMember(tx, { workspaceId: created.id, userId, role: 'owner' });
    return created;
  });
  return { id: workspace.id, name: workspace.name, role: 'owner' };
}

/**
 * A sync token for a member of the workspace. Agents get the list of artists assigned to
 * them (empty when none is); owners and assistants get no `artists` claim, meaning all.
 */
export async function issueSyncToken(
  ctx: AppContext,
  userId: string,
  workspaceId: string,
): Promise<SyncTokenResponse> {
  const id = workspaceId.toLowerCase();
  const workspace = UUID_RE.test(id) ? await findWorkspaceById(ctx.db, id) : null;
  if (!workspace) throw notFound('No such workspace');
  const member = await findMembership(ctx.db, workspace.id, userId);
  if (!member) throw forbidden('You are not a member of this workspace');
  const claims: SyncTokenClaims = { sub: userId, ws: workspace.id, role: member.role };
  if (member.role === 'agent') claims.artists = member.artistIds ?? [];
  const { token, expiresAt } = await signSyncToken(ctx.keys, claims, ctx.now());
  return { token, expiresAt: expiresAt.toISOString(), workspaceId: workspace.id, role: member.role };
}
