/**
 * Reports (once per run) whether the PostgreSQL variants of the integration suites run,
 * and checks the per-file throwaway databases they rely on are created and dropped.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from './harness';

if (POSTGRES_SKIP_REASON) console.info(POSTGRES_SKIP_REASON);

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const res = await client.query('select 1 from pg_database where datname = $1', [name]);
    return res.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL test databases', () => {
  it('creates a uniquely named database per test file and drops it afterwards', async () => {
    const adminUrl = TEST_DATABASE_URL ?? '';
    const [a, b] = await Promise.all([createTestDatabase(adminUrl), createTestDatabase(adminUrl)]);
    const nameOf = (url: string) => new URL(url).pathname.slice(1);
    expect(nameOf(a.url)).not.toBe(nameOf(b.url));
    expect(nameOf(a.url)).toMatch(/^flowstage_test_/);
    expect(await databaseExists(adminUrl, nameOf(a.url))).toBe(true);
    await Promise.all([a.drop(), b.drop()]);
    expect(await databaseExists(adminUrl, nameOf(a.url))).toBe(false);
    expect(await databaseExists(adminUrl, nameOf(b.url))).toBe(false);
  });
});
