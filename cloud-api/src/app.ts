/**
 * createCloudApi: opens the database (PGlite or PostgreSQL) and applies migrations,
 * loads the keys, builds the Fastify app and starts listening.
 */
import type { KeyObject } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { JSONWebKeySet } from 'jose';
import type { AppContext } from './context';
import { loadKeys } from './crypto/keys';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './crypto/password';
import { type Db, type DbKind, openDatabase } from './db/client';
import { installAuthDecorator } from './http/authenticate';
import { installErrorHandlers } from './http/errors';
import { registerAuthRoutes } from './modules/auth/routes';
import {
  DEFAULT_SIGN_IN_RATE_LIMIT,
  type SignInRateLimitOptions,
  SignInRateLimiter,
} from './modules/auth/rate-limit';
import { type DemoAgency, ensureDemoAgency } from './modules/demo/service';
import { registerHealthRoutes } from './modules/health/routes';
import { registerUserRoutes } from './modules/users/routes';
import { registerWellKnownRoutes } from './modules/wellknown/routes';
import { registerWorkspaceRoutes } from './modules/workspaces/routes';

export interface CloudApiOptions {
  /** `postgres://…`; absent → embedded PGlite in `<dataDir>/pglite`. */
  databaseUrl?: string;
  /** PGlite folder and `keys/` live here; ':memory:' keeps both in memory. */
  dataDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Structured request logs (pino) on stdout; default false. */
  logger?: boolean;
  /** Ed25519 private key for sync tokens (PKCS8 PEM or KeyObject); default: `<dataDir>/keys/`. */
  signingKey?: string | KeyObject;
  /** HS256 secret for access tokens (base64url, ≥ 32 bytes); default: `<dataDir>/keys/`. */
  accessTokenSecret?: string;
  /** scrypt cost; default DEFAULT_SCRYPT_PARAMS. Stored hashes with lower cost are upgraded at sign-in. */
  passwordHashing?: ScryptParams;
  /** Sign-in throttling (in memory, per process). */
  signInRateLimit?: Partial<SignInRateLimitOptions>;
  /** Trust X-Forwarded-For from a reverse proxy for client IPs; default false. */
  trustProxy?: boolean;
  /** The clock (tests move it instead of sleeping); default `() => new Date()`. */
  now?: () => Date;
  /** drizzle-kit migrations folder; default `cloud-api/drizzle`. */
  migrationsFolder?: string;
}

export interface CloudApi {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  app: FastifyInstance;
  db: Db;
  dbKind: DbKind;
  close(): Promise<void>;
  /** SPKI PEM of the key verifying sync tokens, for the sync server. */
  publicKeyPem: string;
  jwks: JSONWebKeySet;
  ensureDemoAgency(): Promise<DemoAgency>;
}

const BODY_LIMIT_BYTES = 64 * 1024;

function urlOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

export async function createCloudApi(options: CloudApiOptions): Promise<CloudApi> {
  const startedAt = new Date();
  const now = options.now ?? (() => new Date());
  const keys = await loadKeys({
    dataDir: options.dataDir,
    signingKey: options.signingKey,
    accessTokenSecret: options.accessTokenSecret,
  });
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    migrationsFolder: options.migrationsFolder,
  });

  const ctx: AppContext = {
    db: database.db,
    database,
    keys,
    now,
    scrypt: options.passwordHashing ?? DEFAULT_SCRYPT_PARAMS,
    signInLimiter: new SignInRateLimiter({ ...DEFAULT_SIGN_IN_RATE_LIMIT, ...options.signInRateLimit }, () =>
      now().getTime(),
    ),
    startedAt,
  };

  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
        }
      : false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  installAuthDecorator(app);
  registerHealthRoutes(app, ctx);
  registerWellKnownRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerWorkspaceRoutes(app, ctx);

  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ host, port: options.port ?? 0 });
  } catch (err) {
    await app.close();
    await database.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      try {
        await app.close();
      } finally {
        await database.close();
      }
    })();
    return closing;
  };

  return {
    url: urlOf(host, port),
    app,
    db: database.db,
    dbKind: database.kind,
    close,
    publicKeyPem: keys.publicKeyPem,
    jwks: keys.jwks,
    ensureDemoAgency: () => ensureDemoAgency(ctx),
  };
}
