/**
 * A service child process: started with its environment, considered up when it prints
 * its `<name>  http://…` line (and, when given, its health URL answers 200). Its output
 * passes through to ours.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Service {
  name: string;
  url: string;
  /** The whole line the service printed with its URL. */
  line: string;
  child: ChildProcess;
  /** Graceful stop (SIGTERM), resolves when the process exited. */
  stop(): Promise<void>;
  /** Hard kill (SIGKILL), resolves when the process exited. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  healthPath?: string;
  timeoutMs?: number;
  quiet?: boolean;
}

export async function startService(o: SpawnOptions): Promise<Service> {
  const child = spawn(o.command, o.args, {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lineRe = new RegExp(`^${o.name}\\s+(\\S+://\\S+)`);
  const url = await new Promise<{ url: string; line: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${o.name} did not start within ${o.timeoutMs ?? 60_000} ms`)),
      o.timeoutMs ?? 60_000,
    );
    const out = createInterface({ input: child.stdout! });
    out.on('line', (line) => {
      const m = lineRe.exec(line);
      if (!o.quiet || m) process.stdout.write(`${line}\n`);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, line });
      }
    });
    createInterface({ input: child.stderr! }).on('line', (line) =>
      process.stderr.write(`[${o.name}] ${line}\n`),
    );
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${o.name} exited (code ${code}) before it was ready`));
    });
  });
  if (o.healthPath) await waitForHealth(new URL(o.healthPath, url.url).href, o.timeoutMs ?? 60_000);
  const signal = (sig: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return {
    name: o.name,
    url: url.url,
    line: url.line,
    child,
    stop: signal('SIGTERM'),
    kill: signal('SIGKILL'),
    exited,
  };
}

const POLL_MS = 50;

/** Poll a health URL until it answers 200, with a deadline. */
export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms (${last})`);
}
