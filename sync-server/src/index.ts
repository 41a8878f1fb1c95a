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
export type { Fanout, FanoutStats } from './fanout';
export type { SyncServerMetrics } from './metrics';
export { DEFAULT_RATE_LIMIT, type RateLimit } from './ratelimit';
export {
  createSyncServer,
  DEFAULT_MAX_MESSAGE_BYTES,
  type RedisOptions,
  type SyncServer,
  type SyncServerOptions,
} from './server';
export { PostgresDocStore, type PostgresDocStoreOptions } from './store/postgres';
export { seedRoom } from './store/seed';
export { SqliteDocStore, type SqliteDocStoreOptions } from './store/sqlite';
export type { DocStore, RoomHead, StoredRoom } from './store/types';
