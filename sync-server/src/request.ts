/**
 * What an upgrade request asks for: a room or a workspace's manifest channel (from the
 * path: `/<workspaceId>/<docId>` or `/<workspaceId>/_manifest`) and the token (from an
 * `Authorization: Bearer` header, else the `token` query parameter — y-websocket clients
 * can only pass query parameters). The raw URL carries the token: never log it.
 */
import type { IncomingMessage } from 'node:http';
import { isWorkspaceId, MANIFEST_CHANNEL, parseRoomName } from '@flowstage/shared';

export interface UpgradeTarget {
  /** `<workspaceId>/<docId>`, or null when the path is not a room. */
  room: { name: string; workspaceId: string; docId: string } | null;
  /** The workspace whose manifest channel is asked for, or null. */
  manifest: { workspaceId: string } | null;
  token: string | null;
}

export function readUpgradeTarget(req: IncomingMessage): UpgradeTarget {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://sync.invalid');
  } catch {
    return { room: null, manifest: null, token: null };
  }
  const name = url.pathname.slice(1);
  const parsed = parseRoomName(name);
  const workspaceId = name.endsWith(`/${MANIFEST_CHANNEL}`)
    ? name.slice(0, -MANIFEST_CHANNEL.length - 1)
    : '';
  return {
    room: parsed ? { name, ...parsed } : null,
    manifest: isWorkspaceId(workspaceId) ? { workspaceId } : null,
    token: bearerToken(req.headers.authorization) ?? nonEmpty(url.searchParams.get('token')),
  };
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

function nonEmpty(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}
