// `npm run bench -- <name> [--json]`: runs a benchmark in scripts/bench/<name>.ts
// (after the usual setup) and prints its figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkNode, ensureBuilt, ensureInstalled, root } from './bootstrap.mjs';

const [name, ...args] = process.argv.slice(2);
const dir = join(root, 'scripts/bench');
const available = readdirSync(dir)
  .filter(
    (f) =>
      f.endsWith('.ts') &&
      !f.includes('.test.') &&
      !['report.ts', 'agency.ts', 'plan-instances.ts'].includes(f),
  )
  .map((f) => f.slice(0, -3));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [--json]`);
  process.exit(name ? 1 : 0);
}
checkNode();
ensureInstalled();
await ensureBuilt();
const file = join(dir, `${name}.ts`);
if (!existsSync(file)) process.exit(1);
const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
