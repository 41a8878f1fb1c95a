import { isWorkspaceId, parseRoomName } from '@flowstage/shared';

/** Throws unless `room` is a well-formed `<workspaceId>/<docId>`. */
export function assertRoom(room: string): void {
  if (typeof room !== 'string' || parseRoomName(room) === null) {
    throw new TypeError(`invalid room name: ${JSON.stringify(String(room)).slice(0, 80)}`);
  }
}

/** What every store checks before it accepts an update into its log. */
export function assertUpdateBytes(update: Uint8Array): void {
  if (!(update instanceof Uint8Array) || update.byteLength === 0) {
    throw new TypeError('an update must be a non-empty Uint8Array');
  }
}

/**
 * The half-open key range `[from, to)` holding every room of a workspace: rooms are
 * `<workspaceId>/<docId>` and `'0'` is the character right after `'/'`, so a plain index
 * range scan finds them (no LIKE, whose wildcards would need escaping).
 */
export function workspaceRange(workspaceId: string): [string, string] {
  if (!isWorkspaceId(workspaceId)) throw new TypeError('invalid workspace id');
  return [`${workspaceId}/`, `${workspaceId}0`];
}
