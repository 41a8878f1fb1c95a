import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

describe('readConfig', () => {
  it('defaults', () => {
    const c = readConfig({ SYNC_JWKS_URL: 'http://127.0.0.1:4000/.well-known/jwks.json' });
    expect(c).toMatchObject({ host: '127.0.0.1', port: 4100, dataDir: resolve('.data') });
    expect(c.dbPath).toBe(join(resolve('.data'), 'sync', 'sync.db'));
    expect(c.auth).toEqual({ kind: 'jwks', url: 'http://127.0.0.1:4000/.well-known/jwks.json' });
    expect(c).toMatchObject({
      rateLimit: { messagesPerSecond: 200, burst: 400, onExceeded: 'throttle' },
      databaseUrl: undefined,
      redisUrl: undefined,
      instanceId: undefined,
    });
  });

  it('reads the store, fan-out and rate limit settings', () => {
    const base = { SYNC_JWKS_URL: 'http://a' };
    expect(readConfig({ ...base, DATABASE_URL: 'postgres://db/app' }).databaseUrl).toBe('postgres://db/app');
    const c = readConfig({
      ...base,
      DATABASE_URL: 'postgres://db/app',
      SYNC_DATABASE_URL: 'postgresql://db/sync',
      REDIS_URL: 'redis://cache:6379',
      SYNC_INSTANCE_ID: 'sync-1',
      SYNC_RATE_LIMIT: '50',
      SYNC_RATE_BURST: '60',
      SYNC_RATE_LIMIT_ACTION: 'close',
    });
    expect(c).toMatchObject({
      databaseUrl: 'postgresql://db/sync',
      redisUrl: 'redis://cache:6379',
      instanceId: 'sync-1',
      rateLimit: { messagesPerSecond: 50, burst: 60, onExceeded: 'close' },
    });
    expect(readConfig({ ...base, SYNC_RATE_LIMIT: '0' }).rateLimit).toBe(false);
    expect(() => readConfig({ ...base, SYNC_DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => readConfig({ ...base, REDIS_URL: 'http://x' })).toThrow(ConfigError);
    expect(() => readConfig({ ...base, SYNC_RATE_LIMIT_ACTION: 'drop' })).toThrow(ConfigError);
    expect(() => readConfig({ ...base, SYNC_INSTANCE_ID: 'a b' })).toThrow(ConfigError);
  });

  it('reads host, port, data dir and a PEM with escaped newlines', () => {
    const c = readConfig({
      SYNC_HOST: '0.0.0.0',
      SYNC_PORT: '0',
      FLOWSTAGE_DATA_DIR: '/tmp/fs',
      SYNC_TOKEN_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----',
    });
    expect(c).toMatchObject({ host: '0.0.0.0', port: 0, dbPath: '/tmp/fs/sync/sync.db' });
    expect(c.auth).toEqual({
      kind: 'pem',
      pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    });
  });

  it('refuses missing or contradictory key settings and bad numbers', () => {
    expect(() => readConfig({})).toThrow(ConfigError);
    expect(() => readConfig({ SYNC_TOKEN_PUBLIC_KEY: 'x', SYNC_JWKS_URL: 'http://a' })).toThrow(ConfigError);
    expect(() => readConfig({ SYNC_JWKS_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => readConfig({ SYNC_JWKS_URL: 'http://a', SYNC_PORT: '70000' })).toThrow(ConfigError);
    expect(() => readConfig({ SYNC_JWKS_URL: 'http://a', SYNC_PORT: '12ab' })).toThrow(ConfigError);
  });
});
