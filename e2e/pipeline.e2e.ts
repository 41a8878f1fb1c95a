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

test('a booker opens the pipeline, moves a deal to the next stage, opens it and computes a settlement', async ({
  page,
}) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn();
  await app.waitForRoster();

  await page.getByTestId('nav-pipeline').click();
  const board = page.getByTestId('pipeline-board');
  await expect(board).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'e2e/screenshots/pipeline-board.png' });

  // One artist's deals; move a confirmed one to "contract sent" with the keyboard.
  const artistFilter = page.getByTestId('pipeline-artist-filter');
  await expect(artistFilter.locator('option')).not.toHaveCount(1);
  const confirmedCard = async () => {
    for (let i = 1; i <= 10; i++) {
      const value = await artistFilter.locator('option').nth(i).getAttribute('value');
      await artistFilter.selectOption(value ?? '');
      // The screen shows this artist's deals once it says it was loaded for them.
      await expect(page.getByTestId('pipeline-screen')).toHaveAttribute('data-artist-filter', value ?? '');
      const cards = page.getByTestId('column-confirmed').getByTestId('deal-card');
      if ((await cards.count()) > 0) return cards.first();
    }
    throw new Error('no confirmed deal in the first artists');
  };
  const card = await confirmedCard();
  const dealId = await card.getAttribute('data-deal-id');
  const next = card.getByTestId('deal-move-next');
  await next.focus();
  await page.keyboard.press('Enter');
  const moved = page.getByTestId('column-contract_sent').locator(`[data-deal-id="${dealId}"]`);
  await expect(moved).toBeVisible();
  await expect(page.getByTestId('column-confirmed').locator(`[data-deal-id="${dealId}"]`)).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/pipeline-moved.png' });

  // Table view.
  await page.getByTestId('pipeline-view-table').click();
  await page.getByTestId('pipeline-sort-guarantee').click();
  await expect(page.getByTestId('pipeline-sort-guarantee')).toContainText('↑');
  await expect(page.getByTestId('pipeline-table').locator(`tr[data-row-id="${dealId}"]`)).toBeVisible();
  await page.getByTestId('pipeline-view-board').click();

  // Open the deal: terms, settlement, history of the move.
  await moved.locator('.deal-card-open').click();
  await expect(page.getByTestId('deal-page')).toBeVisible();
  await expect(page.getByTestId('deal-history')).toContainText('Stage: Confirmed → Contract sent');
  await page.getByTestId('deal-dealType-input').selectOption('versus_net');
  await page.getByTestId('deal-guarantee-input').fill('1500');
  await page.getByTestId('deal-percentage-input').fill('80');
  await page.getByTestId('deal-capacity-input').fill('500');
  await page.getByTestId('deal-save').click();
  await expect(page.getByTestId('deal-saved')).toBeVisible();

  await page.getByTestId('settle-ticketsSold').fill('400');
  await page.getByTestId('settle-ticketPrice').fill('25');
  await page.getByTestId('settle-expenses').fill('3000');
  await page.getByTestId('settle-compute').click();
  const result = page.getByTestId('settle-result');
  await expect(result).toBeVisible();
  // 400 × 25 = 10 000 gross; 80% of (10 000 − 3 000) = 5 600 beats the 1 500 guarantee.
  await expect(page.getByTestId('settle-gross')).toContainText(/10[\s,.\u202f\u00a0]?000/);
  await expect(page.getByTestId('settle-payout')).toContainText(/5[\s,.\u202f\u00a0]?600/);
  await expect(page.getByTestId('settle-winner')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/deal-settlement.png', fullPage: true });

  await page.getByTestId('deal-back').click();
  await expect(page.getByTestId('pipeline-screen')).toBeVisible();
});
