/**
 * The sync token: a short-lived JWT the cloud API issues for one workspace and the
 * sync server verifies with the cloud's public key (EdDSA / Ed25519).
 */
import { z } from 'zod';
import { MemberRole } from '../domain/enums';

export const SYNC_TOKEN_ISSUER = 'flowstage-cloud';
export const SYNC_TOKEN_AUDIENCE = 'flowstage-sync';
export const SYNC_TOKEN_ALG = 'EdDSA';
export const SYNC_TOKEN_TTL_SECONDS = 15 * 60;

export const SyncTokenClaims = z.object({
  /** user id */
  sub: z.string().min(1),
  /** workspace id */
  ws: z.string().min(1).max(64),
  role: MemberRole,
  /** For agents: the artist ids whose documents they may open. Absent = all. */
  artists: z.array(z.string()).optional(),
});
export type SyncTokenClaims = z.infer<typeof SyncTokenClaims>;

/** Close codes the sync server uses, so clients can tell refusals apart. */
export const SYNC_CLOSE = {
  unauthorized: 4401,
  forbidden: 4403,
  badMessage: 4400,
  tooLarge: 4413,
  rateLimited: 4429,
  shuttingDown: 4503,
} as const;
