/**
 * Start-up figures of the local stack on a fresh data folder: each service ready, the
 * demo seeded, a fresh desktop core's first sync of the whole demo agency, then a
 * cold open of that core (start → first roster query answered).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../desktop/src/core/index';
import { readConfig, repoRoot, seedDemoWorkspace, startCloud, startSync } from '../stack';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoAccount } from '../stack/demo';
import { type Figure, report } from './report';

const POLL_MS = 10;
const dataDir = mkdtempSync(join(tmpdir(), 'flowstage-bench-'));
const config = { ...readConfig(repoRoot, {}), dataDir, cloudPort: 0, syncPort: 0 };
const figures: Figure[] = [];
const time = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const v = await fn();
  figures.push({ name, value: Math.round(performance.now() - t), unit: 'ms' });
  return v;
};

const cloud = await time('cloud_api_ready_ms', () => startCloud(config, { quiet: true }));
const demo = await time('demo_account_ms', () => ensureDemoAccount(cloud.url));
await time('demo_seed_ms', () => seedDemoWorkspace(dataDir, demo.workspaceId, repoRoot));
const sync = await time('sync_server_ready_ms', () => startSync(config, cloud.url, { quiet: true }));

const desktopDir = join(dataDir, 'desktop');
const options = { dataDir: desktopDir, cloudUrl: cloud.url, syncUrl: sync.url.replace(/^http/, 'ws') };
const first = await createCore(options);
await time('first_sync_ms', async () => {
  await first.handlers['session.signIn']({ email: DEMO_EMAIL, password: DEMO_PASSWORD });
  for (;;) {
    const status = await first.handlers['sync.status']({});
    if (status.overall === 'synced' && status.docs > 1) {
      const counts = await first.handlers['workspace.counts']({});
      if (counts.events > 0) return counts;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
});
await first.close();

const t0 = performance.now();
const again = await createCore(options);
const roster = await again.handlers['roster.list']({});
figures.push({ name: 'cold_open_ms', value: Math.round(performance.now() - t0), unit: 'ms' });
figures.push({ name: 'roster_rows', value: roster.length, unit: 'rows' });
figures.push({ name: 'core_rss_mb', value: Math.round(process.memoryUsage().rss / 2 ** 20), unit: 'MB' });
await again.close();
await sync.stop();
await cloud.stop();
rmSync(dataDir, { recursive: true, force: true });
report('Flow Stage start-up (fresh data folder, demo agency)', figures);
process.exit(0);
