import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { contact, venue } from '../../../test/fixtures';
import { directoryHandlers } from '../handlers/directory';

const open: Device[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function readBack(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path).buffer as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return { wb, sheet };
}

describe('directory XLSX export', () => {
  it('writes one sheet with a bold frozen header, widths, numbers as numbers, tags joined', async () => {
    const d = device();
    open.push(d);
    put(
      d,
      'venues',
      venue('v1', { name: "L'Olympia", city: 'Paris', tags: ['salle', 'SMAC'], capacityStanding: 2800 }),
    );
    put(d, 'venues', venue('v3', { name: 'Épicerie Moderne', city: 'Feyzin', tags: ['SMAC'] }));
    put(d, 'contacts', contact('c1', { firstName: 'Zoé', lastName: 'Dupré', tags: ['régie', 'presse'] }));
    const h = directoryHandlers(() => d);
    const dir = mkdtempSync(join(tmpdir(), 'fs-xlsx-'));
    dirs.push(dir);
    const path = join(dir, 'venues.xlsx');
    const r = await h['directory.export']({ collection: 'venues', format: 'xlsx', path, tag: 'SMAC' });
    expect(r.rows).toBe(2);
    const bytes = readFileSync(path);
    expect(r.bytes).toBe(bytes.byteLength);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const { wb, sheet } = await readBack(path);
    expect(wb.worksheets).toHaveLength(1);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'name',
      'kind',
      'address',
      'postalCode',
      'city',
      'country',
      'capacityStanding',
      'capacitySeated',
      'email',
      'phone',
      'website',
      'tags',
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(3);
    const names = [sheet.getRow(2).getCell(1).value, sheet.getRow(3).getCell(1).value];
    expect(names).toContain('Épicerie Moderne');
    const olympia = names[0] === "L'Olympia" ? sheet.getRow(2) : sheet.getRow(3);
    expect(olympia.getCell(7).value).toBe(2800);
    expect(typeof olympia.getCell(7).value).toBe('number');
    expect(olympia.getCell(12).value).toBe('salle, SMAC');
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual('Épicerie Moderne'.length);

    const cpath = join(dir, 'sub', 'contacts.xlsx');
    await h['directory.export']({ collection: 'contacts', format: 'xlsx', path: cpath });
    const c = await readBack(cpath);
    expect(c.sheet.getRow(1).getCell(1).value).toBe('firstName');
    expect(c.sheet.getRow(2).getCell(1).value).toBe('Zoé');
    expect(c.sheet.getRow(2).getCell(2).value).toBe('Dupré');
    expect(c.sheet.getRow(2).getCell(9).value).toBe('régie, presse');
  });
});
