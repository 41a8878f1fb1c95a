import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { DesktopPage, setLanguage } from './app';
import { TestStack } from './harness';

test.use({ viewport: { width: 1440, height: 1100 } });

let stack: TestStack;
let out: string;
test.beforeAll(async () => {
  stack = await TestStack.start();
  out = mkdtempSync(join(tmpdir(), 'flowstage-tour-e2e-'));
  mkdirSync('e2e/screenshots', { recursive: true });
});
test.afterAll(async () => {
  await stack?.stop();
  if (out) rmSync(out, { recursive: true, force: true });
});

const inTour = (page: Page) =>
  page.locator('[data-testid=tour-candidate][data-state=in]:not([data-source=show])');

/** Optimise and wait for the search to end (progress bar shown while it runs). */
async function optimise(page: Page): Promise<void> {
  await page.getByTestId('tour-optimise').click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByTestId('tour-optimise')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

/** Walk the roster until an artist has at least two holds in the default window. */
async function pickArtistWithHolds(page: Page): Promise<string> {
  const picker = page.getByTestId('tour-artist-filter');
  const count = await picker.locator('option').count();
  for (let i = 1; i < Math.min(count, 20); i++) {
    const value = (await picker.locator('option').nth(i).getAttribute('value')) ?? '';
    await picker.selectOption(value);
    await expect(page.getByTestId('tour-screen')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    const holds = await page.locator('[data-testid=tour-candidate][data-source=hold]').count();
    if (holds >= 2) return value;
  }
  throw new Error('no artist with two holds in the window');
}

test('a booker plans a tour: optimise, edit, accept into the pipeline and export the itinerary (FR, EN)', async ({
  page,
}) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn();
  await app.waitForRoster();
  await setLanguage(page, 'fr');

  await page.getByTestId('nav-tour').click();
  await expect(page.getByTestId('nav-tour')).toHaveText('Tournées');
  await expect(page.getByRole('heading', { name: 'Planificateur de tournée' })).toBeVisible();
  await pickArtistWithHolds(page);
  await expect(page.getByTestId('tour-distances-source')).toContainText('Distances');

  // Optimise: a progress bar while the worker searches, then the tour on the map and the timeline.
  await optimise(page);
  await expect(page.getByTestId('tour-chip').first()).toBeVisible();
  await expect.poll(() => inTour(page).count()).toBeGreaterThanOrEqual(2);
  const markers = page.locator('[data-testid=tour-map] [data-stop-id]');
  await expect.poll(() => markers.count()).toBeGreaterThan(2);
  const chipCount = await page.getByTestId('tour-chip').count();
  await expect(page.locator('[data-testid=tour-map] [data-stop-id="home"]')).toHaveCount(1);
  // One leg between consecutive stops, two (home and back) when the artist goes home in between.
  const homeLegs = await page.locator('[data-testid=tour-leg].tour-leg-home').count();
  expect(homeLegs % 2).toBe(0);
  await expect(page.getByTestId('tour-leg')).toHaveCount(chipCount + 1 + homeLegs / 2);

  // Drop a stop: totals change at once.
  const fees = page.getByTestId('tour-total-fees').locator('dd');
  const feesBefore = await fees.textContent();
  const dropRow = inTour(page).first();
  const droppedId = (await dropRow.getAttribute('data-stop-id')) ?? '';
  await dropRow.getByTestId('tour-drop').click();
  await expect(fees).not.toHaveText(feesBefore ?? '');
  const dropped = page.locator(`[data-testid=tour-candidate][data-stop-id="${droppedId}"]`);
  await expect(dropped).toHaveAttribute('data-state', 'dropped');
  await expect(dropped.getByTestId('tour-candidate-status')).toContainText('retirée par vous');
  await expect(page.getByTestId('tour-chip')).toHaveCount(chipCount - 1);

  // Pin another stop on its date; move a chip with the keyboard.
  const pinRow = inTour(page).first();
  const pinnedId = (await pinRow.getAttribute('data-stop-id')) ?? '';
  await pinRow.getByTestId('tour-pin').click();
  const pinned = page.locator(`[data-testid=tour-candidate][data-stop-id="${pinnedId}"]`);
  await expect(pinned).toHaveAttribute('data-pinned', 'true');
  const chip = page.locator(`[data-testid=tour-chip][data-stop-id="${pinnedId}"]`);
  const pinnedDate = await chip.getAttribute('data-date');
  await chip.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('tour-timeline-status')).not.toBeEmpty();
  const movedDate = await chip.getAttribute('data-date');
  if (movedDate !== pinnedDate) {
    await expect(chip).toBeFocused();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(chip).toHaveAttribute('data-date', pinnedDate ?? '');
  }

  // Drag a chip to another of its free allowed days (HTML5 drag and drop).
  const target = await page.getByTestId('tour-chip').evaluateAll((els, pinnedStop) => {
    const taken = new Set(els.map((e) => (e as HTMLElement).dataset.date));
    for (const el of els) {
      const { stopId, allowed } = (el as HTMLElement).dataset;
      const free = (allowed ?? '').split(' ').find((d) => d && !taken.has(d));
      if (stopId && stopId !== pinnedStop && free) return { stopId, date: free };
    }
    return null;
  }, pinnedId);
  if (target) {
    const dragged = page.locator(`[data-testid=tour-chip][data-stop-id="${target.stopId}"]`);
    await dragged.dragTo(page.locator(`[data-testid=tour-day][data-date="${target.date}"]`));
    await expect(dragged).toHaveAttribute('data-date', target.date);
    await expect(page.getByTestId('tour-timeline-status')).toContainText('déplacé');
  }

  // Re-optimise: the pin and the drop hold.
  await optimise(page);
  await expect(pinned).toHaveAttribute('data-state', 'in');
  await expect(chip).toHaveAttribute('data-date', pinnedDate ?? '');
  await expect(dropped).toHaveAttribute('data-state', 'dropped');

  // A long search can be cancelled: the best tour so far stays.
  await page.getByTestId('tour-setting-time').fill('30');
  await page.getByTestId('tour-optimise').click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  // Wait until the worker has reported progress (a best tour exists), then cancel.
  await expect
    .poll(async () => Number(await page.getByRole('progressbar').getAttribute('aria-valuenow')))
    .toBeGreaterThan(0);
  await page.getByTestId('tour-cancel').click();
  await expect(page.getByTestId('tour-cancelled')).toBeVisible();
  await expect(pinned).toHaveAttribute('data-state', 'in');
  await page.getByTestId('tour-setting-time').fill('2');
  await page.screenshot({ path: 'e2e/screenshots/tour-planner.png', fullPage: true });

  // Accept: the confirmation lists the holds, then what the pipeline did with each.
  const stopsToHold = await inTour(page).count();
  await page.getByTestId('tour-accept').click();
  const dialog = page.getByTestId('tour-accept-dialog');
  await expect(dialog.getByTestId('tour-accept-plan').locator('li')).toHaveCount(stopsToHold);
  await dialog.getByTestId('tour-accept-confirm').click();
  const results = dialog.getByTestId('tour-accept-result').locator('li');
  await expect(results).toHaveCount(stopsToHold);
  const actions = await results.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.action ?? ''));
  for (const a of actions) expect(['created', 'moved', 'held', 'unchanged', 'refused']).toContain(a);
  expect(actions.some((a) => a !== 'refused')).toBe(true);
  await page.screenshot({ path: 'e2e/screenshots/tour-accept.png' });
  const holdsBefore = await page.locator('[data-testid=tour-candidate][data-source=hold]').count();
  await dialog.getByTestId('tour-accept-close').click();
  await expect(dialog).toHaveCount(0);
  // The planner reloads from the pipeline: the new holds are there, the tour is kept.
  await expect(page.getByTestId('tour-screen')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  if (actions.includes('created'))
    await expect
      .poll(() => page.locator('[data-testid=tour-candidate][data-source=hold]').count())
      .toBeGreaterThan(holdsBefore);
  await expect.poll(() => inTour(page).count()).toBe(stopsToHold);

  // Itinerary PDF.
  await page.getByTestId('tour-pdf').click();
  await expect(page.getByTestId('tour-pdf-export-path-input')).not.toHaveValue('');
  const pdfPath = join(out, 'itineraire.pdf');
  await page.getByTestId('tour-pdf-export-path-input').fill(pdfPath);
  await page.getByTestId('tour-pdf-export-submit').click();
  await expect(page.getByTestId('tour-pdf-export-result')).toBeVisible();
  expect(existsSync(pdfPath)).toBe(true);
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.getByTestId('tour-pdf-export-close').click();

  // English.
  await setLanguage(page, 'en');
  await expect(page.getByTestId('nav-tour')).toHaveText('Tour planner');
  await expect(page.getByTestId('tour-optimise')).toHaveText('Optimise');
  await expect(page.getByTestId('tour-accept')).toHaveText('Accept tour');
  await expect(dropped.getByTestId('tour-candidate-status')).toContainText('dropped by you');
  await expect(page.getByTestId('tour-total-fees')).toContainText('Fees');
  await page.screenshot({ path: 'e2e/screenshots/tour-planner-en.png', fullPage: true });

  // A package tour: a second artist shares the van; the problem reloads with both.
  await page.getByTestId('tour-partner-add').selectOption({ index: 1 });
  await expect(page.getByTestId('tour-partner')).toHaveCount(1);
  await expect(page.getByTestId('tour-screen')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await optimise(page);
  await expect.poll(() => page.getByTestId('tour-chip').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('tour-candidate-artists').first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/tour-package.png', fullPage: true });
  await page.getByRole('button', { name: /Remove .* from the package/ }).click();
  await expect(page.getByTestId('tour-partner')).toHaveCount(0);
});
