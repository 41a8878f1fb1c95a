/**
 * Test support: start the real cloud API on PGlite (in memory) or on a fresh, uniquely
 * named PostgreSQL database when TEST_DATABASE_URL is set; dropped again on close.
 * Not imported by production code.
 */
import { randomBytes } from 'node:crypto';
import type { AuthResponse } from '@flowstage/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { type CloudApi, type CloudApiOptions, createCloudApi } from '../app';
import type { ScryptParams } from '../crypto/password';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export interface DbTarget {
  name: 'pglite' | 'postgres';
  enabled: boolean;
}

export const DB_TARGETS: readonly DbTarget[] = [
  { name: 'pglite', enabled: true },
  { name: 'postgres', enabled: TEST_DATABASE_URL !== undefined },
];

/** Why the PostgreSQL runs are skipped, or null when they run (printed once, by postgres.test.ts). */
export const POSTGRES_SKIP_REASON: string | null = TEST_DATABASE_URL
  ? null
  : 'cloud-api tests: PostgreSQL path skipped: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)';

/** Cheap scrypt for tests (the production cost is covered by password.test.ts). */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

/** A database created for one test file, dropped by `drop()`. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `flowstage_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A clock tests move forward instead of sleeping. */
export class TestClock {
  private offsetMs = 0;
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TestApi {
  api: CloudApi;
  app: FastifyInstance;
  clock: TestClock;
  close(): Promise<void>;
}

export async function startTestApi(
  target: DbTarget,
  overrides: Partial<CloudApiOptions> = {},
): Promise<TestApi> {
  const clock = new TestClock();
  const database =
    target.name === 'postgres' && TEST_DATABASE_URL ? await createTestDatabase(TEST_DATABASE_URL) : null;
  let api: CloudApi;
  try {
    api = await createCloudApi({
      dataDir: ':memory:',
      databaseUrl: database?.url,
      passwordHashing: TEST_SCRYPT,
      now: clock.now,
      ...overrides,
    });
  } catch (err) {
    await database?.drop();
    throw err;
  }
  return {
    api,
    app: api.app,
    clock,
    close: async () => {
      try {
        await api.close();
      } finally {
        await database?.drop();
      }
    },
  };
}

let counter = 0;

/** A unique e-mail address per call, so tests sharing a database never collide. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}.${Date.now().toString(36)}.${counter}.${randomBytes(3).toString('hex')}@example.test`;
}

/** A random TEST-NET-3 address for X-Forwarded-For, so sign-in throttling per IP stays out of the way. */
export function randomTestIp(): string {
  return `203.0.113.${1 + ((randomBytes(1)[0] ?? 0) % 254)}`;
}

export function postJson(
  app: FastifyInstance,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, payload: body as object, headers });
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function signUp(
  app: FastifyInstance,
  fields: { email?: string; password?: string; name?: string; agencyName?: string } = {},
): Promise<AuthResponse & { password: string }> {
  const password = fields.password ?? 'correct horse battery';
  const res = await postJson(app, '/v1/auth/signup', {
    email: fields.email ?? uniqueEmail(),
    password,
    name: fields.name ?? 'Test Booker',
    ...(fields.agencyName ? { agencyName: fields.agencyName } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  return { ...(res.json() as AuthResponse), password };
}
