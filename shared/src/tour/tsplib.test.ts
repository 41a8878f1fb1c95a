import { describe, expect, it } from 'vitest';
import { distanceMatrix, euc2d, parseTsplib, TsplibError } from './tsplib';

const SMALL = `NAME : tiny4
COMMENT : a square
TYPE : TSP
DIMENSION: 4
EDGE_WEIGHT_TYPE : EUC_2D
NODE_COORD_SECTION
1 0 0
2 3 0
3 3 4
4 0 4
EOF
`;

describe('parseTsplib', () => {
  it('parses a small EUC_2D instance', () => {
    const inst = parseTsplib(SMALL);
    expect(inst.name).toBe('tiny4');
    expect(inst.dimension).toBe(4);
    expect(inst.x).toEqual([0, 3, 3, 0]);
    expect(inst.y).toEqual([0, 0, 4, 4]);
    const d = distanceMatrix(inst);
    expect(d[0 * 4 + 2]).toBe(5);
    expect(d[1 * 4 + 0]).toBe(3);
  });

  it('accepts a file without the final EOF line', () => {
    expect(parseTsplib(SMALL.replace('EOF\n', '')).dimension).toBe(4);
  });

  it('uses TSPLIB nint rounding', () => {
    expect(euc2d(0, 0, 1, 1)).toBe(1); // 1.414
    expect(euc2d(0, 0, 1.5, 2)).toBe(3); // 2.5 -> 3
    expect(euc2d(0, 0, 2, 2)).toBe(3); // 2.83
  });

  const bad: [string, string, RegExp][] = [
    ['missing NAME', SMALL.replace('NAME : tiny4\n', ''), /missing NAME/],
    ['bad DIMENSION', SMALL.replace('DIMENSION: 4', 'DIMENSION: four'), /bad DIMENSION/],
    ['wrong weight type', SMALL.replace('EUC_2D', 'GEO'), /unsupported EDGE_WEIGHT_TYPE/],
    [
      'missing section',
      SMALL.replace('NODE_COORD_SECTION\n', ''),
      /unexpected header line|missing NODE_COORD/,
    ],
    ['too few nodes', SMALL.replace('4 0 4\n', ''), /expected 4 nodes/],
    ['bad coordinate', SMALL.replace('3 3 4', '3 3 x'), /bad coordinates/],
    ['duplicate id', SMALL.replace('4 0 4', '3 0 4'), /duplicate node id 3/],
    ['id out of range', SMALL.replace('4 0 4', '5 0 4'), /bad node id/],
    ['truncated file without EOF', SMALL.replace('4 0 4\nEOF\n', ''), /expected 4 nodes/],
  ];
  for (const [label, text, re] of bad) {
    it(`rejects ${label}`, () => {
      expect(() => parseTsplib(text)).toThrow(TsplibError);
      expect(() => parseTsplib(text)).toThrow(re);
    });
  }
});
