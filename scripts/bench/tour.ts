// `npm run bench:tour -- --data <folder> [--seconds 1.5] [--json]`: solves the TSPLIB
// instances in <folder>/tsplib (or <folder> itself) and compares with optima.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distanceMatrix, parseTsplib } from '../../shared/src/tour/tsplib';
import { solveTsp } from '../../shared/src/tour/tsp';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const json = argv.includes('--json');
const data = flag('--data');
const seconds = Number(flag('--seconds') ?? '1.5');
if (!data || !Number.isFinite(seconds) || seconds <= 0) {
  console.error('usage: npm run bench:tour -- --data <folder> [--seconds 1.5] [--json]');
  process.exit(1);
}

const hasTsp = (dir: string) => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.tsp'));
const tspDir = hasTsp(join(data, 'tsplib')) ? join(data, 'tsplib') : hasTsp(data) ? data : undefined;
if (!tspDir) {
  console.error(`no .tsp files in ${data} or ${join(data, 'tsplib')}`);
  process.exit(1);
}
const optimaFile = join(tspDir, 'optima.json');
const optima: Record<string, number> = existsSync(optimaFile)
  ? JSON.parse(readFileSync(optimaFile, 'utf8'))
  : {};

interface Row {
  instance: string;
  objective: number;
  reference: number | null;
  gap_pct: number | null;
  seconds: number;
}
const rows: Row[] = [];
const pad = (s: string | number, w: number) => String(s).padStart(w);
if (!json)
  console.log(
    `${'instance'.padEnd(10)} ${pad('objective', 10)} ${pad('reference', 10)} ${pad('gap %', 7)} ${pad('s', 6)}`,
  );
for (const file of readdirSync(tspDir)
  .filter((f) => f.endsWith('.tsp'))
  .sort()) {
  let inst: ReturnType<typeof parseTsplib>;
  try {
    inst = parseTsplib(readFileSync(join(tspDir, file), 'utf8'));
  } catch (e) {
    console.error(`${file}: skipped (${e instanceof Error ? e.message : String(e)})`);
    continue;
  }
  const t0 = performance.now();
  const r = solveTsp(inst.dimension, distanceMatrix(inst), { timeMs: seconds * 1000, seed: 1 });
  const secs = (performance.now() - t0) / 1000;
  const ref = optima[inst.name] ?? null;
  const gap = ref ? ((r.length - ref) / ref) * 100 : null;
  const row: Row = { instance: inst.name, objective: r.length, reference: ref, gap_pct: gap, seconds: secs };
  rows.push(row);
  if (json) console.log(JSON.stringify(row));
  else
    console.log(
      `${inst.name.padEnd(10)} ${pad(r.length, 10)} ${pad(ref ?? '-', 10)} ${pad(gap === null ? '-' : gap.toFixed(2), 7)} ${pad(secs.toFixed(2), 6)}`,
    );
}
const gaps = rows.flatMap((r) => (r.gap_pct === null ? [] : [r.gap_pct]));
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const meanGap = mean(gaps);
const meanSecs = mean(rows.map((r) => r.seconds));
if (json)
  console.log(JSON.stringify({ mean_gap_pct: meanGap, mean_seconds: meanSecs, instances: rows.length }));
else console.log(`mean over ${rows.length} instances: gap ${meanGap.toFixed(2)} %, ${meanSecs.toFixed(2)} s`);
for (const sub of ['op', 'optw']) {
  if (existsSync(join(data, sub))) console.error(`${sub}/: not handled yet (TSP only in this step)`);
}
