/** The signed-in user's own account. */
import type { MeResponse } from '@flowstage/shared';
import type { AppContext } from '../../context';
import { unauthorized } from '../../http/errors';
import { listWorkspacesOfUser } from '../workspaces/repo';
import { findUserById } from './repo';

export async function getMe(ctx: AppContext, userId: string): Promise<MeResponse> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw unauthorized('unauthorized', 'This account no longer exists');
  return {
    user: { id: user.id, email: user.email, name: user.name },
    workspaces: await listWorkspacesOfUser(ctx.db, user.id),
  };
}
