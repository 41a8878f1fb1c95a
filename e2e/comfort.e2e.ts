/**
 * Everyday comfort: the dashboard (sections, revenue chart, links to deals), undo and redo
 * of a recent edit with Ctrl-Z / the toast / Ctrl-Y, the recent-edits list, and the
 * palette opening a deal's page — in English and French.
 */
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

/** Leave any text field, so that Ctrl-Z goes to the app's history rather than the field's. */
async function blur(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test('dashboard, undo and redo of an edit, palette opens a deal page', async ({ page }) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn();
  await app.waitForRoster();

  // The dashboard is first in the navigation; `g d` opens it.
  await expect(page.locator('nav.sidebar .nav-item').first()).toHaveAttribute('data-testid', 'nav-dashboard');
  await page.keyboard.press('g');
  await page.keyboard.press('d');
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toBeVisible();
  for (const section of ['upcoming', 'expiring', 'challenges', 'stages', 'revenue']) {
    await expect(page.getByTestId(`dash-${section}`)).toBeVisible();
  }
  const upcoming = page.getByTestId('dash-upcoming').getByTestId('dash-deal');
  await expect(upcoming.first()).toBeVisible();
  const chart = page.getByTestId('revenue-chart-EUR');
  await expect(chart.locator('svg[role="img"] title').first()).toContainText('EUR');
  await expect(chart.locator('rect.bar-guarantee')).toHaveCount(12);
  await expect(page.getByTestId('dash-stage-confirmed')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/dashboard-en.png' });
  await page.getByTestId('dash-revenue').scrollIntoViewIfNeeded();
  await page.getByTestId('dash-revenue').screenshot({ path: 'e2e/screenshots/dashboard-revenue.png' });
  // The chart's table fallback.
  await chart.locator('summary').click();
  await expect(page.getByTestId('revenue-table-EUR').locator('tbody tr')).toHaveCount(12);

  // Every item links to its deal page.
  const href = await upcoming.first().getAttribute('href');
  expect(href).toMatch(/^#\/deal\/[0-9a-f-]+$/);
  await upcoming.first().click();
  await expect(page.getByTestId('deal-page')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/dashboard-deal-opened.png' });

  // An edit, undone with Ctrl-Z, redone from the toast, undone again and redone with Ctrl-Y.
  await page.getByTestId('nav-roster').click();
  await app.waitForRoster();
  const artistId = await app.firstArtistId(3);
  const before = (await app.row(artistId).locator('td').first().textContent()) ?? '';
  await app.rename(artistId, 'Les Annulables');
  await blur(page);
  await page.keyboard.press('Control+z');
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toContainText('Undone: Artist');
  await expect(toast).toContainText('name');
  await expect(app.row(artistId)).not.toContainText('Les Annulables');
  await expect(app.row(artistId)).toContainText(before.trim());
  await page.screenshot({ path: 'e2e/screenshots/undo-toast.png' });
  await page.getByTestId('undo-toast-redo').click();
  await expect(toast).toContainText('Redone: Artist Les Annulables');
  await expect(app.row(artistId)).toContainText('Les Annulables');
  await blur(page);
  await page.keyboard.press('Control+z');
  await expect(app.row(artistId)).not.toContainText('Les Annulables');
  await page.keyboard.press('Control+y');
  await expect(app.row(artistId)).toContainText('Les Annulables');
  await page.keyboard.press('Control+Shift+z');
  await expect(toast).toContainText('Nothing to redo');

  // Inside a text field Ctrl-Z stays with the field: the app's history is not touched.
  await app.row(artistId).click();
  const input = page.getByTestId('artist-name-input');
  await input.focus();
  await page.keyboard.press('Control+z');
  await expect(toast).toContainText('Nothing to redo');
  await blur(page);

  // The recent edits list shows the edit, most recent first.
  await page.getByTestId('recent-edits-open').click();
  const recent = page.getByTestId('recent-edits');
  await expect(recent).toBeVisible();
  await expect(recent.getByTestId('recent-edit').first()).toContainText('Artist Les Annulables — name');
  await page.screenshot({ path: 'e2e/screenshots/recent-edits.png' });
  await page.getByTestId('recent-edits-close').click();
  await expect(recent).toBeHidden();

  // The palette finds a deal of that artist and opens its page; so does #/deal/<id>.
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').pressSequentially('Les Annulables', { delay: 10 });
  const deal = page.getByTestId('palette').locator('[data-key^="deals:"]').first();
  await expect(deal).toBeVisible({ timeout: 15_000 });
  const dealId = ((await deal.getAttribute('data-key')) ?? '').slice('deals:'.length);
  await deal.click();
  await expect(page.getByTestId('palette')).toBeHidden();
  await expect(page.getByTestId('deal-page')).toBeVisible();
  await expect(page.getByTestId('deal-title')).toContainText('Les Annulables');
  await page.screenshot({ path: 'e2e/screenshots/palette-deal-opened.png' });
  await page.getByTestId('nav-roster').click();
  const base = page.url().replace(/#.*$/, '');
  await page.goto(`${base}#/deal/${dealId}`);
  await expect(page.getByTestId('deal-page')).toBeVisible();
  await expect(page.getByTestId('deal-title')).toContainText('Les Annulables');

  // The menu's "New artist" (here from the palette) creates an artist; Ctrl-Z removes it again.
  await page.getByTestId('nav-roster').click();
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').pressSequentially('new artist', { delay: 10 });
  await page.getByTestId('palette').locator('[data-key="cmd:newArtist"]').click();
  await page.getByTestId('new-artist-name').fill('Nouvelle Recrue');
  await page.getByTestId('new-artist-create').click();
  await expect(page.getByTestId('new-artist-dialog')).toBeHidden();
  await app.waitForRoster(41);
  await expect(page.getByTestId('artist-name-input')).toHaveValue('Nouvelle Recrue');
  await blur(page);
  await page.keyboard.press('Control+z');
  await expect(toast).toContainText('Undone: Artist Nouvelle Recrue — created');
  await app.waitForRoster(40);

  // The menu's "Settings…" (from the palette too) switches to French: the dashboard and the undo toast.
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').pressSequentially('settings', { delay: 10 });
  await page.getByTestId('palette').locator('[data-key="cmd:settings"]').click();
  const settings = page.getByTestId('settings-dialog');
  await expect(settings).toBeVisible();
  await settings.getByLabel('Français').check();
  await expect(settings).toContainText('Paramètres');
  await page.getByTestId('settings-close').click();
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('nav-dashboard')).toContainText('Tableau de bord');
  await expect(page.getByTestId('dash-upcoming')).toContainText('Prochains concerts');
  await expect(page.getByTestId('dash-revenue')).toContainText('Chiffre d’affaires par mois');
  await page.screenshot({ path: 'e2e/screenshots/dashboard-fr.png' });
  await blur(page);
  await page.keyboard.press('Control+z');
  await expect(toast).toContainText('Annulé : Artiste');
  await expect(toast).toContainText('nom');
  await page.getByTestId('undo-toast-redo').click();
  await expect(toast).toContainText('Rétabli : Artiste Les Annulables');
  await page.screenshot({ path: 'e2e/screenshots/undo-toast-fr.png' });
});

/**
 * A stand-in for Electron's preload bridge (desktop/src/preload/api.ts): RPC over the shell's
 * WebSocket, and shell events fired by the test as the native menu and deep links send them.
 */
function fakeElectronBridge(): void {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (!token) return;
  const socket = new WebSocket(`ws://${window.location.host}/rpc?token=${encodeURIComponent(token)}`);
  const opened = new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
  const pending = new Map<number, (response: unknown) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let next = 0;
  let shell: ((event: unknown) => void) | null = null;
  socket.addEventListener('message', (e) => {
    const m = JSON.parse(String(e.data)) as { id?: number; event?: string; payload?: unknown };
    if (typeof m.event === 'string') for (const l of listeners.get(m.event) ?? []) l(m.payload);
    else if (typeof m.id === 'number') pending.get(m.id)?.(m);
  });
  const w = window as unknown as Record<string, unknown>;
  w.flowstage = {
    shell: 'electron',
    async rpc(method: string, params: unknown) {
      await opened;
      const id = ++next;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    on(event: string, callback: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
    onShellEvent(callback: (event: unknown) => void) {
      shell = callback;
      return () => {
        shell = null;
      };
    },
    async setLanguage() {},
  };
  w.__shellEvent = (event: unknown) => shell?.(event);
}

test('native menu commands: undo, redo, about, settings, new artist, search; a deep link opens a deal', async ({
  page,
}) => {
  await page.addInitScript(fakeElectronBridge);
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('menu'));
  await app.signIn();
  await app.waitForRoster();
  const menu = (command: string) =>
    page.evaluate((c) => (window as unknown as { __shellEvent(e: unknown): void }).__shellEvent(c), {
      type: 'menu',
      command,
    });

  const artistId = await app.firstArtistId(1);
  await app.rename(artistId, 'Par Le Menu');
  await blur(page);
  await menu('undo');
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toContainText('Undone: Artist Par Le Menu — name');
  await expect(app.row(artistId)).not.toContainText('Par Le Menu');
  await menu('redo');
  await expect(toast).toContainText('Redone: Artist Par Le Menu — name');
  await expect(app.row(artistId)).toContainText('Par Le Menu');

  // From a text field the menu's Undo is the field's own.
  await app.row(artistId).click();
  const input = page.getByTestId('artist-name-input');
  await input.focus();
  await input.press('End');
  await input.pressSequentially('X');
  await expect(input).toHaveValue('Par Le MenuX');
  await menu('undo');
  await expect(input).toHaveValue('Par Le Menu');
  await expect(toast).toContainText('Redone: Artist Par Le Menu');
  await blur(page);

  await menu('about');
  await expect(page.getByTestId('about-dialog')).toContainText('Version');
  await page.screenshot({ path: 'e2e/screenshots/menu-about.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('about-dialog')).toBeHidden();
  await menu('settings');
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
  await page.getByTestId('settings-close').click();
  await menu('newArtist');
  await expect(page.getByTestId('new-artist-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('new-artist-dialog')).toBeHidden();
  await menu('search');
  await expect(page.getByTestId('palette')).toBeVisible();
  await page.keyboard.press('Escape');

  // A flowstage:// deep link to a deal opens its page.
  const dealId = await page.evaluate(async () => {
    const bridge = (window as unknown as { flowstage: { rpc(m: string, p: unknown): Promise<unknown> } })
      .flowstage;
    const res = (await bridge.rpc('deals.list', {})) as { result: { id: string }[] };
    return res.result[0]?.id ?? '';
  });
  expect(dealId).not.toBe('');
  await page.evaluate(
    (id) =>
      (window as unknown as { __shellEvent(e: unknown): void }).__shellEvent({
        type: 'deepLink',
        route: { kind: 'deal', id },
      }),
    dealId,
  );
  await expect(page.getByTestId('deal-page')).toBeVisible();
});
