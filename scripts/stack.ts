/**
 * The local Flow Stage stack behind `npm start`: cloud API (embedded PGlite unless
 * DATABASE_URL), sync server (embedded store), the demo agency, and the desktop.
 * Also imported by the end-to-end tests, which start and stop services one by one.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig, type StackConfig } from './stack/config';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoAccount } from './stack/demo';
import type { Service } from './stack/process';
import { seedDemoWorkspace } from './stack/seed';
import { startCloud, startDesktop, startSync } from './stack/services';

export { readConfig, type StackConfig } from './stack/config';
export { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoAccount } from './stack/demo';
export type { Service } from './stack/process';
export { seedDemoWorkspace } from './stack/seed';
export { startCloud, startDesktop, startSync } from './stack/services';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function runStack(opts: { startedAt: number; config?: StackConfig }): Promise<void> {
  const config = opts.config ?? readConfig(repoRoot);
  const services: Service[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping Flow Stage…');
    for (const s of [...services].reverse()) await s.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const cloud = await startCloud(config);
    services.push(cloud);
    const demo = await ensureDemoAccount(cloud.url);
    const seeded = await seedDemoWorkspace(config.dataDir, demo.workspaceId, config.root);
    const sync = await startSync(config, cloud.url);
    services.push(sync);
    if (config.desktop !== 'none') {
      services.push(await startDesktop(config, { cloudUrl: cloud.url, syncUrl: sync.url }));
    }
    for (const s of services) {
      void s.exited.then((code) => {
        if (stopping) return;
        console.error(`${s.name} exited unexpectedly (code ${code})`);
        void stopAll(1);
      });
    }
    console.log(
      [
        '',
        `Flow Stage is ready in ${((Date.now() - opts.startedAt) / 1000).toFixed(1)} s — data in ${config.dataDir}`,
        `demo booker: ${DEMO_EMAIL} / ${DEMO_PASSWORD}  (workspace "${demo.workspaceName}"${seeded ? ', seeded now' : ''})`,
        'Ctrl-C stops everything.',
      ].join('\n'),
    );
  } catch (err) {
    console.error(`Flow Stage could not start: ${err instanceof Error ? err.message : String(err)}`);
    await stopAll(1);
  }
}
