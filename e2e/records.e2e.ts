import { expect, test } from '@playwright/test';
import { DesktopPage, setLanguage } from './app';
import { TestStack } from './harness';

let stack: TestStack;
test.beforeAll(async () => {
  stack = await TestStack.start();
});
test.afterAll(async () => {
  await stack?.stop();
});

test.use({ viewport: { width: 2200, height: 1300 } });

const VENUE = 'Le Quai des Essais';

test('a booker creates a venue, a contact at it and a hold there; deletes and restores', async ({ page }) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn();
  await app.waitForRoster();

  // A new venue opens selected; the same name in the same city is refused as a duplicate.
  await page.getByTestId('nav-venues').click();
  await expect(page.getByTestId('venues-table').locator('tbody tr')).toHaveCount(400, { timeout: 30_000 });
  await page.getByTestId('dir-new').click();
  const dialog = page.getByTestId('new-record-dialog');
  await dialog.getByTestId('new-name-input').fill(VENUE);
  await dialog.getByTestId('new-city-input').fill('Lyon');
  await dialog.getByTestId('new-capacityStanding-input').fill('abc');
  await dialog.getByTestId('new-record-create').click();
  await expect(dialog.getByTestId('new-capacityStanding-error')).toBeVisible();
  await dialog.getByTestId('new-capacityStanding-input').fill('650');
  await dialog.getByTestId('new-email-input').fill('prog@quai-essais.fr');
  await page.screenshot({ path: 'e2e/screenshots/records-new-venue.png', fullPage: true });
  await dialog.getByTestId('new-record-create').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('dir-detail')).toHaveAttribute('aria-label', VENUE);
  await expect(page.getByTestId('venues-table').locator('tbody tr')).toHaveCount(401);

  await page.getByTestId('dir-new').click();
  await dialog.getByTestId('new-name-input').fill('le quai des essais');
  await dialog.getByTestId('new-city-input').fill('LYON');
  await dialog.getByTestId('new-record-create').click();
  await expect(dialog.getByTestId('new-record-error')).toContainText('already in this city');
  await expect(dialog.getByTestId('new-record-anyway')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // In French: a contact linked to the new venue.
  await setLanguage(page, 'fr');
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('dir-new')).toHaveText('Nouveau contact');
  await page.getByTestId('dir-new').click();
  await dialog.getByTestId('new-firstName-input').fill('Inès');
  await dialog.getByTestId('new-lastName-input').fill('Carpentier');
  await dialog.getByTestId('new-email-input').fill('ines@quai-essais.fr');
  await dialog.getByTestId('dir-venue-search').fill('Quai des Essais');
  await dialog.getByTestId('dir-venue-match').filter({ hasText: VENUE }).click();
  await expect(dialog.getByTestId('dir-venue-current')).toContainText(`${VENUE}, Lyon`);
  await dialog.getByTestId('new-record-create').click();
  await expect(dialog).toBeHidden();
  const detail = page.getByTestId('dir-detail');
  await expect(detail).toHaveAttribute('aria-label', 'Inès Carpentier');
  await expect(detail.getByTestId('dir-venue-current')).toContainText(VENUE);
  await page.screenshot({ path: 'e2e/screenshots/records-new-contact.png', fullPage: true });

  // Delete (confirmed), then Undo restores it.
  const selected = page.getByTestId('contacts-table').locator('tr.row-selected');
  await expect(selected).toContainText('Inès Carpentier');
  const contactRow = page.locator(`tr[data-row-id="${await selected.getAttribute('data-row-id')}"]`);
  await detail.getByTestId('dir-delete').click();
  await expect(page.getByTestId('dir-delete-confirm')).toContainText('Supprimer « Inès Carpentier »');
  await page.getByTestId('dir-delete-yes').click();
  await expect(page.getByTestId('dir-deleted')).toContainText('« Inès Carpentier » supprimé.');
  await expect(contactRow).toHaveCount(0);
  await page.getByTestId('dir-undo-delete').click();
  await expect(page.getByTestId('dir-deleted')).toContainText('rétabli');
  await expect(contactRow).toHaveCount(1);
  await expect(page.getByTestId('dir-detail')).toHaveAttribute('aria-label', 'Inès Carpentier');

  // A hold at the new venue: created from the pipeline, it opens on its page, then shows in the hold column.
  await setLanguage(page, 'en');
  await page.getByTestId('nav-pipeline').click();
  await expect(page.getByTestId('pipeline-board')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('pipeline-new-deal').click();
  const dealDialog = page.getByTestId('new-deal-dialog');
  await dealDialog.getByTestId('new-deal-create').click();
  await expect(dealDialog.getByTestId('new-deal-artistId-error')).toBeVisible();
  const artist = dealDialog.getByTestId('new-deal-artist');
  await expect(artist.locator('option')).not.toHaveCount(1);
  const artistName = (await artist.locator('option').nth(1).textContent()) ?? '';
  await artist.selectOption({ index: 1 });
  await dealDialog.getByTestId('dir-venue-search').fill('Quai des Essais');
  await dealDialog.getByTestId('dir-venue-match').filter({ hasText: VENUE }).click();
  await dealDialog.getByTestId('new-deal-date').fill('2031-03-14');
  await expect(dealDialog.getByTestId('new-deal-stage')).toHaveValue('hold');
  await expect(dealDialog.getByTestId('new-deal-currency')).toHaveValue('EUR');
  await dealDialog.getByTestId('new-deal-guarantee').fill('2,500.50');
  await page.screenshot({ path: 'e2e/screenshots/records-new-deal.png', fullPage: true });
  await dealDialog.getByTestId('new-deal-create').click();
  await expect(page.getByTestId('deal-page')).toBeVisible();
  await expect(page.getByTestId('deal-title')).toHaveText(`${artistName} @ ${VENUE}`);
  await expect(page.getByTestId('deal-status')).toContainText('Hold');
  await page.getByTestId('deal-back').click();
  await page.getByTestId('pipeline-search').fill('Quai des Essais');
  const card = page.getByTestId('column-hold').getByTestId('deal-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(artistName);
  await page.screenshot({ path: 'e2e/screenshots/records-deal-on-board.png', fullPage: true });

  // Delete the deal from its page, then Undo.
  await card.locator('.deal-card-open').click();
  await page.getByTestId('deal-delete').click();
  await page.getByTestId('deal-delete-yes').click();
  await expect(page.getByTestId('pipeline-deleted')).toBeVisible();
  await expect(page.getByTestId('column-hold').getByTestId('deal-card')).toHaveCount(0);
  await page.getByTestId('pipeline-undo-delete').click();
  await expect(page.getByTestId('deal-page')).toBeVisible();
  await expect(page.getByTestId('deal-status')).toContainText('Hold');

  // From the venue's detail panel: a deal with the venue filled in (an offer), opened on its page.
  await page.getByTestId('nav-venues').click();
  await page.getByTestId('dir-search').fill('Quai des Essais');
  await page.getByTestId('venues-table').locator('tbody tr').filter({ hasText: VENUE }).click();
  await page.getByTestId('dir-new-deal').click();
  await expect(dealDialog.getByTestId('dir-venue-current')).toContainText(VENUE);
  await dealDialog.getByTestId('new-deal-artist').selectOption({ index: 2 });
  await dealDialog.getByTestId('new-deal-date').fill('2031-04-02');
  await dealDialog.getByTestId('new-deal-stage').selectOption('offer');
  await dealDialog.getByTestId('new-deal-create').click();
  await expect(page.getByTestId('deal-page')).toBeVisible();
  await expect(page.getByTestId('deal-title')).toContainText(VENUE);
  await expect(page.getByTestId('deal-status')).toContainText('Offer');
});
