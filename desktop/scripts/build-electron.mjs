// Bundles the Electron entry points to CommonJS: dist/main/main.cjs (main process),
// dist/main/core-process.cjs (the core's utilityProcess) and dist/preload/preload.cjs
// (sandboxed preloads cannot load other files, so everything but `electron` is inlined).
// The renderer is built separately by Vite (vite.config.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'info',
  absWorkingDir: root,
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/main/main.ts'],
    outfile: 'dist/main/main.cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['src/main/core-process.ts'],
    outfile: 'dist/main/core-process.cjs',
    // Native module, loaded from node_modules (rebuilt for Electron by electron-builder).
    // pdfkit and exceljs read their font/template files from their own folders at run time.
    external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate', 'pdfkit', 'exceljs'],
  }),
  build({
    ...common,
    entryPoints: ['src/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    external: ['electron'],
  }),
]);
