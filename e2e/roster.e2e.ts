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
