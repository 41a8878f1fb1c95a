/** A page object for the desktop renderer, driven through the browser shell. */
import { expect, type Page } from '@playwright/test';
import { DEMO_EMAIL, DEMO_PASSWORD } from './harness';

export const DEMO_ARTISTS = 40;

export class DesktopPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async signIn(email = DEMO_EMAIL, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByTestId('signin-email').fill(email);
    await this.page.getByTestId('signin-password').fill(password);
    await this.page.getByTestId('signin-submit').click();
  }

  rows() {
    return this.page.getByTestId('roster-table').locator('tbody tr[data-artist-id]');
  }

  row(artistId: string) {
    return this.page.locator(`tr[data-artist-id="${artistId}"]`);
  }

  async waitForRoster(count = DEMO_ARTISTS): Promise<void> {
    await expect(this.rows()).toHaveCount(count, { timeout: 60_000 });
  }

  async firstArtistId(index = 0): Promise<string> {
    const id = await this.rows().nth(index).getAttribute('data-artist-id');
    if (!id) throw new Error('row without data-artist-id');
    return id;
  }

  async rename(artistId: string, name: string): Promise<void> {
    await this.row(artistId).click();
    const input = this.page.getByTestId('artist-name-input');
    await input.fill(name);
    await this.page.getByTestId('artist-save').click();
    await expect(this.row(artistId)).toContainText(name);
  }

  /** Open the top bar's Backup dialog (the path starts as the core's default). */
  async openBackupDialog(): Promise<void> {
    await this.page.getByTestId('backup-open').click();
    await expect(this.page.getByTestId('backup-dialog')).toBeVisible();
    await expect(this.page.getByTestId('backup-path-input')).not.toHaveValue('');
  }

  /** Export to `path` from the open Backup dialog; the result or error is then shown in it. */
  async exportBackup(path: string): Promise<void> {
    await this.page.getByTestId('backup-path-input').fill(path);
    await this.page.getByTestId('backup-submit').click();
    await expect(
      this.page.getByTestId('backup-result').or(this.page.getByTestId('backup-error')),
    ).toBeVisible();
  }

  /** "Restore from a backup file" (sign-in screen or workspace chooser) with `path`; waits for the outcome. */
  async restoreBackup(path: string): Promise<void> {
    const form = this.page.getByTestId('restore-form');
    if (!(await form.isVisible())) await this.page.getByTestId('restore-open').click();
    await this.page.getByTestId('restore-path-input').fill(path);
    await this.page.getByTestId('restore-submit').click();
    await expect(
      this.page
        .getByTestId('restore-result')
        .or(this.page.getByTestId('restore-error'))
        .or(this.page.getByTestId('restore-path-error')),
    ).toBeVisible();
  }

  async expectSyncStatus(status: 'synced' | 'syncing' | 'offline' | 'error'): Promise<void> {
    await expect(this.page.getByTestId('sync-status')).toHaveAttribute('data-status', status, {
      timeout: 30_000,
    });
  }
}

/** Switch the UI language with the top bar's selector (the choice is stored for the session). */
export async function setLanguage(page: Page, lang: 'fr' | 'en'): Promise<void> {
  await page.getByTestId('lang-switch').first().selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Open the Calendar screen from the sidebar; waits for the calendar's first load. */
export async function openCalendar(page: Page): Promise<void> {
  await page.getByTestId('nav-calendar').click();
  await expect(page.getByTestId('booking-calendar')).toHaveAttribute('data-loaded', /\|/, {
    timeout: 30_000,
  });
}

/** Drag with the mouse (FullCalendar listens to mouse events) from one element's centre to another's. */
export async function mouseDrag(
  page: Page,
  from: ReturnType<Page['locator']>,
  to: ReturnType<Page['locator']>,
): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag: element not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 8, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}
