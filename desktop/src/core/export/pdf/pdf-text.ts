/**
 * The text of a PDF written by PdfWriter, page by page, for tests and checks: content
 * streams are inflated and the strings of their text operators decoded (pdfkit writes
 * standard-font text as hex strings of WinAnsi codes). Not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

const WIN_ANSI_HIGH: Record<number, string> = {
  128: '€',
  130: '‚',
  131: 'ƒ',
  132: '„',
  133: '…',
  134: '†',
  135: '‡',
  136: 'ˆ',
  137: '‰',
  138: 'Š',
  139: '‹',
  140: 'Œ',
  142: 'Ž',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  152: '˜',
  153: '™',
  154: 'š',
  155: '›',
  156: 'œ',
  158: 'ž',
  159: 'Ÿ',
};

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = Number.parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
  }
  return out;
}

/** Text of each content stream, in order; the strings of one text object are joined. */
export function pdfStreamsText(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes);
  const texts: string[] = [];
  let at = 0;
  for (;;) {
    const start = buf.indexOf('stream\n', at, 'latin1');
    if (start < 0) break;
    const end = buf.indexOf('\nendstream', start, 'latin1');
    if (end < 0) break;
    const header = buf.subarray(Math.max(0, start - 200), start).toString('latin1');
    let body = buf.subarray(start + 'stream\n'.length, end);
    at = end + 10;
    if (header.includes('/FlateDecode')) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    const content = body.toString('latin1');
    if (!content.includes('BT')) continue;
    const parts: string[] = [];
    for (const block of content.split(/\bBT\b/).slice(1)) {
      const text = [...block.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => decodeHex(m[1] ?? '')).join('');
      parts.push(text);
    }
    texts.push(parts.join('\n'));
  }
  return texts;
}

/** All the text of the document. */
export function pdfText(bytes: Uint8Array): string {
  return pdfStreamsText(bytes).join('\n');
}
