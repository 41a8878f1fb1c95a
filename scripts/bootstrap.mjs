// Setup shared by `npm start`, `npm test` and `.ci/run`: install dependencies when
// they are missing or older than the lockfile, and rebuild when sources changed.
// Uses only Node built-ins: it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(dir) {
  let max = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : mtime(p));
  }
  return max;
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`setup: '${cmd} ${args.join(' ')}' failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Flow Stage needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
    process.exit(1);
  }
}

export function ensureInstalled() {
  const installed = join(root, 'node_modules/.package-lock.json');
  const native = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  if (mtime(installed) >= mtime(join(root, 'package-lock.json')) && existsSync(native)) return false;
  console.log('setup  installing dependencies (first run compiles better-sqlite3, ~2 min)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // `npm install` rather than `npm ci`: npm 11 writes lockfiles without other platforms'
  // optional packages (e.g. Biome's binaries) and then refuses them in `npm ci`.
  run(npm, ['install', '--no-audit', '--no-fund'], { JOBS: 'max' });
  return true;
}

export function buildIsStale() {
  const stamp = mtime(join(root, 'dist/.build-stamp'));
  if (!stamp) return true;
  const sources = ['shared', 'desktop', 'cloud-api', 'sync-server', 'resources', 'scripts'].map((d) =>
    newest(join(root, d)),
  );
  return Math.max(...sources, mtime(join(root, 'package-lock.json'))) > stamp;
}

export async function ensureBuilt() {
  if (!buildIsStale()) return false;
  console.log('setup  building…');
  const { buildAll } = await import('./build.mjs');
  await buildAll();
  return true;
}
