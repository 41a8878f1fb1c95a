import { expect, test } from '@playwright/test';
import { DesktopPage } from './app';
import { TestStack } from './harness';

let stack: TestStack;
test.beforeAll(async () => {
  stack = await TestStack.start();
});
test.afterAll(async () => {
  await stack?.stop();
});

test('a booker signs in, sees the demo roster, edits an artist, and the edit survives a restart', async ({
  page,
}) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn('demo@flowstage.app', 'wrong-password');
  await expect(page.getByTestId('signin-error')).toBeVisible();
  await app.signIn();
  await app.waitForRoster();
  await app.expectSyncStatus('synced');
  await page.screenshot({ path: 'e2e/screenshots/roster.png', fullPage: true });

  const id = await app.firstArtistId(3);
  await app.row(id).click();
  await page.getByTestId('artist-genres-input').fill('chanson, électro-pop');
  await page.getByTestId('artist-fee-min-input').fill('1200');
  await page.getByTestId('artist-fee-max-input').fill('2500,50');
  await page.getByTestId('artist-name-input').fill('Les Échos du Rhône');
  await page.getByTestId('artist-save').click();
  await expect(app.row(id)).toContainText('Les Échos du Rhône');
  await expect(app.row(id)).toContainText('électro-pop');
  await page.screenshot({ path: 'e2e/screenshots/artist-editor.png', fullPage: true });

  // Restart the desktop: the session and the edit come back from local SQLite.
  await app.open(await stack.startDesktop('a'));
  await app.waitForRoster();
  await expect(app.row(id)).toContainText('Les Échos du Rhône');
  await expect(app.row(id)).toContainText('électro-pop');
  await expect(app.row(id)).toContainText('2');
});

test('a booker sorts, filters, hides a column, saves a view, and edits an artist page', async ({ page }) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('views'));
  await app.signIn();
  await app.waitForRoster();
  const table = page.getByTestId('roster-table');
  const count = page.getByTestId('roster-count');

  // Sort by draw, descending (second click); the column announces it.
  const drawHeader = page.getByTestId('roster-col-draw');
  await drawHeader.getByRole('button').click();
  await expect(drawHeader).toHaveAttribute('aria-sort', 'ascending');
  await drawHeader.getByRole('button').click();
  await expect(drawHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('roster-col-name')).toHaveAttribute('aria-sort', 'none');
  const draws = async () =>
    (await table.locator('tbody tr[data-artist-id] td:nth-child(5)').allInnerTexts()).map((t) =>
      Number(t.replace(/\D/g, '')),
    );
  const sorted = await draws();
  expect(sorted).toEqual([...sorted].sort((a, b) => b - a));

  // Filter by kind: fewer rows, the count says so.
  await page.getByTestId('roster-filter-kind').selectOption('band');
  await expect(count).not.toHaveAttribute('data-count', '40');
  const bands = Number(await count.getAttribute('data-count'));
  expect(bands).toBeGreaterThan(0);
  await expect(app.rows()).toHaveCount(bands);

  // Hide the deals column.
  await page.getByTestId('roster-columns').click();
  await page.getByTestId('roster-column-toggle-deals').uncheck();
  await expect(page.getByTestId('roster-col-deals')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/roster-filtered.png', fullPage: true });

  // Save the view, reset everything, then re-apply the view.
  await page.getByTestId('roster-view-name').fill('Bands by draw');
  await page.getByTestId('roster-view-save').click();
  await page.getByTestId('roster-filter-clear').click();
  await page.getByTestId('roster-column-toggle-deals').check();
  await page.getByTestId('roster-columns').click();
  await expect(page.getByTestId('roster-columns-menu')).toHaveCount(0);
  await page.getByTestId('roster-col-name').getByRole('button').click();
  await expect(count).toHaveAttribute('data-count', '40');
  await expect(page.getByTestId('roster-col-deals')).toHaveCount(1);

  // The view survives a reload.
  await page.reload();
  await app.waitForRoster();
  await page.getByTestId('roster-view-select').selectOption('Bands by draw');
  await expect(count).toHaveAttribute('data-count', String(bands));
  await expect(page.getByTestId('roster-col-deals')).toHaveCount(0);
  await expect(page.getByTestId('roster-col-draw')).toHaveAttribute('aria-sort', 'descending');

  // Open an artist page with the keyboard, edit its rider and media links.
  await page.getByTestId('roster-filter-clear').click();
  await expect(count).toHaveAttribute('data-count', '40');
  await table.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('artist-editor');
  await expect(editor).toBeVisible();
  const id = await editor.getAttribute('data-artist-id');
  expect(id).toBe(await app.firstArtistId(1));
  await page.getByTestId('artist-rider-input').fill('Console 24 voies\n6 retours, 2 DI');
  await page.getByTestId('artist-media-input').fill('Live | javascript:alert(1)');
  await page.getByTestId('artist-lineup-input').fill('6');
  await page.getByTestId('artist-save').click();
  await expect(page.getByTestId('artist-error-mediaLinks')).toBeVisible();
  await page
    .getByTestId('artist-media-input')
    .fill('Live à la Cigale | https://video.example.org/cigale\nhttps://press.example.fr/kit.pdf');
  await page.getByTestId('artist-save').click();
  await expect(page.getByTestId('artist-editor-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('artist-media-links').getByRole('link')).toHaveCount(2);
  await page.screenshot({ path: 'e2e/screenshots/artist-page.png', fullPage: true });

  // Values persist after a reload.
  await page.reload();
  await app.waitForRoster();
  await app.row(id ?? '').click();
  await expect(page.getByTestId('artist-rider-input')).toHaveValue('Console 24 voies\n6 retours, 2 DI');
  await expect(page.getByTestId('artist-lineup-input')).toHaveValue('6');
  await expect(page.getByTestId('artist-media-input')).toHaveValue(
    'Live à la Cigale | https://video.example.org/cigale\nhttps://press.example.fr/kit.pdf',
  );
});
