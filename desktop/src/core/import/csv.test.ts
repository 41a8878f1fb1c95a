import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, detectSeparator, parseCsv, type Separator, toCsv } from './csv';

const cells = (text: string) => parseCsv(text).rows.map((r) => r.cells);

describe('parseCsv', () => {
  it('detects `;`, `,` and tab, strips the BOM and reads CRLF', () => {
    expect(parseCsv("\ufeffnom;ville\r\nL'Olympia;Paris\r\n")).toEqual({
      separator: ';',
      rows: [
        { line: 1, cells: ['nom', 'ville'] },
        { line: 2, cells: ["L'Olympia", 'Paris'] },
      ],
    });
    expect(parseCsv('a,b\n1,2').separator).toBe(',');
    expect(parseCsv('a\tb\n1\t2').separator).toBe('\t');
    // A `,` inside quotes does not count: French Excel decimals.
    expect(detectSeparator('"a,b,c";d\n')).toBe(';');
  });

  it('reads quoted separators, escaped quotes and line breaks, and keeps source lines', () => {
    expect(parseCsv('name,notes\n"Le ""Petit"" Bain","ligne 1\nligne 2, suite"\nX,y').rows).toEqual([
      { line: 1, cells: ['name', 'notes'] },
      { line: 2, cells: ['Le "Petit" Bain', 'ligne 1\nligne 2, suite'] },
      { line: 4, cells: ['X', 'y'] },
    ]);
  });

  it('skips blank lines, survives an unterminated quote and lone CRs', () => {
    expect(cells('a;b\n\n\n1;2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('a;b\r1;"open')).toEqual([
      ['a', 'b'],
      ['1', 'open'],
    ]);
    expect(cells('')).toEqual([]);
    expect(cells('\ufeff')).toEqual([]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const parsed = parseCsv(s);
        for (const r of parsed.rows) expect(r.line).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('round-trips whatever toCsv writes', () => {
    const cell = fc
      .string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '"', '\n', '\r\n', 'Z', '1') })
      .filter((s) => !/^[=@]/.test(s));
    fc.assert(
      fc.property(
        fc.constantFrom<Separator>(',', ';', '\t'),
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) =>
            fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }),
          ),
        (sep, rows) => {
          // A row of one empty cell is a blank line: not data.
          const data = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          expect(cells(toCsv(data, sep)).length).toBe(data.length);
          expect(parseCsv(toCsv(data, sep), sep).rows.map((r) => r.cells)).toEqual(data);
        },
      ),
    );
  });

  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('+33 6 12 34 56 78')).toBe('+33 6 12 34 56 78');
  });
});
