/**
 * `npm run bench -- dashboard [--json]`: the dashboard's query (desktop/src/core/queries/
 * dashboard.ts) on the demo agency (40 artists, 1 500 deals), applied to an in-memory
 * workspace database as a device receives it. `dashboard_query_ms`: median of several runs.
 */
import { join } from 'node:path';
import { buildWorkspaceUpdates, generateDemoAgency } from '@flowstage/shared/demo/index';
import { dashboard } from '../../desktop/src/core/queries/dashboard';
import { device } from '../../desktop/test/device';
import { loadDemoInputs } from '../stack/seed';
import { type Figure, report } from './report';

const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const today = new Date().toISOString().slice(0, 10);
const d = device();
try {
  const data = generateDemoAgency(loadDemoInputs(join(import.meta.dirname, '../..')), { now: today });
  for (const [docId, update] of buildWorkspaceUpdates(data)) d.docs.applyRemote(docId, update);
  d.docs.commitRemote();
  const times: number[] = [];
  let out = dashboard(d.db.sqlite, today);
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    out = dashboard(d.db.sqlite, today);
    times.push(performance.now() - start);
  }
  const figures: Figure[] = [
    { name: 'deals', value: data.deals.length, unit: 'deals' },
    { name: 'upcoming_shows', value: out.upcoming.total, unit: 'deals' },
    { name: 'expiring_holds', value: out.expiringHolds.total, unit: 'deals' },
    { name: 'dashboard_query_ms', value: Math.round(median(times) * 100) / 100, unit: 'ms' },
  ];
  report(`Dashboard, demo agency (median of ${RUNS} runs)`, figures);
} finally {
  d.close();
}
