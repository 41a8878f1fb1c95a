import { describe, expect, it } from 'vitest';
import { PdfWriter, printable } from './document';
import { pdfStreamsText, pdfText } from './pdf-text';

describe('PdfWriter', () => {
  it('writes a PDF whose text reads back, accents and euro sign included', async () => {
    const pdf = await PdfWriter.create({
      title: 'Disponibilités',
      footer: 'Flow Stage · Agence',
      pageLabel: 'Page',
    });
    pdf.title('Disponibilités — Léa Moreau', 'du 1er au 31 mars 2027');
    pdf.heading('Cachet');
    pdf.keyValues([
      ['Garantie', '2 500,00 €'],
      ['Salle', 'L’Épicerie Moderne, Feyzin'],
    ]);
    pdf.table(
      [
        { header: 'Date', width: 1 },
        { header: 'Statut', width: 2 },
      ],
      [['lun. 1 mars', 'libre']],
    );
    const { bytes, pages } = await pdf.finish();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toBe(1);
    const text = pdfText(bytes);
    for (const s of [
      'Disponibilités — Léa Moreau',
      '2 500,00 €',
      'L’Épicerie Moderne',
      'lun. 1 mars',
      'Page 1 / 1',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('repeats the table header on every page and numbers the pages', async () => {
    const pdf = await PdfWriter.create({ title: 'Long', footer: 'Flow Stage', pageLabel: 'Page' });
    pdf.title('Long table');
    const rows = Array.from({ length: 120 }, (_, i) => [`row ${i}`, `value ${i}`]);
    pdf.table(
      [
        { header: 'HeaderA', width: 1 },
        { header: 'HeaderB', width: 1, align: 'right' },
      ],
      rows,
    );
    const { bytes, pages } = await pdf.finish();
    expect(pages).toBeGreaterThan(1);
    const perPage = pdfStreamsText(bytes);
    expect(perPage).toHaveLength(pages);
    for (const page of perPage) expect(page).toContain('HeaderA');
    expect(perPage[pages - 1]).toContain(`Page ${pages} / ${pages}`);
    expect(pdfText(bytes)).toContain('row 119');
  });

  it('replaces what the standard fonts cannot print', () => {
    expect(printable('Zoë – “ok” 東京 🎸')).toBe('Zoë - “ok” ?? ??');
  });
});
