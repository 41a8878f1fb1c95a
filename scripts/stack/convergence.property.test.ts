/**
 * Property: whatever happens to the devices and the sync server, every core converges to
 * the same roster, and no edit the server confirmed (the core's `pendingUpdates` went back
 * to 0 after it) is lost unless a later edit of the same field superseded it.
 *
 * fast-check generates command sequences over 3 desktop cores (real `createCore`, own data
 * folders) and one sync server running as a child process (built bundle, SQLite store,
 * fixed port): edit a random field of a random artist on a random core, wait for a core to
 * confirm, close/reopen a core (app restart on the same data folder), replace a device by
 * a fresh one (its unconfirmed edits are gone, its confirmed ones must not be), stop the
 * server gracefully or SIGKILL it, start it again.
 *
 * Runs share one stack (each run starts from the converged state the previous one left):
 * a replay with FC_SEED / FC_PATH reproduces the commands, not necessarily the timing.
 * FC_RUNS and FC_BUDGET_MS tune the effort (defaults: 25 runs within 40 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConvergenceStack } from './convergence-harness';
import { FIELDS, type Field } from './convergence-ledger';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'fs-converge-'));
const SEATS = 3;
const ARTISTS = 4;
const SEED = Number(process.env.FC_SEED ?? 20260901);
const RUNS = Number(process.env.FC_RUNS ?? 25);
const BUDGET_MS = Number(process.env.FC_BUDGET_MS ?? 40_000);

interface Model {
  serverUp: boolean;
  seatUp: boolean[];
}
type Cmd = fc.AsyncCommand<Model, ConvergenceStack>;

class EditCmd implements Cmd {
  constructor(
    readonly seat: number,
    readonly artist: number,
    readonly field: Field,
  ) {}
  check = (m: Readonly<Model>) => m.seatUp[this.seat] === true;
  async run(_m: Model, r: ConvergenceStack): Promise<void> {
    await r.edit(this.seat, this.artist, this.field);
  }
  toString = () => `edit(core ${this.seat}, artist ${this.artist}, ${this.field})`;
}

class SettleCmd implements Cmd {
  constructor(readonly seat: number) {}
  check = (m: Readonly<Model>) => m.serverUp && m.seatUp[this.seat] === true;
  async run(_m: Model, r: ConvergenceStack): Promise<void> {
    await r.settle(this.seat);
  }
  toString = () => `settle(core ${this.seat})`;
}

class CloseCoreCmd implements Cmd {
  constructor(readonly seat: number) {}
  check = (m: Readonly<Model>) => m.seatUp[this.seat] === true;
  async run(m: Model, r: ConvergenceStack): Promise<void> {
    await r.closeSeat(this.seat);
    m.seatUp[this.seat] = false;
  }
  toString = () => `closeCore(${this.seat})`;
}

class OpenCoreCmd implements Cmd {
  constructor(readonly seat: number) {}
  check = (m: Readonly<Model>) => m.seatUp[this.seat] === false;
  async run(m: Model, r: ConvergenceStack): Promise<void> {
    await r.openSeat(this.seat);
    m.seatUp[this.seat] = true;
  }
  toString = () => `openCore(${this.seat})`;
}

class WipeCoreCmd implements Cmd {
  constructor(readonly seat: number) {}
  check = () => true;
  async run(m: Model, r: ConvergenceStack): Promise<void> {
    await r.wipeSeat(this.seat);
    m.seatUp[this.seat] = true;
  }
  toString = () => `replaceDevice(${this.seat})`;
}

class StopServerCmd implements Cmd {
  constructor(readonly kill: boolean) {}
  check = (m: Readonly<Model>) => m.serverUp;
  async run(m: Model, r: ConvergenceStack): Promise<void> {
    await r.stopServer(this.kill);
    m.serverUp = false;
  }
  toString = () => (this.kill ? 'killServer(SIGKILL)' : 'stopServer(SIGTERM)');
}

class StartServerCmd implements Cmd {
  check = (m: Readonly<Model>) => !m.serverUp;
  async run(m: Model, r: ConvergenceStack): Promise<void> {
    await r.startServer();
    m.serverUp = true;
  }
  toString = () => 'startServer';
}

const seat = fc.integer({ min: 0, max: SEATS - 1 });
const anyEdit = fc
  .tuple(seat, fc.integer({ min: 0, max: ARTISTS - 1 }), fc.constantFrom(...FIELDS))
  .map(([s, a, f]) => new EditCmd(s, a, f));
/** Every core writing the same field: the concurrent-overwrite case. */
const contendedEdit = seat.map((s) => new EditCmd(s, 0, 'name'));
// fc.commands picks each arbitrary alike: edits are listed several times to dominate.
const commands = fc.commands<Model, ConvergenceStack, false>(
  [
    anyEdit,
    anyEdit,
    anyEdit,
    contendedEdit,
    contendedEdit,
    seat.map((s) => new SettleCmd(s)),
    seat.map((s) => new CloseCoreCmd(s)),
    seat.map((s) => new OpenCoreCmd(s)),
    seat.map((s) => new WipeCoreCmd(s)),
    fc.boolean().map((kill) => new StopServerCmd(kill)),
    fc.constant(new StartServerCmd()),
  ],
  { maxCommands: 16, size: 'max' },
);

let stack: ConvergenceStack | null = null;

beforeAll(async () => {
  stack = await ConvergenceStack.start({ root, dir, seats: SEATS, artists: ARTISTS });
}, 90_000);

afterAll(async () => {
  await stack?.close();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('sync convergence (property)', () => {
  it(
    'converges with no confirmed edit lost, through restarts, kills and device replacements',
    async () => {
      const s = stack!;
      const deadline = Date.now() + BUDGET_MS;
      // fast-check may execute the property again after a failure; the stack is then still
      // in its failed state, so the first failure (with its commands and trace) is kept.
      let failure: Error | null = null;
      const property = fc.asyncProperty(commands, async (cmds) => {
        if (failure) throw failure;
        // Over budget: the remaining runs pass without running (the figures say how many ran).
        if (Date.now() > deadline) return;
        try {
          await s.beginRun();
          await fc.asyncModelRun(
            () => ({ model: { serverUp: true, seatUp: s.seats.map(() => true) }, real: s }),
            cmds,
          );
          const lost = await s.endRun();
          if (lost.length > 0) throw new Error(`lost confirmed edits:\n${lost.join('\n')}`);
        } catch (err) {
          failure = new Error(
            `run ${s.stats.runs} failed after the commands [${String(cmds)}]:\n${(err as Error).message}`,
          );
          throw failure;
        }
      });
      try {
        await fc.assert(property, {
          seed: SEED,
          numRuns: RUNS,
          // Runs share one stack and depend on timing: shrinking would replay on a changed
          // stack, so the first failing sequence is reported as it ran.
          endOnFailure: true,
          ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
        });
      } catch (err) {
        console.error(
          `convergence property FAILED — replay: FC_SEED=${SEED} (fast-check's path is in the error)`,
        );
        throw err;
      } finally {
        const st = s.stats;
        console.log(
          `convergence: seed ${SEED}, ${st.runs} runs, ${st.edits} edits (${st.confirmed} confirmed, ` +
            `${st.dropped} dropped with a replaced device, ${st.skipped} skipped), ${st.serverKills} server SIGKILLs, ` +
            `${st.serverStops} graceful stops, ${st.coreRestarts} core closes, ${st.wipes} device replacements — lost ${st.lost}`,
        );
      }
      expect(s.stats.lost).toBe(0);
      expect(s.stats.runs).toBeGreaterThanOrEqual(Math.min(RUNS, 5));
    },
    BUDGET_MS + 60_000,
  );
});
