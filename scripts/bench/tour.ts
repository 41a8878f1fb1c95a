// `npm run bench:tour -- --data <folder> [--seconds 1.5] [--op-seconds 0.5] [--optw-seconds 3]
// [--only tsplib|op|optw] [--json]`: solves the TSPLIB (.tsp), orienteering (op/*.txt) and
// OPTW (optw/*.txt) instances found in <folder>/<set> (or <folder> itself) and compares with
// optima.json / reference.json. Timings include parsing. OP and OPTW routes are re-checked
// by the independent checkers; an infeasible route or a score mismatch fails the run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOpRoute, parseOp, solveOp } from '../../shared/src/tour/op';
import { checkOptwRoute, parseOptw, solveOptw } from '../../shared/src/tour/optw';
import { solveTsp } from '../../shared/src/tour/tsp';
import { distanceMatrix, parseTsplib } from '../../shared/src/tour/tsplib';

type SetName = 'tsplib' | 'op' | 'optw';
const SETS: SetName[] = ['tsplib', 'op', 'optw'];
const USAGE =
  'usage: npm run bench:tour -- --data <folder> [--seconds 1.5] [--op-seconds 0.5] [--optw-seconds 3] [--only tsplib|op|optw] [--json]';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const positive = (name: string, fallback: number): number => {
  const v = Number(flag(name) ?? fallback);
  if (!Number.isFinite(v) || v <= 0) fail(`${name} must be a positive number`);
  return v;
};
function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

const json = argv.includes('--json');
const data = flag('--data') ?? fail('missing --data');
const budgetMs: Record<SetName, number> = {
  tsplib: positive('--seconds', 1.5) * 1000,
  op: positive('--op-seconds', 0.5) * 1000,
  optw: positive('--optw-seconds', 3) * 1000,
};
const only = flag('--only');
if (only !== undefined && !SETS.includes(only as SetName)) fail(`unknown set "${only}"`);

/** How the objective is measured, per set (written in the footer and the JSON summaries). */
const RULE: Record<SetName, string> = {
  tsplib: 'tour length, TSPLIB EUC_2D nint rounding (minimise)',
  op: 'total score, unrounded double Euclidean distances, strict length <= Tmax (maximise)',
  optw: 'total score, unrounded double Euclidean travel times, strict windows and budget (maximise)',
};

interface Solved {
  objective: number;
  /** Independent checker verdict (OP, OPTW). */
  error?: string;
}

function solve(set: SetName, text: string, ms: number): Solved {
  if (set === 'tsplib') {
    const inst = parseTsplib(text);
    return { objective: solveTsp(inst.dimension, distanceMatrix(inst), { timeMs: ms, seed: 1 }).length };
  }
  if (set === 'op') {
    const inst = parseOp(text);
    const r = solveOp(inst, { timeMs: ms, seed: 1 });
    const c = checkOpRoute(inst, r.route);
    const error = !c.feasible ? c.error : c.score !== r.score ? `checker score ${c.score}` : undefined;
    return { objective: r.score, error };
  }
  const inst = parseOptw(text);
  const r = solveOptw(inst, { timeMs: ms, seed: 1 });
  const c = checkOptwRoute(inst, r.route);
  const error = !c.feasible ? c.error : c.score !== r.score ? `checker score ${c.score}` : undefined;
  return { objective: r.score, error };
}

/** Which set a file belongs to when the data folder holds instances directly. */
function kindOf(dir: string, file: string): SetName | undefined {
  if (file.endsWith('.tsp')) return 'tsplib';
  if (!file.endsWith('.txt')) return undefined;
  const first = readFileSync(join(dir, file), 'utf8').trim().split(/\r?\n/)[0] ?? '';
  const fields = first.trim().split(/\s+/).length;
  return fields === 2 ? 'op' : fields >= 3 ? 'optw' : undefined;
}

function instanceFiles(set: SetName): { dir: string; files: string[] } | undefined {
  for (const dir of [join(data, set), data]) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((f) => kindOf(dir, f) === set)
      .sort();
    if (files.length > 0) return { dir, files };
  }
  return undefined;
}

function references(dir: string, set: SetName): Record<string, number> {
  const file = join(dir, set === 'tsplib' ? 'optima.json' : 'reference.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

interface Row {
  set: SetName;
  instance: string;
  objective: number;
  reference: number | null;
  gap_pct: number | null;
  seconds: number;
}

const pad = (s: string | number, w: number) => String(s).padStart(w);
const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const errors: string[] = [];

function runSet(set: SetName): void {
  const found = instanceFiles(set);
  if (!found) {
    if (only) console.error(`no ${set} instances in ${data} or ${join(data, set)}`);
    return;
  }
  const refs = references(found.dir, set);
  const rows: Row[] = [];
  if (!json)
    console.log(
      `\n[${set}] ${'instance'.padEnd(10)} ${pad('objective', 10)} ${pad('reference', 10)} ${pad('gap %', 7)} ${pad('s', 6)}`,
    );
  for (const file of found.files) {
    const name = file.replace(/\.(tsp|txt)$/, '');
    const text = readFileSync(join(found.dir, file), 'utf8');
    const t0 = performance.now();
    let r: Solved;
    try {
      r = solve(set, text, budgetMs[set]);
    } catch (e) {
      console.error(`${set}/${file}: skipped (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const seconds = (performance.now() - t0) / 1000;
    if (r.error) errors.push(`${set}/${name}: infeasible result (${r.error})`);
    const ref = refs[name] ?? null;
    const gap = ref ? ((set === 'tsplib' ? r.objective - ref : ref - r.objective) / ref) * 100 : null;
    const row: Row = { set, instance: name, objective: r.objective, reference: ref, gap_pct: gap, seconds };
    rows.push(row);
    if (json) console.log(JSON.stringify(row));
    else {
      const note = r.error ? '  INFEASIBLE' : gap !== null && gap < 0 ? '  above reference (checked)' : '';
      console.log(
        `${''.padEnd(set.length + 2)} ${name.padEnd(10)} ${pad(fmt(r.objective), 10)} ${pad(ref ?? '-', 10)} ${pad(gap === null ? '-' : gap.toFixed(2), 7)} ${pad(seconds.toFixed(2), 6)}${note}`,
      );
    }
  }
  const gaps = rows.flatMap((r) => (r.gap_pct === null ? [] : [r.gap_pct]));
  const summary = {
    set,
    instances: rows.length,
    mean_gap_pct: mean(gaps),
    worst_gap_pct: gaps.length ? Math.max(...gaps) : 0,
    mean_seconds: mean(rows.map((r) => r.seconds)),
    max_seconds: Math.max(0, ...rows.map((r) => r.seconds)),
    budget_seconds: budgetMs[set] / 1000,
    objective: RULE[set],
  };
  if (json) console.log(JSON.stringify(summary));
  else
    console.log(
      `[${set}] mean over ${rows.length} instances: gap ${summary.mean_gap_pct.toFixed(2)} % (worst ${summary.worst_gap_pct.toFixed(2)} %), ${summary.mean_seconds.toFixed(2)} s (max ${summary.max_seconds.toFixed(2)} s)`,
    );
}

for (const set of SETS) if (!only || only === set) runSet(set);
if (!json) {
  console.log('\nobjectives and rounding rules:');
  for (const set of SETS) console.log(`  ${set}: ${RULE[set]}`);
  console.log(
    '  gap % = (objective - reference) / reference (TSP), (reference - objective) / reference (OP, OPTW)',
  );
}
for (const e of errors) console.error(e);
if (errors.length > 0) process.exit(1);
