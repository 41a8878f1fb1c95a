/**
 * A4 documents for pitching and advancing (avails, day sheets, tour books), drawn with
 * pdfkit and its standard fonts (Helvetica, WinAnsi: French accents, €, « » and ’ print).
 * Small layout vocabulary (title, heading, paragraph, key/value rows, tables) so every PDF
 * of the app looks the same; a footer with the page number on every page.
 */
import type PDFKitDocument from 'pdfkit';

const MARGIN = 50;
const INK = '#1f2430';
const MUTED = '#5c6370';
const RULE = '#d0d4dc';
const ACCENT = '#3451b2';

export interface PdfMeta {
  title: string;
  /** Shown in the footer beside the page number, e.g. "Flow Stage · Agence Demo". */
  footer: string;
  /** "Page" in the user's language. */
  pageLabel: string;
  author?: string;
  /** Fixed creation date, for reproducible files in tests. */
  createdAt?: Date;
}

export interface PdfColumn {
  header: string;
  /** Share of the text width (the shares are normalised). */
  width: number;
  align?: 'left' | 'right';
}

/** Characters outside WinAnsi (what the standard fonts can print) become close ASCII. */
export function printable(text: string): string {
  return text
    .replace(/[\u2010-\u2013]/g, '-')
    .replace(/\u2014/g, '—')
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/\t/g, '    ')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\n\u0020-\u007e\u00a0-\u00ff€—–‘’‚“”„•…‰‹›ŒœŠšŸŽžƒˆ˜™]/g, '?');
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  /** pdfkit is loaded on the first PDF, not when the core starts (it reads its font files). */
  static async create(meta: PdfMeta): Promise<PdfWriter> {
    const { default: PDFDocument } = await import('pdfkit');
    return new PdfWriter(meta, PDFDocument);
  }

  private constructor(
    private readonly meta: PdfMeta,
    PDFDocument: typeof PDFKitDocument,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: {
        Title: printable(meta.title),
        Author: printable(meta.author ?? 'Flow Stage'),
        Creator: 'Flow Stage',
        CreationDate: meta.createdAt ?? new Date(),
      },
    });
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font('Helvetica').fontSize(10).fillColor(INK);
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  /** Start a new page when less than `height` points are left on this one. */
  ensureSpace(height: number): this {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + height > bottom) this.doc.addPage();
    return this;
  }

  pageBreak(): this {
    this.doc.addPage();
    return this;
  }

  title(text: string, subtitle?: string): this {
    this.doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(printable(text), this.left, this.doc.y, {
      width: this.width,
    });
    if (subtitle) {
      this.doc.moveDown(0.2).font('Helvetica').fontSize(11).fillColor(MUTED).text(printable(subtitle), {
        width: this.width,
      });
    }
    const y = this.doc.y + 6;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(1.5)
      .strokeColor(ACCENT)
      .stroke();
    this.doc.y = y + 12;
    this.doc.font('Helvetica').fontSize(10).fillColor(INK);
    return this;
  }

  heading(text: string): this {
    this.ensureSpace(40);
    this.doc.moveDown(0.6);
    this.doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor(ACCENT)
      .text(printable(text), this.left, this.doc.y, {
        width: this.width,
      });
    this.doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor(INK);
    return this;
  }

  paragraph(text: string, options: { muted?: boolean } = {}): this {
    if (!text.trim()) return this;
    this.doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(options.muted ? MUTED : INK)
      .text(printable(text), this.left, this.doc.y, { width: this.width, lineGap: 2 });
    this.doc.fillColor(INK).moveDown(0.4);
    return this;
  }

  /** Label: value rows, labels in a narrow muted column. */
  keyValues(rows: readonly (readonly [string, string])[]): this {
    const labelWidth = Math.min(150, this.width * 0.3);
    for (const [label, value] of rows) {
      const text = printable(value || '—');
      const height = Math.max(
        this.doc
          .font('Helvetica')
          .fontSize(10)
          .heightOfString(text, { width: this.width - labelWidth }),
        14,
      );
      this.ensureSpace(height + 4);
      const y = this.doc.y;
      this.doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor(MUTED)
        .text(printable(label), this.left, y, {
          width: labelWidth - 8,
        });
      this.doc
        .font('Helvetica')
        .fontSize(10)
        .fillColor(INK)
        .text(text, this.left + labelWidth, y, {
          width: this.width - labelWidth,
        });
      this.doc.y = Math.max(this.doc.y, y + height) + 3;
    }
    this.doc.x = this.left;
    return this;
  }

  /** A table with a header row repeated on every page it spans. */
  table(columns: readonly PdfColumn[], rows: readonly (readonly string[])[]): this {
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 4;
    const drawRow = (cells: readonly string[], header: boolean) => {
      this.doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      const texts = cells.map((c) => printable(c));
      const height =
        Math.max(
          ...texts.map((t, i) => this.doc.heightOfString(t || ' ', { width: (widths[i] ?? 0) - 2 * pad })),
          10,
        ) +
        2 * pad;
      return { texts, height };
    };
    const paint = (cells: readonly string[], header: boolean) => {
      const { texts, height } = drawRow(cells, header);
      const y = this.doc.y;
      if (header) this.doc.rect(this.left, y, this.width, height).fill('#eef1f7');
      let x = this.left;
      this.doc.fillColor(header ? INK : INK);
      texts.forEach((t, i) => {
        const w = widths[i] ?? 0;
        this.doc.text(t, x + pad, y + pad, { width: w - 2 * pad, align: columns[i]?.align ?? 'left' });
        x += w;
      });
      this.doc
        .moveTo(this.left, y + height)
        .lineTo(this.left + this.width, y + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.doc.y = y + height;
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = drawRow(headers, true).height;
    this.ensureSpace(headerHeight + 20);
    paint(headers, true);
    for (const row of rows) {
      const { height } = drawRow(row, false);
      const bottom = this.doc.page.height - this.doc.page.margins.bottom;
      if (this.doc.y + height > bottom) {
        this.doc.addPage();
        paint(headers, true);
      }
      paint(row, false);
    }
    this.doc.x = this.left;
    this.doc.font('Helvetica').fontSize(10).fillColor(INK).moveDown(0.5);
    return this;
  }

  /** Number of pages so far. */
  get pages(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  /** Footers on every page, then the bytes of the file. */
  async finish(): Promise<{ bytes: Buffer; pages: number }> {
    const range = this.doc.bufferedPageRange();
    const count = range.start + range.count;
    for (let i = range.start; i < count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.height - MARGIN + 4;
      // Writing inside the bottom margin must not open a new page.
      const saved = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor(MUTED)
        .text(printable(this.meta.footer), this.left, bottom, { width: this.width / 2, lineBreak: false })
        .text(`${printable(this.meta.pageLabel)} ${i + 1} / ${count}`, this.left + this.width / 2, bottom, {
          width: this.width / 2,
          align: 'right',
          lineBreak: false,
        });
      this.doc.page.margins.bottom = saved;
    }
    this.doc.end();
    return { bytes: await this.done, pages: count };
  }
}
