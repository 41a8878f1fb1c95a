/**
 * End-to-end harness: the real services as separate processes (the built bundles that
 * `npm start` runs), on free ports, in a temporary data folder, seeded with the demo agency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  ensureDemoAccount,
  readConfig,
  repoRoot,
  type Service,
  type StackConfig,
  seedDemoWorkspace,
  startCloud,
  startDesktop,
  startSync,
} from '../scripts/stack';

export { DEMO_EMAIL, DEMO_PASSWORD };

export class TestStack {
  cloud!: Service;
  sync!: Service;
  readonly desktops = new Map<string, Service>();
  workspaceId = '';
  private syncPort = 0;

  constructor(readonly config: StackConfig) {}

  static async start(): Promise<TestStack> {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowstage-e2e-'));
    const config = {
      ...readConfig(repoRoot, {}),
      dataDir,
      cloudPort: 0,
      syncPort: 0,
      desktopPort: 0,
      desktop: 'shell' as const,
    };
    const stack = new TestStack(config);
    stack.cloud = await startCloud(config, { quiet: true });
    stack.workspaceId = (await ensureDemoAccount(stack.cloud.url)).workspaceId;
    await seedDemoWorkspace(dataDir, stack.workspaceId, repoRoot);
    await stack.startSync();
    return stack;
  }

  async startSync(): Promise<void> {
    this.sync = await startSync({ ...this.config, syncPort: this.syncPort }, this.cloud.url, { quiet: true });
    this.syncPort = Number(new URL(this.sync.url).port);
  }

  async stopSync(): Promise<void> {
    await this.sync.stop();
  }

  /** Start (or restart) a desktop with its own data folder; returns the URL to open. */
  async startDesktop(name: string): Promise<string> {
    await this.desktops.get(name)?.stop();
    const desktop = await startDesktop(
      this.config,
      { cloudUrl: this.cloud.url, syncUrl: this.sync.url },
      { quiet: true, dataDir: join(this.config.dataDir, `desktop-${name}`), port: 0 },
    );
    this.desktops.set(name, desktop);
    return desktop.url;
  }

  async stop(): Promise<void> {
    for (const d of this.desktops.values()) await d.stop();
    await this.sync?.stop();
    await this.cloud?.stop();
    rmSync(this.config.dataDir, { recursive: true, force: true });
  }
}
