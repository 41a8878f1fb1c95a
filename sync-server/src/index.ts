export { type Access, type AccessDecision, authorize } from './access';
export {
  createJwksVerifier,
  createKeyVerifier,
  createPemVerifier,
  MAX_TOKEN_LENGTH,
  type TokenRejection,
  TokenRejectedError,
  type TokenVerifier,
  VerifierUnavailableError,
} from './auth';
export type { SyncServerMetrics } from './metrics';
export type { RateLimit } from './ratelimit';
export {
  createSyncServer,
  DEFAULT_MAX_MESSAGE_BYTES,
  type SyncServer,
  type SyncServerOptions,
} from './server';
export { seedRoom } from './store/seed';
export { SqliteDocStore, type SqliteDocStoreOptions } from './store/sqlite';
export type { DocStore, RoomHead } from './store/types';
