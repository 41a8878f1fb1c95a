import type { RpcHandlers } from '@flowstage/shared';
import type { AuthResponse } from '@flowstage/shared';
import { asRpcError, type CoreContext } from '../context';
import { RpcError } from '../rpc/dispatch';

type SessionHandlers = Pick<
  RpcHandlers,
  'session.get' | 'session.signIn' | 'session.signUp' | 'session.signOut' | 'session.selectWorkspace'
>;

export function sessionHandlers(ctx: CoreContext): SessionHandlers {
  const adopt = (auth: AuthResponse) => {
    const stored = ctx.session.adopt(auth);
    if (stored.workspaceId) ctx.openWorkspace(stored.workspaceId);
    const state = ctx.sessionState();
    ctx.emit('session.changed', state);
    return state;
  };
  return {
    'session.get': async () => ctx.sessionState(),
    'session.signIn': async ({ email, password }) =>
      adopt(await ctx.cloud.signIn({ email, password }).catch(asRpcError)),
    'session.signUp': async (p) => adopt(await ctx.cloud.signUp(p).catch(asRpcError)),
    'session.signOut': async () => {
      ctx.closeWorkspace();
      await ctx.session.signOut();
      const state = ctx.sessionState();
      ctx.emit('session.changed', state);
      return state;
    },
    'session.selectWorkspace': async ({ workspaceId }) => {
      const known = ctx.session.current?.workspaces.some((w) => w.id === workspaceId);
      if (!known) throw new RpcError('not_found', 'no such workspace for this account');
      ctx.session.selectWorkspace(workspaceId);
      ctx.openWorkspace(workspaceId);
      const state = ctx.sessionState();
      ctx.emit('session.changed', state);
      return state;
    },
  };
}
