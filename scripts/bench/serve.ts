/**
 * What the sync server spends serving a fresh device's catch-up: the large agency of the
 * sync benchmark is seeded into the server's store, then bare y-protocols clients open
 * every document's room (8 at a time), ask for everything (sync step 1 with an empty
 * state vector), wait for the server's sync step 2 and close. Figures: wall time, the
 * server process's CPU seconds, and the bytes served. FLOWSTAGE_BENCH_SCALE=0.1 runs a
 * smaller agency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthResponse, HealthResponse, roomName, SyncTokenResponse } from '@flowstage/shared';
import { readConfig, repoRoot, type Service, startCloud, startSync } from '../stack';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoAccount } from '../stack/demo';
import { largeAgency } from './agency';
import { type Figure, report } from './report';
import { fetchAll, manifestDocIds } from './sync/fetch';
import { cpuSeconds, post, runChild, until } from './sync/lib';
import { type SeedJob, SeedResult } from './sync/protocol';

const CONCURRENCY = 8;
const LARGE = largeAgency();

const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) console.error(`bench  ${line}`);
};
const figures: Figure[] = [];
const figure = (name: string, value: number, unit: string) => figures.push({ name, value, unit });
const round1 = (n: number) => Math.round(n * 10) / 10;
const dataDir = mkdtempSync(join(tmpdir(), 'flowstage-bench-serve-'));
const config = { ...readConfig(repoRoot, {}), dataDir, cloudPort: 0, syncPort: 0 };
const services: Service[] = [];

/** Resolves once the server holds no room and no connection (every room was unloaded). */
function serverIdle(sync: Service): Promise<unknown> {
  return until(
    'the server to unload every room',
    async () => {
      const health = HealthResponse.parse(await (await fetch(new URL('/health', sync.url))).json());
      return health.details?.rooms === 0 && health.details.connections === 0;
    },
    60_000,
  );
}

async function main(): Promise<void> {
  log(`data in ${dataDir}`);
  const cloud = await startCloud(config, { quiet: true });
  services.push(cloud);
  const demo = await ensureDemoAccount(cloud.url);
  log('generating and storing the large agency (child process)…');
  const job: SeedJob = {
    root: repoRoot,
    dbPath: join(dataDir, 'sync', 'sync.db'),
    large: { workspaceId: demo.workspaceId, counts: LARGE },
    // No small workspaces (the seeding child still generates one: keep it tiny).
    small: { workspaceIds: [], counts: { artists: 1, venues: 1, contacts: 1, deals: 1, events: 1 } },
  };
  const seeded = await runChild(repoRoot, 'seed', job, SeedResult);
  figure('seed_s', round1(seeded.ms / 1000), 's');
  const sync = await startSync(config, cloud.url, { quiet: true });
  services.push(sync);
  const syncUrl = sync.url.replace(/^http/, 'ws');
  const auth = await post(
    new URL('/v1/auth/signin', cloud.url).href,
    { email: DEMO_EMAIL, password: DEMO_PASSWORD },
    AuthResponse,
  );
  const token = await post(
    new URL(`/v1/workspaces/${demo.workspaceId}/sync-token`, cloud.url).href,
    {},
    SyncTokenResponse,
    auth.accessToken,
  ).then((t) => t.token);
  const docIds = await manifestDocIds(syncUrl, demo.workspaceId, token);
  if (docIds.length !== seeded.largeDocs) {
    throw new Error(`the manifest lists ${docIds.length} documents, ${seeded.largeDocs} were seeded`);
  }
  await serverIdle(sync);

  log(`serving ${docIds.length} documents, ${CONCURRENCY} at a time…`);
  const urls = docIds.map(
    (docId) => `${syncUrl}/${roomName(demo.workspaceId, docId)}?token=${encodeURIComponent(token)}`,
  );
  const cpu0 = cpuSeconds(sync.child.pid!);
  const t0 = performance.now();
  const bytes = await fetchAll(urls, CONCURRENCY);
  const elapsed = performance.now() - t0;
  await serverIdle(sync);
  figure('serve_docs', docIds.length, 'docs');
  figure('serve_all_s', round1(elapsed / 1000), 's');
  figure('serve_server_cpu_s', round1(cpuSeconds(sync.child.pid!) - cpu0), 's');
  figure('serve_bytes_mb', round1(bytes / 2 ** 20), 'MB');

  await sync.stop();
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
  report(
    `Flow Stage sync server, a fresh device's catch-up (large agency: ${Object.entries(LARGE)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')})`,
    figures,
  );
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    console.error(err);
    if (figures.length > 0) report('Flow Stage serve — INCOMPLETE (failed, figures so far)', figures);
    for (const service of services.reverse()) await service.kill().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  },
);
