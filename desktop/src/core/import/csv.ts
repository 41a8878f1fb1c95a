/**
 * A forgiving RFC 4180 CSV reader: quoted fields (with "" escapes, separators and line
 * breaks inside), separator auto-detected among `,` `;` and tab (French Excel writes `;`),
 * UTF-8 BOM, CRLF / LF / CR line ends. It never throws: an unterminated quote runs to the
 * end of the input. Empty lines are skipped; every row keeps its 1-based source line.
 */
export type Separator = ',' | ';' | '\t';

export interface CsvRow {
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  separator: Separator;
  rows: CsvRow[];
}

const SEPARATORS: Separator[] = [';', ',', '\t'];

/** The separator that splits the first (non-empty, unquoted-aware) line into the most cells. */
export function detectSeparator(text: string): Separator {
  let best: Separator = ',';
  let bestCount = 0;
  const head = firstRecord(text);
  for (const sep of SEPARATORS) {
    let n = 0;
    let quoted = false;
    for (const ch of head) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === sep) n++;
    }
    if (n > bestCount) {
      best = sep;
      bestCount = n;
    }
  }
  return best;
}

function firstRecord(text: string): string {
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (text.slice(start, i).trim() !== '') return text.slice(start, i);
      start = i + 1;
    }
  }
  return text.slice(start);
}

export function parseCsv(input: string, separator?: Separator): ParsedCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let wasQuoted = false;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !wasQuoted)) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0 || wasQuoted) endRow();
  return { separator: sep, rows };
}

/**
 * One CSV field, quoted when needed. A value starting with `=` or `@` gets a leading `'` so
 * spreadsheets do not run it as a formula (`+` and `-` are left: phone numbers, amounts).
 */
export function csvField(value: string, separator: Separator = ','): string {
  const safe = /^[=@]/.test(value) ? `'${value}` : value;
  return safe.includes('"') || safe.includes(separator) || /[\r\n]/.test(safe) || safe !== safe.trim()
    ? `"${safe.replaceAll('"', '""')}"`
    : safe;
}

export function toCsv(rows: readonly (readonly string[])[], separator: Separator = ','): string {
  return `${rows.map((r) => r.map((v) => csvField(v, separator)).join(separator)).join('\r\n')}\r\n`;
}
