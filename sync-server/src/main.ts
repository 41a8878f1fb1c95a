/**
 * `node sync-server` entry point: configuration from the environment (see config.ts), the
 * PostgreSQL store when `SYNC_DATABASE_URL` (or `DATABASE_URL`) is set and the embedded
 * SQLite store under the data folder otherwise, the Redis fan-out when `REDIS_URL` is set,
 * and graceful shutdown on SIGINT/SIGTERM (clients are closed with 4503, accepted updates
 * finish storing, digests are written, Redis is disconnected, then the store is closed).
 */
import { createJwksVerifier, createPemVerifier, type TokenVerifier } from './auth';
import { ConfigError, readConfig, type SyncConfig } from './config';
import { createSyncServer } from './server';
import { PostgresDocStore } from './store/postgres';
import { SqliteDocStore } from './store/sqlite';
import type { DocStore } from './store/types';

const log = (line: string): void => {
  process.stderr.write(`${new Date().toISOString()} sync-server ${line}\n`);
};

async function verifierFor(auth: SyncConfig['auth']): Promise<TokenVerifier> {
  return auth.kind === 'pem' ? createPemVerifier(auth.pem) : createJwksVerifier(auth.url);
}

async function openStore(config: SyncConfig): Promise<DocStore> {
  if (config.databaseUrl) {
    const store = await PostgresDocStore.connect(config.databaseUrl, { logger: log });
    log('store: PostgreSQL');
    return store;
  }
  log(`store: SQLite ${config.dbPath}`);
  return new SqliteDocStore(config.dbPath, { logger: log });
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const auth = await verifierFor(config.auth);
  const store = await openStore(config);
  const server = await createSyncServer({
    host: config.host,
    port: config.port,
    store,
    auth,
    maxMessageBytes: config.maxMessageBytes,
    rateLimit: config.rateLimit,
    redis: config.redisUrl ? { url: config.redisUrl } : undefined,
    instanceId: config.instanceId,
    logger: log,
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  if (config.redisUrl) log(`fan-out: Redis, instance ${server.instanceId}`);
  process.stdout.write(`sync-server  ${server.url}\n`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: shutting down`);
    server
      .close()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log(`shutdown failed: ${(error as Error).stack ?? String(error)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) log(`configuration error: ${error.message}`);
  else log(`failed to start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
