/** Messages between the sync benchmark (scripts/bench/sync.ts) and its child processes. */
import { z } from 'zod';

export const Counts = z.object({
  artists: z.number().int(),
  venues: z.number().int(),
  contacts: z.number().int(),
  deals: z.number().int(),
  events: z.number().int(),
});
export type Counts = z.infer<typeof Counts>;

export const SeedJob = z.object({
  root: z.string(),
  dbPath: z.string(),
  large: z.object({ workspaceId: z.string(), counts: Counts }),
  small: z.object({ workspaceIds: z.array(z.string()), counts: Counts }),
});
export type SeedJob = z.infer<typeof SeedJob>;

export const SeedResult = z.object({
  largeDocs: z.number().int(),
  largeRecords: Counts,
  smallDocs: z.number().int(),
  ms: z.number(),
});
export type SeedResult = z.infer<typeof SeedResult>;

export const OpenJob = z.object({ dataDir: z.string(), cloudUrl: z.string(), syncUrl: z.string() });
export type OpenJob = z.infer<typeof OpenJob>;

export const OpenResult = z.object({
  coldOpenMs: z.number(),
  /** From process start (Node + module loading included). */
  processToRosterMs: z.number(),
  rosterRows: z.number().int(),
  rssOpenMb: z.number(),
  rssSyncedMb: z.number(),
  openedDocs: z.number().int(),
});
export type OpenResult = z.infer<typeof OpenResult>;

export const ClientsRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('connect'),
    syncUrl: z.string(),
    clients: z.array(z.object({ workspaceId: z.string(), token: z.string() })),
  }),
  z.object({
    type: z.literal('check'),
    edits: z.array(z.object({ artistId: z.string(), name: z.string() })),
  }),
  z.object({ type: z.literal('close') }),
]);
export type ClientsRequest = z.infer<typeof ClientsRequest>;

export const ClientsReply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), ms: z.number(), clients: z.number().int() }),
  z.object({ type: z.literal('present'), counts: z.array(z.number().int()) }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type ClientsReply = z.infer<typeof ClientsReply>;
