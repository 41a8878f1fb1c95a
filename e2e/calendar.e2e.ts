import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { pdfText } from '../desktop/src/core/export/pdf/pdf-text';
import { DesktopPage, mouseDrag, openCalendar, setLanguage } from './app';
import { TestStack } from './harness';

test.use({ viewport: { width: 1440, height: 1000 } });

let stack: TestStack;
let out: string;
test.beforeAll(async () => {
  stack = await TestStack.start();
  out = mkdtempSync(join(tmpdir(), 'flowstage-calendar-e2e-'));
});
test.afterAll(async () => {
  await stack?.stop();
  if (out) rmSync(out, { recursive: true, force: true });
});

function expectPdf(path: string, ...texts: string[]): void {
  expect(existsSync(path)).toBe(true);
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(bytes);
  for (const t of texts) expect(text).toContain(t);
}

function isoDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Plan {
  artistId: string;
  holdId: string;
  holdDate: string;
  firmDate: string;
  freeDate: string;
  /** The date of another hold of the artist: moving onto it only warns (lower hold). */
  otherHoldDate: string;
}

/** In the month shown: a future hold, a future firm date and a free future day of the artist. */
async function planInView(page: Page, artistId: string): Promise<Plan | null> {
  const minDate = isoDay(2);
  const found = await page.getByTestId('booking-calendar').evaluate((root, min) => {
    const items = Array.from(root.querySelectorAll<HTMLElement>('[data-testid="calendar-item"]')).map(
      (el) => ({
        id: el.dataset.itemId ?? '',
        kind: el.dataset.kind ?? '',
        date: el.dataset.date ?? '',
      }),
    );
    const cells = Array.from(root.querySelectorAll<HTMLElement>('[role="cell"][data-date]')).map(
      (el) => el.dataset.date ?? '',
    );
    const busy = new Set(items.map((i) => i.date));
    const hold = items.find((i) => i.kind === 'hold' && i.date >= min);
    const firm = items.find((i) => (i.kind === 'show' || i.kind === 'offer') && i.date >= min);
    const free = cells.find((c) => c >= min && !busy.has(c));
    const other = items.find(
      (i) => i.kind === 'hold' && hold && i.date >= min && i.date !== hold.date && i.date !== firm?.date,
    );
    return hold && firm && free && other
      ? {
          holdId: hold.id,
          holdDate: hold.date,
          firmDate: firm.date,
          freeDate: free,
          otherHoldDate: other.date,
        }
      : null;
  }, minDate);
  return found ? { artistId, ...found } : null;
}

async function waitLoaded(page: Page, previous: string | null): Promise<string> {
  const cal = page.getByTestId('booking-calendar');
  if (previous !== null) await expect(cal).not.toHaveAttribute('data-loaded', previous);
  return (await cal.getAttribute('data-loaded')) ?? '';
}

/** Walk artists and months until one month has what the drag tests need. */
async function findPlan(page: Page): Promise<Plan> {
  const picker = page.getByTestId('calendar-artist');
  const cal = page.getByTestId('booking-calendar');
  const count = await picker.locator('option').count();
  for (let i = 1; i < Math.min(count, 16); i++) {
    const value = (await picker.locator('option').nth(i).getAttribute('value')) ?? '';
    await picker.selectOption(value);
    await expect(cal).toHaveAttribute('data-loaded', new RegExp(`^${value}\\|`));
    let loaded = (await cal.getAttribute('data-loaded')) ?? '';
    for (let month = 0; month < 4; month++) {
      const plan = await planInView(page, value);
      if (plan) return plan;
      await cal.getByRole('button', { name: /next/i }).first().click();
      loaded = await waitLoaded(page, loaded);
    }
    await cal
      .getByRole('button', { name: /today|this month/i })
      .first()
      .click();
  }
  throw new Error('no artist with a hold, a firm date and a free day in the next months');
}

test('a booker reads the calendars, drags holds with conflict checks and pitches avails (EN, FR)', async ({
  page,
}) => {
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn();
  await app.waitForRoster();
  await setLanguage(page, 'en');

  // Whole roster, month view: every kind distinct, coloured by artist; quick to show.
  const started = Date.now();
  await openCalendar(page);
  await expect(page.getByTestId('calendar-item').first()).toBeVisible();
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(page.getByTestId('nav-calendar')).toHaveText('Calendar');
  const cal = page.getByTestId('booking-calendar');
  const items = cal.getByTestId('calendar-item');
  await expect(items.first()).toBeVisible();
  const kindsShown = async () => new Set(await items.evaluateAll((els) => els.map((e) => e.dataset.kind)));
  await expect.poll(async () => (await kindsShown()).size).toBeGreaterThanOrEqual(3);
  const artistsShown = await items.evaluateAll((els) => new Set(els.map((e) => e.dataset.artistId)).size);
  expect(artistsShown).toBeGreaterThan(5);
  await expect(page.getByTestId('calendar-legend')).toContainText('Holds');
  await expect(page.getByTestId('calendar-legend')).toContainText('Days off');
  await page.screenshot({ path: 'e2e/screenshots/calendar-roster-month.png' });

  // Filter by kind: holds only, each with its rank.
  for (const k of ['show', 'offer', 'request', 'travel', 'day_off', 'promo', 'rehearsal']) {
    await page.getByTestId(`calendar-kind-${k}`).locator('input').uncheck();
  }
  await expect.poll(async () => [...(await kindsShown())]).toEqual(['hold']);
  await expect(items.first()).toHaveText(/H[1-5]/);
  for (const k of ['show', 'offer', 'request', 'travel', 'day_off', 'promo', 'rehearsal']) {
    await page.getByTestId(`calendar-kind-${k}`).locator('input').check();
  }

  // Week and list views.
  await page.getByTestId('calendar-view-week').click();
  await expect(cal).toHaveAttribute('data-view', 'timeGridWeek');
  await expect(items.first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/calendar-roster-week.png' });
  await page.getByTestId('calendar-view-list').click();
  await expect(cal).toHaveAttribute('data-view', 'listMonth');
  await expect(items.first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/calendar-roster-list.png' });
  await page.getByTestId('calendar-view-month').click();
  await expect(cal).toHaveAttribute('data-view', 'dayGridMonth');

  // One artist: find a hold, a firm date and a free day.
  const plan = await findPlan(page);
  const cell = (date: string) => cal.locator(`[role="cell"][data-date="${date}"]`);
  const hold = () => cal.locator(`[data-testid="calendar-item"][data-item-id="${plan.holdId}"]`);
  await page.screenshot({ path: 'e2e/screenshots/calendar-artist-month.png' });

  // Onto a firm date: refused with the reason, and the hold snaps back.
  await mouseDrag(page, hold(), cell(plan.firmDate));
  const refused = page.getByTestId('calendar-move-refused');
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('firm deal');
  await expect(cell(plan.holdDate).locator(`[data-item-id="${plan.holdId}"]`)).toHaveCount(1);
  await page.screenshot({ path: 'e2e/screenshots/calendar-drag-refused.png' });

  // Onto a free day: checked, confirmed when it warns, moved by deal.update.
  await mouseDrag(page, hold(), cell(plan.freeDate));
  const confirm = page.getByTestId('calendar-move-confirm');
  const done = page.getByTestId('calendar-move-done');
  await expect(done.or(confirm)).toBeVisible();
  if (await confirm.isVisible()) await page.getByTestId('calendar-move-accept').click();
  await expect(done).toBeVisible();
  await expect(cell(plan.freeDate).locator(`[data-item-id="${plan.holdId}"]`)).toHaveCount(1);
  await expect(cell(plan.holdDate).locator(`[data-item-id="${plan.holdId}"]`)).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/calendar-drag-moved.png' });

  // Onto another hold's date: it would become a lower hold, so the booker is asked; cancel snaps back.
  await mouseDrag(page, hold(), cell(plan.otherHoldDate));
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('hold');
  await page.screenshot({ path: 'e2e/screenshots/calendar-drag-confirm.png' });
  await page.getByTestId('calendar-move-cancel').click();
  await expect(confirm).toBeHidden();
  await expect(cell(plan.freeDate).locator(`[data-item-id="${plan.holdId}"]`)).toHaveCount(1);
  await expect(cell(plan.otherHoldDate).locator(`[data-item-id="${plan.holdId}"]`)).toHaveCount(0);

  // Clicking a deal opens it.
  await hold().click();
  await expect(page.getByTestId('deal-page')).toBeVisible();
  await expect(page.getByTestId('deal-history')).toContainText('→');
  await page.getByTestId('nav-calendar').click();
  await expect(cal).toHaveAttribute('data-loaded', /\|/);

  // Avails of the artist for two months: text and PDF.
  await page.getByTestId('calendar-tab-avails').click();
  await page.getByTestId('avails-artist').selectOption(plan.artistId);
  await page.getByTestId('avails-from').fill(isoDay(1));
  await page.getByTestId('avails-to').fill(isoDay(60));
  await expect(page.getByTestId('avails-summary')).toContainText('open');
  await expect(page.getByTestId('avails-month').first()).toBeVisible();
  await expect(page.locator(`td[data-date="${plan.freeDate}"]`)).toHaveAttribute('data-status', 'held');
  await page.getByTestId('avails-copy').click();
  const text = page.getByTestId('avails-text');
  await expect(text).toHaveValue(/^Avails — .+\nFrom .+ open date/);
  await page.screenshot({ path: 'e2e/screenshots/calendar-avails-en.png' });
  await page.getByTestId('avails-pdf').click();
  await expect(page.getByTestId('avails-export-path-input')).not.toHaveValue('');
  const pdfEn = join(out, 'avails-en.pdf');
  await page.getByTestId('avails-export-path-input').fill(pdfEn);
  await page.getByTestId('avails-export-submit').click();
  await expect(page.getByTestId('avails-export-result')).toBeVisible();
  expectPdf(pdfEn, 'Avails — ', 'Open dates', 'Day by day');
  await page.getByTestId('avails-export-close').click();

  // The same in French.
  await setLanguage(page, 'fr');
  await expect(page.getByTestId('nav-calendar')).toHaveText('Calendrier');
  await expect(page.getByTestId('calendar-tab-avails')).toHaveText('Disponibilités');
  await page.getByTestId('avails-copy').click();
  await expect(text).toHaveValue(/^Disponibilités — .+\nDu .+ dates? libres?/);
  await page.screenshot({ path: 'e2e/screenshots/calendar-avails-fr.png' });
  await page.getByTestId('avails-pdf').click();
  const pdfFr = join(out, 'disponibilites-fr.pdf');
  await page.getByTestId('avails-export-path-input').fill(pdfFr);
  await page.getByTestId('avails-export-submit').click();
  await expect(page.getByTestId('avails-export-result')).toBeVisible();
  expectPdf(pdfFr, 'Disponibilités — ', 'Dates libres', 'Jour par jour');
  await page.getByTestId('avails-export-close').click();

  await page.getByTestId('calendar-tab-calendar').click();
  await expect(page.getByTestId('calendar-legend')).toContainText('Options');
  // The same month and artist as before the tab switch; a refused drag explained in French.
  await expect(hold()).toBeVisible();
  await mouseDrag(page, hold(), cell(plan.firmDate));
  await expect(refused).toContainText('date ferme');
  await expect(cell(plan.freeDate).locator(`[data-item-id="${plan.holdId}"]`)).toHaveCount(1);
  await page.screenshot({ path: 'e2e/screenshots/calendar-artist-month-fr.png' });
  await page.getByTestId('calendar-view-week').click();
  await expect(cal).toHaveAttribute('data-view', 'timeGridWeek');
  await page.getByTestId('calendar-view-list').click();
  await expect(cal).toHaveAttribute('data-view', 'listMonth');
  await page.screenshot({ path: 'e2e/screenshots/calendar-artist-list-fr.png' });
});
