/**
 * Authorization: what a verified token may do in a room.
 *
 *  - the token's workspace must be the room's workspace;
 *  - a token carrying an `artists` list (agents; the rule is applied to any role that
 *    carries one, the restrictive reading) may open `root`, the directory documents
 *    (`venues.*`, `contacts.*`) and `artist.<id>` only for ids in the list; without the
 *    list every document of the workspace is open;
 *  - `assistant` is read-only: it syncs and sends presence, its document updates are refused.
 */
import { artistOfDoc, type SyncTokenClaims } from '@flowstage/shared';

export type Access = 'read' | 'write';

export type AccessDecision = { ok: true; access: Access } | { ok: false; reason: string };

const READ_ONLY_ROLES: ReadonlySet<SyncTokenClaims['role']> = new Set(['assistant']);

export function authorize(
  claims: SyncTokenClaims,
  room: { workspaceId: string; docId: string },
): AccessDecision {
  if (claims.ws !== room.workspaceId) return { ok: false, reason: 'token is for another workspace' };
  const artistId = artistOfDoc(room.docId);
  if (artistId !== null && claims.artists !== undefined && !claims.artists.includes(artistId)) {
    return { ok: false, reason: 'artist not assigned to this member' };
  }
  return { ok: true, access: READ_ONLY_ROLES.has(claims.role) ? 'read' : 'write' };
}
