import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DesktopPage } from './app';
import { TestStack } from './harness';

let stack: TestStack;
let dir: string;
test.beforeAll(async () => {
  stack = await TestStack.start();
  dir = mkdtempSync(join(tmpdir(), 'flowstage-dir-e2e-'));
});
test.afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a booker edits a venue, tags it, logs a call, imports a CSV with a report, and exports', async ({
  page,
}) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn();
  await app.waitForRoster();

  await page.getByTestId('nav-venues').click();
  const table = page.getByTestId('venues-table');
  await expect(table.locator('tbody tr')).toHaveCount(400, { timeout: 30_000 });
  await page.screenshot({ path: 'e2e/screenshots/venues.png', fullPage: true });

  // Edit a venue: name, a tag, validation first.
  const first = table.locator('tbody tr').nth(2);
  const id = await first.getAttribute('data-row-id');
  await first.click();
  const detail = page.getByTestId('dir-detail');
  await expect(detail).toBeVisible();
  await page.getByTestId('dir-capacityStanding-input').fill('beaucoup');
  await page.getByTestId('dir-save').click();
  await expect(page.getByTestId('dir-capacityStanding-error')).toBeVisible();
  await page.getByTestId('dir-capacityStanding-input').fill('850');
  await page.getByTestId('dir-name-input').fill('La Sirène Électrique');
  const tags = page.getByTestId('dir-tags-input');
  await tags.fill(`${await tags.inputValue()}, partenaire-2027`.replace(/^, /, ''));
  await page.getByTestId('dir-save').click();
  await expect(page.getByTestId('dir-status')).toBeVisible();
  const row = page.locator(`tr[data-row-id="${id}"]`);
  await expect(row).toContainText('La Sirène Électrique');
  await expect(row).toContainText('partenaire-2027');

  // Interaction history, newest first.
  await page.getByTestId('dir-history-kind').selectOption('call');
  await page.getByTestId('dir-history-date').fill('2026-10-01');
  await page.getByTestId('dir-history-text').fill('Appel avec la programmatrice');
  await page.getByTestId('dir-history-add').click();
  await page.getByTestId('dir-history-kind').selectOption('meeting');
  await page.getByTestId('dir-history-date').fill('2026-11-15');
  await page.getByTestId('dir-history-text').fill('Rendez-vous au festival');
  await page.getByTestId('dir-history-add').click();
  const history = page.getByTestId('dir-history-list').locator('li');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('Rendez-vous au festival');
  await page.screenshot({ path: 'e2e/screenshots/venue-detail.png', fullPage: true });

  // Tag filter.
  await page.getByTestId('dir-tag-filter').selectOption('partenaire-2027');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByTestId('dir-detail-close').click();

  // Import: one bad line and one duplicate block the import; fixing the bad line lets it through.
  await page.getByTestId('dir-import-open').click();
  const csv = (capacity: string) =>
    [
      'Nom;Ville;Pays;Capacité;E-mail;Étiquettes',
      'Le Chat Noir;Genève;Suisse;300;prog@chatnoir.ch;club',
      `La Péniche;Lille;France;${capacity};;`,
      'le chat noir;GENEVE;CH;300;;',
      'La Sirène Électrique;Nulle-Part;FR;10;;',
    ].join('\n');
  await page.getByTestId('dir-import-text').fill(csv('beaucoup'));
  await page.getByTestId('dir-import-preview').click();
  const report = page.getByTestId('dir-import-report');
  await expect(report.locator('tr[data-status="error"]')).toHaveCount(1);
  await expect(report.locator('tr[data-status="duplicate"]')).toHaveCount(1);
  await expect(report.locator('tr[data-status="error"]')).toContainText(
    'Standing capacity: “beaucoup” is not a whole number',
  );
  await expect(page.getByTestId('dir-map-name')).toHaveValue('0');
  await expect(page.getByTestId('dir-import-blocked')).toBeVisible();
  await expect(page.getByTestId('dir-import-commit')).toBeDisabled();
  await page.getByTestId('dir-import-blocked').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/venues-import-report.png', fullPage: true });

  await page.getByTestId('dir-import-text').fill(csv('1 200'));
  await page.getByTestId('dir-import-preview').click();
  await expect(report.locator('tr[data-status="error"]')).toHaveCount(0);
  await page.getByTestId('dir-import-commit').click();
  await expect(page.getByTestId('dir-import-message')).toContainText('3');
  await page.getByTestId('dir-import-message').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/venues-import-done.png', fullPage: true });
  await page.getByTestId('dir-import').getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('dir-tag-filter').selectOption('');
  await expect(table.locator('tbody tr')).toHaveCount(403);
  await page.screenshot({ path: 'e2e/screenshots/venues-imported.png', fullPage: true });

  // Export the filtered list as CSV.
  await page.getByTestId('dir-search').fill('chat noir');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByTestId('dir-export-open').click();
  const out = join(dir, 'lieux.csv');
  await page.getByTestId('dir-export-path').fill(out);
  await page.getByTestId('dir-export-submit').click();
  await expect(page.getByTestId('dir-export-message')).toContainText(out);
  const text = readFileSync(out, 'utf8');
  expect(text.startsWith('\ufeffname;kind;')).toBe(true);
  expect(text).toContain('Le Chat Noir;club;');
  await page.screenshot({ path: 'e2e/screenshots/venues-export.png', fullPage: true });

  // Contacts: the same list, in French.
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contacts-table').locator('tbody tr')).toHaveCount(600, { timeout: 30_000 });
  await page.getByTestId('contacts-table').locator('tbody tr').first().click();
  await expect(page.getByTestId('dir-detail')).toBeVisible();
  await page.getByTestId('dir-venue-search').fill('chat noir');
  await page.getByTestId('dir-venue-match').first().click();
  await expect(page.getByTestId('dir-venue-current')).toContainText('Le Chat Noir');
  await page.screenshot({ path: 'e2e/screenshots/contacts.png', fullPage: true });

  // The venue page lists the contact just linked.
  await page.getByTestId('nav-venues').click();
  await page.getByTestId('dir-search').fill('chat noir');
  await expect(page.getByTestId('venues-table').locator('tbody tr')).toHaveCount(1);
  await page.getByTestId('venues-table').locator('tbody tr').first().click();
  await expect(page.getByTestId('dir-linked').locator('li')).toHaveCount(1);
});
