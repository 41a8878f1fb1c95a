/**
 * The desktop core: the local-first engine (SQLite, Yjs documents, sync, cloud
 * client) behind the typed RPC contract. It runs in plain Node — in Electron's
 * utilityProcess or in the browser shell.
 */
import type { RpcHandlers } from '@flowstage/shared';
import { CoreContext, type CoreOptions } from './context';
import { advancingHandlers } from './handlers/advancing';
import { calendarHandlers } from './handlers/calendar';
import { dealCreateHandlers } from './handlers/deal-create';
import { dealHandlers } from './handlers/deals';
import { fileHandlers } from './export/files';
import { dashboardHandlers } from './handlers/dashboard';
import { directoryHandlers } from './handlers/directory';
import { directoryRecordHandlers } from './handlers/directory-records';
import { editsHandlers } from './handlers/edits';
import { rosterHandlers } from './handlers/roster';
import { sessionHandlers } from './handlers/session';
import { storageHandlers } from './handlers/storage';
import { defaultDistanceProvider, tourHandlers } from './handlers/tour';
import type { CoreHost } from './rpc/dispatch';

export type { CoreOptions } from './context';
export type { CoreHost } from './rpc/dispatch';
export { dispatch, RpcError } from './rpc/dispatch';

export async function createCore(options: CoreOptions): Promise<CoreHost & { context: CoreContext }> {
  const ctx = new CoreContext(options);
  const actor = () => ctx.session.current?.user.name || ctx.session.current?.user.email || '';
  const dealCreate = dealCreateHandlers(
    () => ctx.workspace,
    () => new Date(),
    actor,
  );
  const dealEdit = dealHandlers(
    () => ctx.workspace,
    () => new Date(),
    actor,
  );
  const handlers: RpcHandlers = {
    'app.info': async () => ({ version: options.version ?? '0.1.0', shell: options.shell ?? 'browser' }),
    ...sessionHandlers(ctx),
    ...rosterHandlers(ctx),
    ...directoryHandlers(() => ctx.workspace),
    ...directoryRecordHandlers(() => ctx.workspace),
    ...dealEdit,
    ...dealCreate,
    ...storageHandlers(ctx),
    ...editsHandlers(() => ctx.workspace),
    ...dashboardHandlers(() => ctx.workspace),
    ...fileHandlers(),
    ...calendarHandlers(() => ctx.workspace),
    ...advancingHandlers(() => ctx.workspace),
    ...tourHandlers(
      () => ctx.workspace,
      { ...dealCreate, ...dealEdit },
      () => new Date(),
      defaultDistanceProvider(options.dataDir),
    ),
    'sync.status': async () => ctx.syncStatus(),
    'sync.documents': async () => ctx.openedWorkspace?.sync.documents() ?? [],
  };
  return {
    handlers,
    context: ctx,
    onEvent: (listener) => ctx.onEvent(listener),
    close: async () => ctx.closeWorkspace(),
  };
}
