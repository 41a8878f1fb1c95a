/**
 * The core's maintenance commands, on a workspace database file:
 *   rebuild-projection --db <file>   clear and refill the projection tables from the documents
 *   verify --db <file>               compare the stored projection with a rebuilt one and
 *                                    check the log, the snapshots and the indexes; exit 1 on
 *                                    any difference
 * Exit codes: 0 ok, 1 verification found differences or problems, 2 usage or open error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../db/open';
import { rebuildProjection } from '../docs/rebuild';
import { type ProjectionDifference, verifyWorkspace } from '../docs/verify';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
}

const USAGE = `usage: core <command> --db <workspace.db>
commands:
  rebuild-projection   rebuild the projection tables (and search index) from the documents
  verify               compare the stored projection with a rebuilt one; exit 1 on differences`;

type Parsed = { command: string; db: string } | { error: string };

function parse(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') return { error: USAGE };
  let db: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--db' && i + 1 < rest.length) db = rest[++i];
    else if (arg.startsWith('--db=')) db = arg.slice('--db='.length);
    else return { error: `unexpected argument: ${arg}\n${USAGE}` };
  }
  if (!db) return { error: `missing --db <file>\n${USAGE}` };
  return { command, db };
}

function columnsThatDiffer(d: ProjectionDifference): string {
  const s = d.stored ?? {};
  const r = d.rebuilt ?? {};
  const cols = [...new Set([...Object.keys(s), ...Object.keys(r)])].filter(
    (c) => JSON.stringify(s[c]) !== JSON.stringify(r[c]),
  );
  return cols.map((c) => `${c}: stored ${JSON.stringify(s[c])}, rebuilt ${JSON.stringify(r[c])}`).join('; ');
}

export function describeDifference(d: ProjectionDifference): string {
  if (d.stored === null) return `${d.table} ${d.key}: missing from the stored projection`;
  if (d.rebuilt === null) return `${d.table} ${d.key}: stored but not in the documents`;
  return `${d.table} ${d.key}: ${columnsThatDiffer(d)}`;
}

export function runCli(argv: readonly string[], io: CliIo): number {
  const parsed = parse(argv);
  if ('error' in parsed) {
    io.err(parsed.error);
    return 2;
  }
  if (parsed.command !== 'rebuild-projection' && parsed.command !== 'verify') {
    io.err(`unknown command: ${parsed.command}\n${USAGE}`);
    return 2;
  }
  const file = resolve(io.cwd, parsed.db);
  if (!existsSync(file)) {
    io.err(`no database at ${file}`);
    return 2;
  }
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(file);
  } catch (err) {
    io.err(`cannot open ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  try {
    if (parsed.command === 'rebuild-projection') {
      const r = rebuildProjection(db.sqlite);
      io.out(`rebuilt the projection of ${file}: ${r.records} records from ${r.documents} documents`);
      return 0;
    }
    const report = verifyWorkspace(db.sqlite);
    io.out(`verified ${file}: ${report.documents} documents, ${report.records} records`);
    for (const p of report.problems) io.out(`problem: ${p}`);
    for (const d of report.differences) io.out(describeDifference(d));
    const bad = report.problems.length + report.differences.length;
    io.out(
      bad === 0
        ? 'ok: the projection matches the documents'
        : `${report.differences.length} differences, ${report.problems.length} problems (fix with: rebuild-projection)`,
    );
    return bad === 0 ? 0 : 1;
  } finally {
    db.close();
  }
}
