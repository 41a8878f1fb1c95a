/**
 * `npm run bench -- paint [--json]`: warm start of the desktop in the browser shell — the
 * shell process restarted on a device that already holds the demo agency and a session,
 * then Chromium loads it: shell ready, first contentful paint, roster rows visible
 * (each from the restart). Medians over a few restarts.
 */
import { chromium } from '@playwright/test';
import { DesktopPage } from '../../e2e/app';
import { TestStack } from '../../e2e/harness';
import { type Figure, report } from './report';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const stack = await TestStack.start();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  // First start: sign in and download the workspace (not measured).
  const page = await browser.newPage();
  const app = new DesktopPage(page);
  await app.open(await stack.startDesktop('a'));
  await app.signIn();
  await app.waitForRoster();
  await page.close();

  const ready: number[] = [];
  const paint: number[] = [];
  const roster: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const url = await stack.startDesktop('a');
    const tReady = performance.now();
    const p = await browser.newPage();
    const tNavigate = performance.now();
    await new DesktopPage(p).open(url);
    await new DesktopPage(p).waitForRoster();
    const tRoster = performance.now();
    const fcp = await p.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    ready.push(tReady - t0);
    paint.push(tNavigate - t0 + fcp);
    roster.push(tRoster - t0);
    await p.close();
  }
  const figures: Figure[] = [
    { name: 'warm_start_shell_ready_ms', value: Math.round(median(ready)), unit: 'ms' },
    { name: 'warm_start_first_paint_ms', value: Math.round(median(paint)), unit: 'ms' },
    { name: 'warm_start_roster_visible_ms', value: Math.round(median(roster)), unit: 'ms' },
  ];
  report(`Flow Stage warm start in the browser shell (median of ${RUNS})`, figures);
} finally {
  await browser.close();
  await stack.stop();
}
