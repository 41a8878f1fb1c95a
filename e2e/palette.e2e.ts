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

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

test('Ctrl-K finds a venue without its accent, ? shows the shortcuts, #/artist/<id> opens the artist', async ({
  page,
}) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn();
  await app.waitForRoster();

  // Pick a venue whose name has an accent (from the venues screen, via `g v`).
  await page.keyboard.press('g');
  await page.keyboard.press('v');
  const rows = page.getByTestId('venues-table').locator('tbody tr[data-row-id]');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  const venues = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-row-id') ?? '',
      name: tr.querySelector('td')?.textContent ?? '',
    })),
  );
  const venue = venues.find((v) => /[À-ÿ]/.test(v.name) && v.name.length >= 8);
  if (!venue) throw new Error('no accented venue in the demo data');
  // Back to the roster (`g r`), then search: accents removed, last word cut short (prefix search).
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(page.getByTestId('roster-table')).toBeVisible();
  const words = fold(venue.name).split(/\s+/);
  const last = words.pop() ?? '';
  const query = [...words, last.slice(0, Math.max(2, last.length - 2))].join(' ').toLowerCase();
  expect(query).not.toBe(venue.name.toLowerCase());

  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('palette');
  await expect(palette).toBeVisible();
  const input = page.getByTestId('palette-input');
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute('role', 'combobox');
  await page.screenshot({ path: 'e2e/screenshots/palette-commands.png' });
  await input.pressSequentially(query, { delay: 20 });
  const option = palette.locator(`[data-key="venues:${venue.id}"]`);
  await expect(option).toBeVisible({ timeout: 15_000 });
  await expect(option).toContainText(venue.name);
  await page.screenshot({ path: 'e2e/screenshots/palette-search.png' });
  // A deal is found too: it opens on its page in the pipeline (e2e/comfort.e2e.ts goes further).
  const deal = palette.locator('[data-key^="deals:"]').first();
  if (await deal.isVisible()) {
    await deal.click();
    await expect(palette).toBeHidden();
    await expect(page.getByTestId('deal-page')).toBeVisible();
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').pressSequentially(query, { delay: 10 });
    await expect(option).toBeVisible({ timeout: 15_000 });
  }
  // Arrow down until the venue is the active descendant, then Enter.
  const optionId = await option.getAttribute('id');
  for (let i = 0; i < 40 && (await input.getAttribute('aria-activedescendant')) !== optionId; i++) {
    await input.press('ArrowDown');
  }
  await expect(input).toHaveAttribute('aria-activedescendant', optionId ?? '');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByTestId('dir-detail')).toBeVisible();
  await expect(page.getByTestId('dir-name-input')).toHaveValue(venue.name);
  await page.screenshot({ path: 'e2e/screenshots/palette-venue-opened.png' });

  // Escape closes the palette.
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // `?` shows the shortcuts help (not while typing in a field).
  await page.getByTestId('dir-name-input').focus();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-help')).toBeHidden();
  await expect(page.getByTestId('dir-name-input')).toHaveValue(`${venue.name}?`);
  await page.getByTestId('dir-name-input').fill(venue.name);
  await page.getByTestId('dir-name-input').blur();
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Ctrl+K');
  await page.screenshot({ path: 'e2e/screenshots/shortcuts-help.png' });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // A hash route opens the artist page.
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await app.waitForRoster();
  const artistId = await app.firstArtistId(5);
  const base = page.url().replace(/#.*$/, '');
  await page.goto(`${base}#/artist/${artistId}`);
  await expect(page.getByTestId('artist-editor')).toBeVisible();
  const name = await page.getByTestId('artist-name-input').inputValue();
  expect(name.length).toBeGreaterThan(0);
  await expect(app.row(artistId)).toContainText(name);
  await page.screenshot({ path: 'e2e/screenshots/deeplink-artist.png' });

  // Opening the app on a hash route (as the browser shell's /link redirect does) opens the record.
  await page.goto('about:blank');
  await page.goto(`${base}#/venue/${venue.id}`);
  await expect(page.getByTestId('dir-detail')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('dir-name-input')).toHaveValue(venue.name);
});
