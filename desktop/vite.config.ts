/**
 * Builds the renderer (src/renderer) to dist/renderer with relative asset URLs, so the
 * same files are served by the browser shell (http://127.0.0.1) and by Electron
 * (app://flowstage). Run: `npm run build:renderer -w @flowstage/desktop`.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  // Module workers (the tour solver): ES output, loaded under worker-src 'self'.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // No inlined assets: everything is a file under 'self' (CSP), except data: images.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
