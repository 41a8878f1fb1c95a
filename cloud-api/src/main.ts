/**
 * Process entry point: `tsx cloud-api/src/main.ts` (or the esbuild bundle).
 *
 * Environment:
 *   CLOUD_API_HOST          listen address (default 127.0.0.1)
 *   CLOUD_API_PORT          listen port (default 4000; 0 = any free port)
 *   DATABASE_URL            postgres://… ; unset → embedded PGlite in <data>/cloud/pglite
 *   FLOWSTAGE_DATA_DIR      data root (default .data); the cloud API uses <root>/cloud
 *   SYNC_SIGNING_KEY_PEM    Ed25519 PKCS8 PEM signing sync tokens (default: <data>/cloud/keys/)
 *   ACCESS_TOKEN_SECRET     base64url HS256 secret (≥ 32 bytes) for access tokens (default: keys/)
 *   CLOUD_API_LOG           1 → JSON request logs on stdout (default off)
 *   CLOUD_API_TRUST_PROXY   1 → client IPs from X-Forwarded-For (behind a reverse proxy)
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { createCloudApi } from './app';

const Flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const Env = z.object({
  CLOUD_API_HOST: z.string().min(1).default('127.0.0.1'),
  CLOUD_API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  FLOWSTAGE_DATA_DIR: z.string().min(1).default('.data'),
  SYNC_SIGNING_KEY_PEM: z.string().min(1).optional(),
  ACCESS_TOKEN_SECRET: z.string().min(1).optional(),
  CLOUD_API_LOG: Flag,
  CLOUD_API_TRUST_PROXY: Flag,
});

/** An empty variable (`DATABASE_URL=`) counts as unset. */
function nonEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

async function main(): Promise<void> {
  const parsed = Env.safeParse(nonEmpty(process.env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    process.stderr.write(`cloud-api: invalid environment\n${lines.join('\n')}\n`);
    process.exit(2);
  }
  const env = parsed.data;
  const api = await createCloudApi({
    host: env.CLOUD_API_HOST,
    port: env.CLOUD_API_PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: join(resolve(env.FLOWSTAGE_DATA_DIR), 'cloud'),
    signingKey: env.SYNC_SIGNING_KEY_PEM,
    accessTokenSecret: env.ACCESS_TOKEN_SECRET,
    logger: env.CLOUD_API_LOG,
    trustProxy: env.CLOUD_API_TRUST_PROXY,
  });
  process.stdout.write(`cloud-api  ${api.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`cloud-api: ${signal} again, exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    api.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(
          `cloud-api: error while closing: ${err instanceof Error ? err.message : String(err)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`cloud-api: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
