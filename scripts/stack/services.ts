/** Starting each Flow Stage service as its own process, from the built bundles. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { StackConfig } from './config';
import { type Service, startService } from './process';

export interface ServiceOptions {
  quiet?: boolean;
}

export function startCloud(c: StackConfig, o: ServiceOptions = {}): Promise<Service> {
  return startService({
    name: 'cloud-api',
    command: process.execPath,
    args: ['--enable-source-maps', join(c.root, 'cloud-api/dist/main.mjs')],
    cwd: c.root,
    env: {
      CLOUD_API_HOST: c.host,
      CLOUD_API_PORT: String(c.cloudPort),
      FLOWSTAGE_DATA_DIR: c.dataDir,
      DATABASE_URL: c.databaseUrl,
    },
    healthPath: '/health',
    quiet: o.quiet,
  });
}

export function startSync(c: StackConfig, cloudUrl: string, o: ServiceOptions = {}): Promise<Service> {
  return startService({
    name: 'sync-server',
    command: process.execPath,
    args: ['--enable-source-maps', join(c.root, 'sync-server/dist/main.mjs')],
    cwd: c.root,
    env: {
      SYNC_HOST: c.host,
      SYNC_PORT: String(c.syncPort),
      FLOWSTAGE_DATA_DIR: c.dataDir,
      SYNC_JWKS_URL: new URL('/.well-known/jwks.json', cloudUrl).href,
      REDIS_URL: c.redisUrl,
    },
    healthPath: '/health',
    quiet: o.quiet,
  });
}

/**
 * Electron's binary, when it is installed on this machine. Read from the package's
 * path.txt without `require('electron')`, which would try to download it.
 */
export function electronBinary(root: string): string | null {
  try {
    const pkg = dirname(createRequire(join(root, 'desktop/package.json')).resolve('electron/package.json'));
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function startDesktop(
  c: StackConfig,
  urls: { cloudUrl: string; syncUrl: string },
  o: ServiceOptions & { dataDir?: string; port?: number } = {},
): Promise<Service> {
  const env = {
    DESKTOP_HOST: c.host,
    DESKTOP_PORT: String(o.port ?? c.desktopPort),
    FLOWSTAGE_DESKTOP_DATA_DIR: o.dataDir ?? join(c.dataDir, 'desktop'),
    CLOUD_API_URL: urls.cloudUrl,
    SYNC_URL: urls.syncUrl.replace(/^http/, 'ws'),
  };
  const electron = c.desktop === 'shell' ? null : electronBinary(c.root);
  if (c.desktop === 'electron' && !electron)
    throw new Error('FLOWSTAGE_DESKTOP=electron but Electron is not installed');
  if (electron) {
    return startService({
      name: 'desktop',
      command: electron,
      args: [join(c.root, 'desktop/dist/main/main.cjs')],
      cwd: c.root,
      env,
      quiet: o.quiet,
    });
  }
  return startService({
    name: 'desktop',
    command: process.execPath,
    args: ['--enable-source-maps', join(c.root, 'desktop/dist/shell.mjs')],
    cwd: c.root,
    env,
    quiet: o.quiet,
  });
}
