import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { pdfText } from '../desktop/src/core/export/pdf/pdf-text';
import { DesktopPage, setLanguage } from './app';
import { TestStack } from './harness';

// Tall enough for the whole editor (schedule to guest list) in the screenshots.
test.use({ viewport: { width: 1280, height: 1500 } });

let stack: TestStack;
let out: string;
test.beforeAll(async () => {
  stack = await TestStack.start();
  out = mkdtempSync(join(tmpdir(), 'flowstage-advancing-e2e-'));
});
test.afterAll(async () => {
  await stack?.stop();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The demo agency is generated around 2026-09-01: its firm shows run from there. */
const FROM = '2026-09-01';

function expectPdf(path: string, ...texts: string[]): void {
  expect(existsSync(path)).toBe(true);
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(bytes);
  for (const t of texts) expect(text).toContain(t);
}

/** Select artists until one has at least two firm shows from FROM; returns its id. */
async function artistWithShows(page: Page): Promise<string> {
  const filter = page.getByTestId('adv-artist-filter');
  await expect(filter.locator('option')).not.toHaveCount(1);
  for (let i = 1; i <= 15; i++) {
    const value = (await filter.locator('option').nth(i).getAttribute('value')) ?? '';
    await filter.selectOption(value);
    await expect(page.getByTestId('advancing-screen')).toHaveAttribute('data-artist-filter', value);
    if ((await page.getByTestId('adv-show').count()) >= 2) return value;
  }
  throw new Error('no artist with two firm shows');
}

async function exportPdf(
  page: Page,
  prefix: 'adv-daysheet' | 'adv-tourbook',
  path: string,
  lang: 'fr' | 'en',
) {
  const dialog = page.getByTestId(prefix);
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId(`${prefix}-path-input`)).not.toHaveValue('');
  await page.getByTestId(`${prefix}-lang`).selectOption(lang);
  await page.getByTestId(`${prefix}-path-input`).fill(path);
  await page.getByTestId(`${prefix}-submit`).click();
  await expect(page.getByTestId(`${prefix}-result`)).toBeVisible();
}

test('a booker advances a show (schedule, production, hospitality, contacts, guests) and saves day sheets and a tour book in English and French', async ({
  page,
}) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn();
  await app.waitForRoster();
  await setLanguage(page, 'en');

  await page.getByTestId('nav-advancing').click();
  await expect(page.getByTestId('nav-advancing')).toHaveText('Advancing');
  await expect(page.getByTestId('advancing-screen')).toBeVisible();
  await page.getByTestId('adv-from').fill(FROM);
  const artistId = await artistWithShows(page);
  const show = page.getByTestId('adv-show').first();
  const dealId = (await show.getAttribute('data-deal-id')) ?? '';
  await expect(show.getByTestId('adv-badges')).toHaveAttribute('data-done', '0');
  await show.click();
  const editor = page.getByTestId('adv-editor');
  await expect(editor).toHaveAttribute('data-deal-id', dealId);

  // Schedule: the usual day, then a row after midnight; a bad time is flagged and not saved.
  await page.getByTestId('adv-schedule-template').click();
  await expect(page.getByTestId('adv-schedule-row')).toHaveCount(5);
  await page.getByTestId('adv-schedule-add').click();
  const last = page.getByTestId('adv-schedule-row').last();
  await last.getByTestId('adv-schedule-time').fill('soon');
  await last.getByTestId('adv-schedule-label').fill('Load-out');
  await last.getByTestId('adv-schedule-label').blur();
  await expect(last.getByTestId('adv-schedule-error')).toBeVisible();
  await last.getByTestId('adv-schedule-time').fill('0h30');
  await last.getByTestId('adv-schedule-time').blur();
  await expect(last.getByTestId('adv-schedule-time')).toHaveValue('00:30');
  await expect(last.getByTestId('adv-schedule-error')).toHaveCount(0);
  // Reorder: the new row goes one up.
  await last.getByTestId('adv-schedule-up').click();
  await expect(page.getByTestId('adv-schedule-row').nth(4).getByTestId('adv-schedule-label')).toHaveValue(
    'Load-out',
  );

  // Production and hospitality save when the field is left.
  await page.getByTestId('adv-production').fill('PA: d&b V-series, 6 wedges. Backline: house drum kit.');
  await page.getByTestId('adv-hospitality').click();
  await page.getByTestId('adv-hospitality').fill('Dinner for 6 at 18:30, 3 hotel rooms.');
  await page.getByTestId('adv-guest-name').click();

  // Contacts: a suggestion of the venue or deal when there is one, and one from the search.
  const suggested = page.getByTestId('adv-contact-suggested');
  if ((await suggested.count()) > 0) await suggested.first().getByTestId('adv-contact-add').click();
  await page.getByTestId('adv-contact-search').fill('ma');
  const found = page.getByTestId('adv-contact-found').first();
  await expect(found).toBeVisible();
  const foundId = await found.getAttribute('data-contact-id');
  await found.getByTestId('adv-contact-add').click();
  await expect(
    page.locator(`[data-testid="adv-contact-chosen"][data-contact-id="${foundId}"]`),
  ).toBeVisible();

  // Guests: each one saved as added; totals count the plus-ones.
  await page.getByTestId('adv-guest-name').fill('Léa Moreau');
  await page.getByTestId('adv-guest-plus').fill('2');
  await page.getByTestId('adv-guest-note').fill('press');
  await page.getByTestId('adv-guest-add').click();
  await expect(page.getByTestId('adv-guest')).toHaveCount(1);
  await expect(page.getByTestId('adv-guest-name')).toHaveValue('');
  await page.getByTestId('adv-guest-name').fill('Tom Girard');
  await page.getByTestId('adv-guest-add').click();
  await expect(page.getByTestId('adv-guest')).toHaveCount(2);
  await page.getByTestId('adv-guest-name').fill('Not coming');
  await page.getByTestId('adv-guest-add').click();
  await expect(page.getByTestId('adv-guest')).toHaveCount(3);
  await page
    .getByTestId('adv-guest')
    .filter({ hasText: 'Not coming' })
    .getByTestId('adv-guest-remove')
    .click();
  await expect(page.getByTestId('adv-guest')).toHaveCount(2);
  await expect(page.getByTestId('adv-guest-total')).toHaveText('2 names · 4 people');

  await page.getByTestId('adv-save').click();
  await expect(page.getByTestId('adv-save-state')).toHaveAttribute('data-dirty', 'false');
  await expect(
    page.locator(`[data-testid="adv-show"][data-deal-id="${dealId}"]`).getByTestId('adv-badges'),
  ).toHaveAttribute('data-done', '5');
  await page.screenshot({ path: 'e2e/screenshots/advancing-editor-en.png', fullPage: true });

  // Saved in the workspace: leave the screen, come back, the show reads back.
  await page.getByTestId('nav-pipeline').click();
  await page.getByTestId('nav-advancing').click();
  await page.getByTestId('adv-from').fill(FROM);
  await page.getByTestId('adv-artist-filter').selectOption(artistId);
  await expect(page.getByTestId('advancing-screen')).toHaveAttribute('data-artist-filter', artistId);
  await page.locator(`[data-testid="adv-show"][data-deal-id="${dealId}"]`).click();
  await expect(page.getByTestId('adv-production')).toHaveValue(/d&b V-series/);
  await expect(page.getByTestId('adv-schedule-row')).toHaveCount(6);
  await expect(page.getByTestId('adv-guest')).toHaveCount(2);

  // Day sheet PDF (English).
  await page.getByTestId('adv-daysheet-open').click();
  const sheetEn = join(out, 'day-sheet-en.pdf');
  await exportPdf(page, 'adv-daysheet', sheetEn, 'en');
  await page.screenshot({ path: 'e2e/screenshots/advancing-daysheet-dialog.png' });
  await page.getByTestId('adv-daysheet-close').click();
  expectPdf(
    sheetEn,
    'Day sheet',
    'Schedule',
    'Load-out',
    'd&b V-series',
    'Dinner for 6',
    'Léa Moreau',
    'Tom Girard',
  );

  // Tour book PDF of the artist for a range (English).
  await page.getByTestId('adv-tourbook-open').click();
  await page.getByTestId('adv-tourbook-from').fill(FROM);
  await page.getByTestId('adv-tourbook-to').fill('2027-08-31');
  const bookEn = join(out, 'tour-book-en.pdf');
  await exportPdf(page, 'adv-tourbook', bookEn, 'en');
  await page.screenshot({ path: 'e2e/screenshots/advancing-tourbook-dialog.png' });
  await page.getByTestId('adv-tourbook-close').click();
  expectPdf(bookEn, 'Tour book', 'Itinerary', 'Day sheet', 'Guarantee', 'Léa Moreau');

  // In French: the screen and both PDFs.
  await setLanguage(page, 'fr');
  await expect(page.getByTestId('nav-advancing')).toHaveText('Advancing (feuilles de route)');
  await expect(page.getByTestId('adv-save')).toHaveText('Enregistrer');
  await expect(page.getByTestId('adv-guest-total')).toHaveText('2 noms · 4 personnes');
  await page.screenshot({ path: 'e2e/screenshots/advancing-editor-fr.png', fullPage: true });
  await page.getByTestId('adv-daysheet-open').click();
  // The PDF follows the interface language unless another is chosen.
  await expect(page.getByTestId('adv-daysheet-lang')).toHaveValue('fr');
  const sheetFr = join(out, 'feuille-de-route.pdf');
  await exportPdf(page, 'adv-daysheet', sheetFr, 'fr');
  await page.getByTestId('adv-daysheet-close').click();
  expectPdf(
    sheetFr,
    'Feuille de route',
    'Horaires',
    'Accueil (hospitalité)',
    'Liste d’invités',
    'Léa Moreau',
  );

  await page.getByTestId('adv-tourbook-open').click();
  await page.getByTestId('adv-tourbook-from').fill(FROM);
  await page.getByTestId('adv-tourbook-to').fill('2027-08-31');
  const bookFr = join(out, 'carnet-de-tournee.pdf');
  await exportPdf(page, 'adv-tourbook', bookFr, 'fr');
  await page.screenshot({ path: 'e2e/screenshots/advancing-tourbook-fr.png' });
  await page.getByTestId('adv-tourbook-close').click();
  expectPdf(bookFr, 'Carnet de tournée', 'Itinéraire', 'Feuille de route', 'Garantie');
});
