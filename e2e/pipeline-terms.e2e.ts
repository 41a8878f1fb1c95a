import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DesktopPage, setLanguage } from './app';
import { TestStack } from './harness';

let stack: TestStack;
let dir: string;
test.beforeAll(async () => {
  stack = await TestStack.start();
  dir = mkdtempSync(join(tmpdir(), 'flowstage-pipe-e2e-'));
});
test.afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const DAY = '2029-06-15';
const AMOUNT = (n: string) => new RegExp(n.replace(/ /g, '[\\s,.\\u202f\\u00a0]?'));

/** An artist with two open deals (request or offer): their ids. */
async function twoOpenDeals(page: Page): Promise<[string, string]> {
  const artistFilter = page.getByTestId('pipeline-artist-filter');
  await expect(artistFilter.locator('option')).not.toHaveCount(1);
  for (let i = 1; i <= 15; i++) {
    const value = (await artistFilter.locator('option').nth(i).getAttribute('value')) ?? '';
    await artistFilter.selectOption(value);
    await expect(page.getByTestId('pipeline-screen')).toHaveAttribute('data-artist-filter', value);
    const cards = page.locator(
      '[data-testid="column-request"] [data-testid="deal-card"], [data-testid="column-offer"] [data-testid="deal-card"]',
    );
    if ((await cards.count()) >= 2) {
      return [
        (await cards.nth(0).getAttribute('data-deal-id')) ?? '',
        (await cards.nth(1).getAttribute('data-deal-id')) ?? '',
      ];
    }
  }
  throw new Error('no artist with two open deals');
}

// Wide enough for every column of the board side by side (drag and drop between them).
test.use({ viewport: { width: 2600, height: 1500 } });

test('holds are challenged and answered, cards are dragged, every deal structure is edited and settled', async ({
  page,
}) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn();
  await app.waitForRoster();
  await page.getByTestId('nav-pipeline').click();
  await expect(page.getByTestId('pipeline-board')).toBeVisible({ timeout: 30_000 });

  const [x, y] = await twoOpenDeals(page);
  const card = (id: string) => page.locator(`[data-testid="deal-card"][data-deal-id="${id}"]`);
  const inColumn = (column: string, id: string) =>
    page.getByTestId(`column-${column}`).locator(`[data-deal-id="${id}"]`);
  const openDeal = async (id: string) => {
    await card(id).locator('.deal-card-open').click();
    await expect(page.getByTestId('deal-page')).toBeVisible();
  };
  /** Drag a card by its edge onto a column's title, the board scrolled to its top. */
  const dragToColumn = async (id: string, column: string) => {
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll('*'))) if (el.scrollTop > 0) el.scrollTop = 0;
      window.scrollTo(0, 0);
    });
    await card(id).dragTo(page.getByTestId(`column-${column}`).locator('.kanban-title'), {
      sourcePosition: { x: 4, y: 3 },
    });
  };
  const back = async () => {
    await page.getByTestId('deal-back').click();
    await expect(page.getByTestId('pipeline-board')).toBeVisible();
  };

  // Both deals on one date, then both holds: 1st and 2nd.
  for (const id of [x, y]) {
    await openDeal(id);
    await page.getByTestId('deal-date-input').fill(DAY);
    await page.getByTestId('deal-save').click();
    await expect(page.getByTestId('deal-saved')).toBeVisible();
    await back();
    await card(id).getByTestId('deal-move-select').selectOption('hold');
    await expect(inColumn('hold', id)).toBeVisible();
  }
  await expect(card(x).getByTestId('hold-badge')).toHaveText('1st hold');
  await expect(card(y).getByTestId('hold-badge')).toHaveText('2nd hold');

  // The 2nd hold has a firm offer: it challenges the 1st (48 h by default).
  await openDeal(y);
  await expect(page.getByTestId('challenge-hours')).toHaveValue('48');
  await page.getByTestId('challenge-issue').click();
  await expect(page.getByTestId('challenge-sent')).toContainText(/left/);
  await page.screenshot({ path: 'e2e/screenshots/deal-challenge-sent.png', fullPage: true });
  await back();
  await expect(card(x).getByTestId('card-challenge')).toContainText(
    /Challenged · 1 d 23 h|2 d 0 h|1 d 2\d h/,
  );
  await page.screenshot({ path: 'e2e/screenshots/pipeline-challenge-card.png' });

  // In French, the 1st hold confirms: it is confirmed and the 2nd is released.
  await setLanguage(page, 'fr');
  await openDeal(x);
  const pending = page.getByTestId('challenge-pending');
  await expect(pending).toContainText('Challengée par une option inférieure');
  await page.screenshot({ path: 'e2e/screenshots/deal-challenge-pending-fr.png', fullPage: true });
  await pending.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByTestId('deal-status')).toContainText('Confirmé');
  const history = page.getByTestId('deal-history');
  await expect(history.getByTestId('history-kind').first()).toHaveText('Option confirmée');
  await expect(history).toContainText('Étape : Option → Confirmé');
  await back();
  await expect(inColumn('confirmed', x)).toBeVisible();
  await expect(inColumn('closed', y)).toBeVisible();

  // Drag the confirmed deal to "contract sent".
  await dragToColumn(x, 'contract_sent');
  await expect(inColumn('contract_sent', x)).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/pipeline-dragged.png' });
  // Drag the released deal back to the holds: refused (the date is firm), it goes back.
  await dragToColumn(y, 'hold');
  await expect(page.getByTestId('pipeline-error')).toContainText('affaire ferme');
  await expect(inColumn('closed', y)).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/pipeline-drag-refused-fr.png' });
  await expect(inColumn('contract_sent', x)).toBeVisible();

  // Terms, in English: guarantee + bonus, with a field error that keeps the input.
  await setLanguage(page, 'en');
  await openDeal(x);
  await page.getByTestId('deal-dealType-input').selectOption('guarantee_bonus');
  await page.getByTestId('deal-guarantee-input').fill('1500');
  await page.getByTestId('deal-capacity-input').fill('500');
  await page.getByTestId('bonus-add').click();
  await page.getByTestId('bonus-threshold-0').fill('300');
  await page.getByTestId('bonus-amount-0').fill('five hundred');
  await page.getByTestId('deal-save').click();
  await expect(page.getByTestId('terms-invalid')).toBeVisible();
  await expect(page.getByTestId('deal-bonus-0-amount-error')).toHaveText('Not an amount');
  await expect(page.getByTestId('bonus-threshold-0')).toHaveValue('300');
  await page.getByTestId('bonus-amount-0').fill('500');
  await page.getByTestId('deal-save').click();
  await expect(page.getByTestId('deal-saved')).toBeVisible();
  await page.getByTestId('settle-ticketsSold').fill('400');
  await page.getByTestId('settle-ticketPrice').fill('25');
  await page.getByTestId('settle-compute').click();
  await expect(page.getByTestId('settle-bonus')).toContainText(AMOUNT('500'));
  await expect(page.getByTestId('settle-payout')).toContainText(AMOUNT('2 000'));
  await page.screenshot({ path: 'e2e/screenshots/deal-terms-bonus.png', fullPage: true });

  // Co-headline: the shares must sum to 100 %; expenses, VAT from the table, deposit.
  await page.getByTestId('deal-dealType-input').selectOption('co_headline');
  await page.getByTestId('deal-guarantee-input').fill('1000');
  await page.getByTestId('deal-percentage-input').fill('80');
  await page.getByTestId('share-0').fill('60');
  await page.getByTestId('share-1').fill('30');
  await expect(page.getByTestId('shares-total')).toHaveText('Total: 90 %');
  await page.getByTestId('share-mine-1').check();
  await page.getByTestId('expense-add').click();
  await page.getByTestId('expense-label-0').fill('Sound');
  await page.getByTestId('expense-amount-0').fill('2000');
  // The table's standard rate of the venue's country fills the VAT (FR 20, BE 21, CH 8.1).
  await page.getByTestId('vat-rate-standard').click();
  await expect(page.getByTestId('deal-vat-input')).toHaveValue(/^(20|21|8\.1)$/);
  await page.getByTestId('deal-vat-input').fill('20');
  await page.getByTestId('deal-depositPaid-input').fill('100');
  await page.getByTestId('deal-save').click();
  await expect(page.getByTestId('deal-shares-error')).toHaveText('The shares must add up to 100 %');
  await expect(page.getByTestId('expense-label-0')).toHaveValue('Sound');
  await page.getByTestId('share-1').fill('40');
  await page.getByTestId('deal-save').click();
  await expect(page.getByTestId('deal-saved')).toBeVisible();
  await page.getByTestId('settle-ticketsSold').fill('400');
  await page.getByTestId('settle-ticketPrice').fill('25');
  await page.getByTestId('settle-compute').click();
  // net 10 000 − expenses 2 000 = 8 000; 80 % = 6 400 pool; this artist 40 % = 2 560;
  // VAT 20 % = 512; walkout 2 560 + 512 − deposit 100 = 2 972.
  await expect(page.getByTestId('settle-share')).toContainText(AMOUNT('2 560'));
  await expect(page.getByTestId('settle-vat')).toContainText(AMOUNT('512'));
  await expect(page.getByTestId('settle-walkout')).toContainText(AMOUNT('2 972'));
  await expect(page.getByTestId('deal-history')).toContainText('Co-headline shares: — → 60 % / 40 %');
  await page.screenshot({ path: 'e2e/screenshots/deal-terms-coheadline.png', fullPage: true });

  // The same page in French: labels and history translated, money in French format.
  await setLanguage(page, 'fr');
  await expect(page.getByTestId('shares-editor')).toContainText('Parts du co-plateau');
  await expect(page.getByTestId('deal-history')).toContainText('Acompte versé : — → 100,00');
  await page.screenshot({ path: 'e2e/screenshots/deal-terms-fr.png', fullPage: true });
  await setLanguage(page, 'en');
  await back();

  // A hold's expiry: set in the future it counts down; set in the past it expires at once.
  await page.getByTestId('pipeline-artist-filter').selectOption('');
  await expect(page.getByTestId('pipeline-screen')).toHaveAttribute('data-artist-filter', '');
  const holdId =
    (await page.getByTestId('column-hold').getByTestId('deal-card').first().getAttribute('data-deal-id')) ??
    '';
  await openDeal(holdId);
  await page.getByTestId('deal-holdExpiresAt-input').fill('2030-01-15');
  await page.getByTestId('deal-holdExpiresAt-save').click();
  await expect(page.getByTestId('hold-expires-left')).toContainText(/15 Jan 2030, .* · \d+ d \d+ h left/);
  await page.getByTestId('deal-holdExpiresAt-input').fill('2020-01-15');
  await page.getByTestId('deal-holdExpiresAt-save').click();
  await expect(page.getByTestId('deal-status')).toContainText('Released');
  await expect(page.getByTestId('deal-history').getByTestId('history-kind').first()).toHaveText(
    'Hold expired',
  );
  await page.screenshot({ path: 'e2e/screenshots/deal-hold-expired.png', fullPage: true });
  await back();

  // Venues as an Excel workbook.
  await page.getByTestId('nav-venues').click();
  await expect(page.getByTestId('venues-table').locator('tbody tr')).not.toHaveCount(0, { timeout: 30_000 });
  await page.getByTestId('dir-export-open').click();
  await page.getByTestId('dir-export-format-xlsx').check();
  const out = join(dir, 'lieux.xlsx');
  await page.getByTestId('dir-export-path').fill(out);
  await page.getByTestId('dir-export-submit').click();
  await expect(page.getByTestId('dir-export-message')).toContainText(out);
  const bytes = readFileSync(out);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = wb.worksheets[0];
  expect(sheet?.getRow(1).getCell(1).value).toBe('name');
  expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
  expect(sheet?.rowCount).toBe(401);
  expect(typeof sheet?.getRow(2).getCell(7).value).toBe('number');
  await page.screenshot({ path: 'e2e/screenshots/venues-export-xlsx.png', fullPage: true });
});
