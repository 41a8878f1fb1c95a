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

test('two devices on one workspace: edits sync, and an edit made while the sync server is down arrives after it restarts', async ({
  browser,
}) => {
  const a = new DesktopPage(await (await browser.newContext()).newPage());
  const b = new DesktopPage(await (await browser.newContext()).newPage());
  await a.open(await stack.startDesktop('a'));
  await b.open(await stack.startDesktop('b'));
  await a.signIn();
  await b.signIn();
  await a.waitForRoster();
  await b.waitForRoster();

  const first = await a.firstArtistId(0);
  const second = await a.firstArtistId(5);

  // Online: A's edit appears in B.
  await a.rename(first, 'Nuit Blanche à Genève');
  await expect(b.row(first)).toContainText('Nuit Blanche à Genève');

  // Sync server down: A keeps working offline.
  await stack.stopSync();
  await a.expectSyncStatus('offline');
  await expect(a.page.getByTestId('offline-banner')).toBeVisible();
  await a.page.screenshot({ path: 'e2e/screenshots/offline.png', fullPage: true });
  await a.rename(second, 'Les Copains de Liège');
  await expect(b.row(second)).not.toContainText('Les Copains de Liège');

  // Server back: A's offline edit reaches B.
  await stack.startSync();
  await expect(b.row(second)).toContainText('Les Copains de Liège', { timeout: 30_000 });
  await a.expectSyncStatus('synced');
  await expect(a.page.getByTestId('offline-banner')).toBeHidden();
});
