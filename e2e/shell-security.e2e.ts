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

const DEAL_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

test('the shell page carries a strict CSP and flowstage:// links open the right screen', async ({ page }) => {
  const url = await stack.startDesktop('links');
  const origin = new URL(url).origin;
  const app = new DesktopPage(page);

  const response = await page.goto(url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

  // The CSP is enforced: an injected inline script does not run.
  const inlineRan = await page.evaluate(() => {
    const w = window as unknown as { __inline?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.appendChild(s);
    return w.__inline === true;
  });
  expect(inlineRan).toBe(false);

  await app.signIn();
  await app.waitForRoster();
  const artistId = await app.firstArtistId(2);

  // An artist link lands on the artist's page through the renderer's hash route (which
  // the renderer consumes, leaving the address clean).
  const link = (u: string) => `${origin}/link?u=${encodeURIComponent(u)}`;
  await page.goto(link(`flowstage://artist/${artistId}`));
  await app.waitForRoster();
  const opened = page.getByTestId('artist-name-input');
  await expect(opened).toBeVisible();
  await expect(app.row(artistId)).toContainText(await opened.inputValue());

  // A deal link is recognized; its screen does not exist yet: a clear notice.
  const deal = await page.goto(link(`flowstage://deal/${DEAL_ID}`));
  expect(deal?.headers()['content-security-policy']).toBe(csp);
  await expect(page.getByTestId('deeplink-unavailable')).toBeVisible();
  await expect(page.getByTestId('deeplink-message')).toContainText(
    /not available yet|pas encore disponible/i,
  );
  await expect(page.getByTestId('deeplink-detail')).toHaveText(DEAL_ID);
  await page.screenshot({ path: 'e2e/screenshots/deeplink-not-available.png', fullPage: true });

  // A malformed link gets a clear error, never a crash.
  const bad = await page.goto(link('flowstage://deal/not-an-id'));
  expect(bad?.status()).toBe(400);
  await expect(page.getByTestId('deeplink-error')).toBeVisible();
  await expect(page.getByTestId('deeplink-detail')).toHaveText('bad_id');

  // Back to the app from the notice.
  await page.getByTestId('deeplink-back').click();
  await app.waitForRoster();
});
