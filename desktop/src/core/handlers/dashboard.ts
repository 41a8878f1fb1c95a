/** Dashboard RPC: one read of the projection (queries/dashboard.ts). */
import type { RpcHandlers } from '@flowstage/shared';
import type { OpenedDb } from '../db/open';
import { dashboard } from '../queries/dashboard';

export function dashboardHandlers(
  workspace: () => { db: OpenedDb },
  now: () => Date = () => new Date(),
): Pick<RpcHandlers, 'dashboard.get'> {
  return {
    'dashboard.get': async ({ today }) =>
      dashboard(workspace().db.sqlite, today ?? now().toISOString().slice(0, 10)),
  };
}
