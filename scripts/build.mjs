// Builds everything `npm start` and the end-to-end tests run: the Node services
// (esbuild bundles of our TypeScript; npm dependencies stay external), Electron's
// main/preload/core-process, and the renderer (Vite).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgs = ['.', 'shared', 'desktop', 'sync-server', 'cloud-api'];
const external = [
  ...new Set(
    pkgs.flatMap((p) => {
      const json = JSON.parse(readFileSync(join(root, p, 'package.json'), 'utf8'));
      return [...Object.keys(json.dependencies ?? {}), ...Object.keys(json.devDependencies ?? {})];
    }),
  ),
]
  .filter((name) => !name.startsWith('@flowstage/'))
  .flatMap((name) => [name, `${name}/*`]);
external.push('electron');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
  absWorkingDir: root,
};

const esm = (entry, outfile) => ({
  ...common,
  entryPoints: [entry],
  outfile,
  format: 'esm',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
// CommonJS bundles (Electron) have __filename, which the sources prefer to import.meta.url.
const cjs = (entry, outfile) => ({
  ...common,
  entryPoints: [entry],
  outfile,
  format: 'cjs',
  define: { 'import.meta.url': 'undefined' },
});

export async function buildAll({ renderer = true } = {}) {
  const started = Date.now();
  await Promise.all([
    build(esm('cloud-api/src/main.ts', 'cloud-api/dist/main.mjs')),
    build(esm('sync-server/src/main.ts', 'sync-server/dist/main.mjs')),
    build(esm('desktop/src/shell/main.ts', 'desktop/dist/shell.mjs')),
    build(esm('scripts/stack.ts', 'dist/stack.mjs')),
    build(cjs('desktop/src/main/main.ts', 'desktop/dist/main/main.cjs')),
    build(cjs('desktop/src/main/core-process.ts', 'desktop/dist/main/core-process.cjs')),
    build(cjs('desktop/src/preload/preload.ts', 'desktop/dist/preload/preload.cjs')),
  ]);
  if (renderer) {
    const vite = join(
      dirname(createRequire(join(root, 'desktop/package.json')).resolve('vite/package.json')),
      'bin/vite.js',
    );
    const r = spawnSync(
      process.execPath,
      [vite, 'build', '-c', 'desktop/vite.config.ts', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) throw new Error('renderer build failed');
  }
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/.build-stamp'), new Date().toISOString());
  return Date.now() - started;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAll()
    .then((ms) => console.log(`build  done in ${(ms / 1000).toFixed(1)} s`))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
