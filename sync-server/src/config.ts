/**
 * The sync server's configuration, from the environment:
 *
 *   SYNC_HOST               interface to listen on (default 127.0.0.1)
 *   SYNC_PORT               port (default 4100; 0 = any free port)
 *   FLOWSTAGE_DATA_DIR      data folder (default .data); the store is <dataDir>/sync/sync.db
 *   SYNC_TOKEN_PUBLIC_KEY   the cloud API's Ed25519 public key, SPKI PEM ("\n" escapes allowed)
 *   SYNC_JWKS_URL           or: the cloud API's JWKS URL (exactly one of the two)
 *   SYNC_MAX_MESSAGE_BYTES  largest accepted message (default 2 MiB)
 *   SYNC_RATE_LIMIT         per-connection messages per second (default 200; 0 = off)
 *   SYNC_RATE_BURST         messages allowed at once (default 400)
 *   SYNC_RATE_LIMIT_ACTION  `throttle` (default: hold messages back) or `close` (4429)
 *   SYNC_DATABASE_URL       PostgreSQL store (falls back to DATABASE_URL); unset = SQLite file
 *   REDIS_URL               Redis fan-out to other instances; unset = this instance alone
 *   SYNC_INSTANCE_ID        this instance's id in fan-out messages (default: random)
 */
import { join, resolve } from 'node:path';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './ratelimit';

export type AuthConfig = { kind: 'pem'; pem: string } | { kind: 'jwks'; url: string };

export interface SyncConfig {
  host: string;
  port: number;
  dataDir: string;
  dbPath: string;
  auth: AuthConfig;
  maxMessageBytes: number | undefined;
  rateLimit: RateLimit | false;
  /** PostgreSQL connection string, or undefined for the embedded SQLite store. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  instanceId: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined>): SyncConfig {
  const host = value(env.SYNC_HOST) ?? '127.0.0.1';
  const port = integer(env.SYNC_PORT, 'SYNC_PORT', 0, 65535) ?? 4100;
  const dataDir = resolve(value(env.FLOWSTAGE_DATA_DIR) ?? '.data');
  const maxMessageBytes = integer(
    env.SYNC_MAX_MESSAGE_BYTES,
    'SYNC_MAX_MESSAGE_BYTES',
    1024,
    256 * 1024 * 1024,
  );
  const pem = value(env.SYNC_TOKEN_PUBLIC_KEY);
  const jwks = value(env.SYNC_JWKS_URL);
  if (pem && jwks) throw new ConfigError('set SYNC_TOKEN_PUBLIC_KEY or SYNC_JWKS_URL, not both');
  let auth: AuthConfig;
  if (pem) {
    auth = { kind: 'pem', pem: pem.replace(/\\n/g, '\n') };
  } else if (jwks) {
    if (!URL.canParse(jwks)) throw new ConfigError('SYNC_JWKS_URL is not a URL');
    auth = { kind: 'jwks', url: jwks };
  } else {
    throw new ConfigError('SYNC_TOKEN_PUBLIC_KEY (PEM) or SYNC_JWKS_URL is required to verify sync tokens');
  }
  const databaseUrl = value(env.SYNC_DATABASE_URL) ?? value(env.DATABASE_URL);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('SYNC_DATABASE_URL (or DATABASE_URL) must be a postgres:// URL');
  }
  const redisUrl = value(env.REDIS_URL);
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must be a redis:// URL');
  const instanceId = value(env.SYNC_INSTANCE_ID);
  if (instanceId && !/^[\w.-]{1,64}$/.test(instanceId)) {
    throw new ConfigError('SYNC_INSTANCE_ID must be 1 to 64 letters, digits, dots, dashes or underscores');
  }
  return {
    host,
    port,
    dataDir,
    dbPath: join(dataDir, 'sync', 'sync.db'),
    auth,
    maxMessageBytes,
    rateLimit: readRateLimit(env),
    databaseUrl,
    redisUrl,
    instanceId,
  };
}

function readRateLimit(env: Record<string, string | undefined>): RateLimit | false {
  const perSecond = integer(env.SYNC_RATE_LIMIT, 'SYNC_RATE_LIMIT', 0, 1_000_000);
  if (perSecond === 0) return false;
  const action = value(env.SYNC_RATE_LIMIT_ACTION) ?? 'throttle';
  if (action !== 'throttle' && action !== 'close') {
    throw new ConfigError('SYNC_RATE_LIMIT_ACTION must be throttle or close');
  }
  return {
    messagesPerSecond: perSecond ?? DEFAULT_RATE_LIMIT.messagesPerSecond,
    burst: integer(env.SYNC_RATE_BURST, 'SYNC_RATE_BURST', 1, 10_000_000) ?? DEFAULT_RATE_LIMIT.burst,
    onExceeded: action,
  };
}

function value(raw: string | undefined): string | undefined {
  const v = raw?.trim();
  return v ? v : undefined;
}

function integer(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  const v = value(raw);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max)
    throw new ConfigError(`${name} must be an integer in ${min}..${max}`);
  return n;
}
