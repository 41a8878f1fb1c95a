/**
 * The one typed RPC contract between the desktop renderer and the core
 * (Electron IPC or the browser shell's WebSocket). Every call's params are
 * validated with these schemas at the core's boundary.
 */
import { z } from 'zod';
import { ArtistKind } from '../domain/enums';
import { ArtistRecord } from '../domain/records';
import { WorkspaceDto } from '../api/cloud';
import { advancingContract } from './advancing';
import { calendarContract } from './calendar';
import { dealsContract } from './deals';
import { directoryContract } from './directory';
import { dashboardContract } from './dashboard';
import { editsContract } from './edits';
import { filesContract, LocalFilePath } from './files';
import { tourContract } from './tour';

export const SyncState = z.enum(['synced', 'syncing', 'offline', 'error']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  overall: SyncState,
  docs: z.number().int(),
  synced: z.number().int(),
  /** Local updates not yet acknowledged by the server. */
  pendingUpdates: z.number().int(),
  lastError: z.string().nullable(),
  /** Documents with a sync connection open now, and the most at once since start. */
  openDocs: z.number().int(),
  peakOpenDocs: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SessionState = z.object({
  signedIn: z.boolean(),
  cloudUrl: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  workspace: WorkspaceDto.nullable(),
  workspaces: z.array(WorkspaceDto),
});
export type SessionState = z.infer<typeof SessionState>;

export const ArtistRow = ArtistRecord.pick({
  id: true,
  name: true,
  kind: true,
  genres: true,
  feeMin: true,
  feeMax: true,
  currency: true,
  draw: true,
  homeCity: true,
  homeCountry: true,
  updatedAt: true,
}).extend({ dealCount: z.number().int(), nextShow: z.string().nullable() });
export type ArtistRow = z.infer<typeof ArtistRow>;

export const ArtistPatch = ArtistRecord.pick({
  name: true,
  kind: true,
  genres: true,
  lineupSize: true,
  feeMin: true,
  feeMax: true,
  currency: true,
  draw: true,
  homeCity: true,
  homeCountry: true,
  bio: true,
  technicalRider: true,
  mediaLinks: true,
  agentId: true,
  radiusKm: true,
  radiusDaysBefore: true,
  radiusDaysAfter: true,
})
  .partial()
  .strict();
export type ArtistPatch = z.infer<typeof ArtistPatch>;

export const WorkspaceCounts = z.object({
  artists: z.number().int(),
  venues: z.number().int(),
  contacts: z.number().int(),
  deals: z.number().int(),
  events: z.number().int(),
});

const none = z.object({}).strict();

/** Collections the global search (Ctrl-K) covers. */
export const SearchCollection = z.enum(['artists', 'venues', 'contacts', 'deals']);
export type SearchCollection = z.infer<typeof SearchCollection>;

export const SearchHit = z.object({
  collection: SearchCollection,
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const BackupSummary = z.object({
  path: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  documents: z.number().int(),
  bytes: z.number().int(),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

/** Where the open workspace's backup goes unless the user picks another file. */
export const BackupDefaultPath = z.object({ path: z.string() });
export type BackupDefaultPath = z.infer<typeof BackupDefaultPath>;

export const rpcContract = {
  ...directoryContract,
  ...dealsContract,
  ...filesContract,
  ...editsContract,
  ...dashboardContract,
  ...calendarContract,
  ...advancingContract,
  ...tourContract,
  'app.info': {
    params: none,
    result: z.object({ version: z.string(), shell: z.enum(['electron', 'browser']) }),
  },
  'session.get': { params: none, result: SessionState },
  'session.signIn': {
    params: z.object({ email: z.string().max(254), password: z.string().max(200) }).strict(),
    result: SessionState,
  },
  'session.signUp': {
    params: z
      .object({
        email: z.string().max(254),
        password: z.string().max(200),
        name: z.string().max(120),
        agencyName: z.string().max(120).optional(),
      })
      .strict(),
    result: SessionState,
  },
  'session.signOut': { params: none, result: SessionState },
  'session.selectWorkspace': {
    params: z.object({ workspaceId: z.string().max(64) }).strict(),
    result: SessionState,
  },
  'workspace.counts': { params: none, result: WorkspaceCounts },
  'roster.list': {
    params: z
      .object({
        search: z.string().max(200).optional(),
      })
      .strict(),
    result: z.array(ArtistRow),
  },
  'artist.get': { params: z.object({ id: z.string().max(64) }).strict(), result: ArtistRecord },
  'artist.update': {
    params: z.object({ id: z.string().max(64), patch: ArtistPatch }).strict(),
    result: ArtistRecord,
  },
  /** A new roster artist from a name (the native menu's "New artist"); other fields get defaults. */
  'artist.create': {
    params: z.object({ name: z.string().trim().min(1).max(200), kind: ArtistKind.optional() }).strict(),
    result: ArtistRecord,
  },
  'artist.delete': { params: z.object({ id: z.string().max(64) }).strict(), result: ArtistRecord },
  'artist.restore': { params: z.object({ id: z.string().max(64) }).strict(), result: ArtistRecord },
  'search.global': {
    params: z
      .object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).optional() })
      .strict(),
    result: z.array(SearchHit),
  },
  'backup.export': { params: z.object({ path: LocalFilePath }).strict(), result: BackupSummary },
  'backup.import': { params: z.object({ path: LocalFilePath }).strict(), result: BackupSummary },
  'backup.defaultPath': { params: none, result: BackupDefaultPath },
  'sync.status': { params: none, result: SyncStatus },
  'sync.documents': {
    params: none,
    result: z.array(
      z.object({ docId: z.string(), state: SyncState, open: z.boolean(), pendingUpdates: z.number().int() }),
    ),
  },
} as const;

export type RpcContract = typeof rpcContract;
export type RpcMethod = keyof RpcContract;
export type RpcParams<M extends RpcMethod> = z.input<RpcContract[M]['params']>;
export type RpcResult<M extends RpcMethod> = z.output<RpcContract[M]['result']>;
export type RpcHandlers = {
  [M in RpcMethod]: (params: z.output<RpcContract[M]['params']>) => Promise<RpcResult<M>>;
};

/** Events pushed from the core to the renderer. */
export const rpcEvents = {
  'sync.status': SyncStatus,
  'data.changed': z.object({ collections: z.array(z.string()) }),
  'session.changed': SessionState,
} as const;
export type RpcEventName = keyof typeof rpcEvents;
export type RpcEventPayload<E extends RpcEventName> = z.output<(typeof rpcEvents)[E]>;

/** Wire format of the browser shell's WebSocket and of Electron's IPC channel. */
export const RpcRequest = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  params: z.unknown(),
});
export type RpcRequest = z.infer<typeof RpcRequest>;

export type RpcResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: string; message: string; details?: unknown } };

export type RpcEventMessage = { event: RpcEventName; payload: unknown };

export function isRpcMethod(m: string): m is RpcMethod {
  return Object.hasOwn(rpcContract, m);
}
