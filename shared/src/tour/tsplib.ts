/**
 * TSPLIB `.tsp` parser for symmetric EUC_2D instances (NAME, DIMENSION,
 * EDGE_WEIGHT_TYPE, NODE_COORD_SECTION, EOF). Pure: takes the file text. The final EOF
 * line is optional, as some published files (pr1002) omit it; truncation is still caught
 * by the node count.
 */
import { z } from 'zod';

export const TsplibInstance = z
  .object({
    name: z.string().min(1),
    dimension: z.number().int().positive(),
    edgeWeightType: z.literal('EUC_2D'),
    x: z.array(z.number().finite()),
    y: z.array(z.number().finite()),
  })
  .refine((v) => v.x.length === v.dimension && v.y.length === v.dimension, {
    message: 'coordinate count does not match DIMENSION',
  });
export type TsplibInstance = z.infer<typeof TsplibInstance>;

export class TsplibError extends Error {
  constructor(message: string, line?: number) {
    super(line === undefined ? `TSPLIB: ${message}` : `TSPLIB line ${line}: ${message}`);
    this.name = 'TsplibError';
  }
}

/** TSPLIB EUC_2D distance: nint(sqrt(dx² + dy²)). */
export function euc2d(x1: number, y1: number, x2: number, y2: number): number {
  const dx = x1 - x2;
  const dy = y1 - y2;
  return Math.floor(Math.sqrt(dx * dx + dy * dy) + 0.5);
}

export function parseTsplib(text: string): TsplibInstance {
  const lines = text.split(/\r?\n/);
  const header = new Map<string, string>();
  let i = 0;
  let inSection = false;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    if (line === 'EOF') break;
    if (line === 'NODE_COORD_SECTION') {
      inSection = true;
      i++;
      break;
    }
    const m = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (!m) throw new TsplibError(`unexpected header line "${line}"`, i + 1);
    header.set(m[1] ?? '', (m[2] ?? '').trim());
  }
  const name = header.get('NAME');
  if (!name) throw new TsplibError('missing NAME');
  const type = header.get('TYPE');
  if (type !== undefined && type !== 'TSP') throw new TsplibError(`unsupported TYPE "${type}"`);
  const dimText = header.get('DIMENSION');
  if (dimText === undefined) throw new TsplibError('missing DIMENSION');
  const dimension = Number(dimText);
  if (!Number.isInteger(dimension) || dimension < 1) throw new TsplibError(`bad DIMENSION "${dimText}"`);
  const ewt = header.get('EDGE_WEIGHT_TYPE');
  if (ewt !== 'EUC_2D') throw new TsplibError(`unsupported EDGE_WEIGHT_TYPE "${ewt ?? '(missing)'}"`);
  if (!inSection) throw new TsplibError('missing NODE_COORD_SECTION');
  const x: number[] = new Array(dimension).fill(Number.NaN);
  const y: number[] = new Array(dimension).fill(Number.NaN);
  let count = 0;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    if (line === 'EOF') break;
    const parts = line.split(/\s+/);
    if (parts.length !== 3) throw new TsplibError(`expected "id x y", got "${line}"`, i + 1);
    const [id, px, py] = parts.map(Number) as [number, number, number];
    if (!Number.isInteger(id) || id < 1 || id > dimension)
      throw new TsplibError(`bad node id "${parts[0]}"`, i + 1);
    if (!Number.isFinite(px) || !Number.isFinite(py))
      throw new TsplibError(`bad coordinates "${line}"`, i + 1);
    if (!Number.isNaN(x[id - 1] ?? 0)) throw new TsplibError(`duplicate node id ${id}`, i + 1);
    x[id - 1] = px;
    y[id - 1] = py;
    count++;
  }
  if (count !== dimension) throw new TsplibError(`expected ${dimension} nodes, got ${count}`);
  const parsed = TsplibInstance.safeParse({ name, dimension, edgeWeightType: ewt, x, y });
  if (!parsed.success) throw new TsplibError(parsed.error.issues.map((e) => e.message).join('; '));
  return parsed.data;
}

/** Full distance matrix (row-major, n×n) of an instance. */
export function distanceMatrix(inst: TsplibInstance): Float64Array {
  const n = inst.dimension;
  const d = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const v = euc2d(inst.x[a] ?? 0, inst.y[a] ?? 0, inst.x[b] ?? 0, inst.y[b] ?? 0);
      d[a * n + b] = v;
      d[b * n + a] = v;
    }
  }
  return d;
}
