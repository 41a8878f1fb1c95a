/**
 * Runs the desktop app without Electron: the core in this Node process and the
 * renderer in a browser, through the shell. Bundled to desktop/dist/shell.mjs by
 * scripts/build.mjs and started by `npm start` / the e2e harness (scripts/stack).
 *
 * Environment (as scripts/stack passes it):
 *   DESKTOP_HOST (127.0.0.1), DESKTOP_PORT (0 = any free port),
 *   FLOWSTAGE_DESKTOP_DATA_DIR (desktop/.data/shell), CLOUD_API_URL, SYNC_URL,
 *   FLOWSTAGE_RENDERER_DIR (default: the built renderer, dist/renderer).
 * Prints `desktop <url>` once serving; the URL carries the launch token.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/index';
import { startShell } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
/** desktop/ whether running from source (src/shell) or from the bundle (dist/shell.mjs). */
const desktopDir = path.basename(here) === 'dist' ? path.resolve(here, '..') : path.resolve(here, '../..');

function rendererDir(): string {
  const dir = process.env.FLOWSTAGE_RENDERER_DIR ?? path.join(desktopDir, 'dist', 'renderer');
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`no built renderer in ${dir} (run npm run build:renderer -w @flowstage/desktop)`);
  }
  return dir;
}

function portFromEnv(): number {
  const port = Number(process.env.DESKTOP_PORT ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('DESKTOP_PORT must be a port number');
  return port;
}

async function main(): Promise<void> {
  const renderer = rendererDir();
  const port = portFromEnv();
  const core = await createCore({
    dataDir: process.env.FLOWSTAGE_DESKTOP_DATA_DIR ?? path.join(desktopDir, '.data', 'shell'),
    cloudUrl: process.env.CLOUD_API_URL ?? 'http://127.0.0.1:4000',
    syncUrl: process.env.SYNC_URL ?? 'ws://127.0.0.1:4100',
    shell: 'browser',
  });
  const shell = await startShell({
    core,
    host: process.env.DESKTOP_HOST ?? '127.0.0.1',
    port,
    rendererDir: renderer,
  });
  process.stdout.write(`desktop ${shell.url}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    shell
      .close()
      .then(() => core.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`error while stopping: ${err instanceof Error ? err.message : String(err)}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Flow Stage shell failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
