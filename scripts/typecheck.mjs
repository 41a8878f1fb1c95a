// Type-checks every package with its own tsconfig (strict), in parallel.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './bootstrap.mjs';

const projects = ['tsconfig.json', 'shared', 'desktop', 'sync-server', 'cloud-api'];
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const results = await Promise.all(
  projects.map(
    (p) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [tsc, '--noEmit', '-p', join(root, p)], {
          cwd: root,
          stdio: 'inherit',
        });
        child.on('exit', (code) => resolve({ p, code }));
      }),
  ),
);
const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) {
  console.error(`typecheck failed: ${failed.map((f) => f.p).join(', ')}`);
  process.exit(1);
}
console.log(`typecheck ok (${projects.length} projects)`);
