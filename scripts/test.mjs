// `npm test`: does its own setup (install, build), then lint, type-check, unit and
// integration tests (vitest), and the end-to-end tests (Playwright, Debian Chromium).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNode, ensureBuilt, ensureInstalled, root } from './bootstrap.mjs';

const t0 = Date.now();
checkNode();
ensureInstalled();
await ensureBuilt();

const bin = (name) => join(root, 'node_modules/.bin', name);
const steps = [
  ['lint', bin('biome'), ['check', '.']],
  ['typecheck', process.execPath, [join(root, 'scripts/typecheck.mjs')]],
  [
    'unit + integration',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  ],
  ['end-to-end', bin('playwright'), ['test']],
];
if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error('test: /usr/bin/chromium is missing (apt-get install -y chromium, or run .ci/run)');
  process.exit(1);
}
for (const [name, cmd, args] of steps) {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

// One closing line that any CI can read: "N passed, N failed, N skipped".
const vitest = JSON.parse(readFileSync(join(root, 'test-results/vitest.json'), 'utf8'));
const pw = JSON.parse(readFileSync(join(root, 'test-results/playwright.json'), 'utf8')).stats;
const passed = vitest.numPassedTests + pw.expected;
const failed = vitest.numFailedTests + pw.unexpected + pw.flaky;
const skipped = vitest.numPendingTests + vitest.numTodoTests + pw.skipped;
console.log(`\nnpm test took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
