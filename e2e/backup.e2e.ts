import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { en } from '../desktop/src/renderer/i18n/en';
import { DesktopPage } from './app';
import { TestStack } from './harness';

let stack: TestStack;
test.beforeAll(async () => {
  stack = await TestStack.start();
});
test.afterAll(async () => {
  await stack?.stop();
});

test('a workspace exported to one file on device A is restored on a new device B: a truncated copy is refused, the good file opens without downloading', async ({
  browser,
}) => {
  const folder = join(stack.config.dataDir, 'exports', 'not yet created');
  const good = join(folder, 'agence.flowstage');
  const truncated = join(stack.config.dataDir, 'agence-truncated.flowstage');
  const dbOnB = join(stack.config.dataDir, 'desktop-b', 'workspaces', `${stack.workspaceId}.db`);

  // Device A: signed in, synced, exports through the Backup dialog.
  const a = new DesktopPage(await (await browser.newContext({ locale: 'en-GB' })).newPage());
  await a.open(await stack.startDesktop('a'));
  await a.signIn();
  await a.waitForRoster();
  await a.expectSyncStatus('synced');
  await a.openBackupDialog();
  await expect(a.page.getByTestId('backup-path-input')).toHaveValue(
    /[\\/]Flow Stage[\\/]Backups[\\/]Agence Demo Flow Stage-\d{4}-\d{2}-\d{2}\.flowstage$/,
  );
  await a.exportBackup(good);
  const result = a.page.getByTestId('backup-result');
  await expect(result).toContainText(good);
  await expect(result).toContainText(/\d+ documents/);
  await a.page.screenshot({ path: 'e2e/screenshots/backup-export.png', fullPage: true });
  await a.page.getByTestId('backup-close').click();
  await expect(a.page.getByTestId('backup-dialog')).toBeHidden();

  const bytes = readFileSync(good);
  expect(bytes.subarray(0, 17).toString('latin1')).toBe('FLOWSTAGE-BACKUP\n');
  mkdirSync(stack.config.dataDir, { recursive: true });
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));

  // The sync server goes down: whatever B shows next comes from the backup, not a download.
  await stack.stopSync();

  // Device B: a new computer. The truncated copy is refused with a clear message, and nothing is written.
  const b = new DesktopPage(await (await browser.newContext({ locale: 'en-GB' })).newPage());
  await b.open(await stack.startDesktop('b'));
  await b.restoreBackup('relative/path.flowstage');
  await expect(b.page.getByTestId('restore-path-error')).toHaveText(en['validation.absolutePath']);
  await b.restoreBackup(join(stack.config.dataDir, 'missing.flowstage'));
  await expect(b.page.getByTestId('restore-error')).toHaveText(en['error.backup_not_found']);
  await b.restoreBackup(truncated);
  await expect(b.page.getByTestId('restore-error')).toHaveText(en['error.backup_truncated']);
  await expect(b.page.getByTestId('restore-result')).toHaveCount(0);
  expect(existsSync(dbOnB)).toBe(false);
  await b.page.screenshot({ path: 'e2e/screenshots/backup-restore-refused.png', fullPage: true });

  // The good file: restored, then signing in opens it from the local database.
  await b.restoreBackup(good);
  await expect(b.page.getByTestId('restore-result')).toContainText('Agence Demo Flow Stage');
  expect(existsSync(dbOnB)).toBe(true);
  await b.signIn();
  await b.waitForRoster();
  await b.expectSyncStatus('offline');
  await expect(b.page.getByTestId('workspace-app')).toBeVisible();
  await expect(b.page.getByTestId('restore-notice')).toHaveCount(0);
  await b.page.screenshot({ path: 'e2e/screenshots/backup-restored.png', fullPage: true });

  // The sync server is back: B compares digests with it and is synced.
  await stack.startSync();
  await b.expectSyncStatus('synced');
  await b.waitForRoster();

  // Signed out, restoring the same backup again is refused: the workspace is already on this device.
  await b.page.getByTestId('signout').click();
  await b.restoreBackup(good);
  await expect(b.page.getByTestId('restore-error')).toHaveText(en['error.backup_exists']);
  await b.signIn();
  await b.waitForRoster();
});
