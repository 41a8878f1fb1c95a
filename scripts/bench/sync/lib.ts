/** Plumbing of the sync benchmark: child processes, HTTP, polling, /proc figures. */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { ClientsReply, type ClientsRequest } from './protocol';

const here = import.meta.dirname;
const script = (name: string) => join(here, `${name}.ts`);

/** Runs a child script with one JSON argument; its last stdout line is the result. */
export function runChild<S extends z.ZodType>(
  cwd: string,
  name: string,
  job: unknown,
  schema: S,
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script(name), JSON.stringify(job)], {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${name} exited with code ${code}`));
      try {
        resolve(schema.parse(JSON.parse(last)));
      } catch (err) {
        reject(err);
      }
    });
  });
}

/** The lightweight clients' process, driven over IPC. */
export class LightClients {
  private readonly child: ChildProcess;
  private readonly replies: ((m: ClientsReply) => void)[] = [];

  /** `onFailure` registers how to kill the process if the benchmark fails half-way. */
  constructor(cwd: string, onFailure: (kill: () => Promise<void>) => void) {
    this.child = fork(script('clients'), [], {
      cwd,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    onFailure(async () => {
      this.child.kill('SIGKILL');
    });
    this.child.on('message', (raw) => {
      const m = ClientsReply.parse(raw);
      if (m.type === 'error') throw new Error(`light clients: ${m.message}`);
      this.replies.shift()?.(m);
    });
  }

  ask(request: ClientsRequest): Promise<ClientsReply> {
    return new Promise((resolve) => {
      this.replies.push(resolve);
      this.child.send(request);
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.send({ type: 'close' } satisfies ClientsRequest);
    await exited;
  }
}

export async function post<S extends z.ZodType>(
  url: string,
  body: unknown,
  schema: S,
  token?: string,
): Promise<z.output<S>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return schema.parse(await res.json());
}

export async function until<T>(what: string, probe: () => Promise<T | false>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const rssMb = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** CPU seconds (user + system) a process used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
