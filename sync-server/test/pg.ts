/**
 * PostgreSQL for tests: `TEST_DATABASE_URL` points at a server where the role may create
 * databases. Each test file gets a fresh, uniquely named database, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';
/** For `describe.skipIf`: true when no PostgreSQL is configured. */
export const withoutPostgres = TEST_DATABASE_URL === '';

export function skipReason(file: string): void {
  if (withoutPostgres) console.warn(`${file}: TEST_DATABASE_URL is not set — PostgreSQL tests skipped`);
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `flowstage_sync_${label}_${randomBytes(6).toString('hex')}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad test database name: ${name}`);
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** Empties the store's tables (the schema stays). */
export async function truncateStore(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('TRUNCATE sync_updates, sync_snapshots, sync_digests');
  } finally {
    await client.end();
  }
}
