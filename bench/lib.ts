/** Shared pieces of the benchmarks: a server in a child process, pinned away from the load generator. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const hasTaskset = spawnSync('sh', ['-c', 'command -v taskset']).status === 0;

/** Pins this process (the load generator) to CPU 0 when taskset exists. */
export function pinSelf(cpu = 0): void {
  if (hasTaskset) spawnSync('taskset', ['-cp', String(cpu), String(process.pid)], { stdio: 'ignore' });
}

export interface ServerProc {
  url: string;
  proc: ChildProcess;
  rssMb(): number;
  stop(): Promise<void>;
}

let built: Promise<unknown> | undefined;

/**
 * Starts the server in a child process (on CPU 1 when possible) and waits for /health: the
 * bundle `npm start` runs (apps/server/dist, built once per bench run), or with
 * BENCH_SERVER=source the TypeScript sources through tsx (≈ 60 MB more RSS).
 */
export async function startServer(env: Record<string, string>, port: number): Promise<ServerProc> {
  // BENCH_CPU_PROF=dir writes the server's CPU profile there (open it in Chrome's DevTools).
  const prof = process.env.BENCH_CPU_PROF;
  const source = process.env.BENCH_SERVER === 'source';
  if (!source) {
    const script = pathToFileURL(join(root, 'apps/server/scripts/build.mjs')).href;
    built ??= import(script).then((m: { buildServer(): Promise<string[]> }) => m.buildServer());
    await built;
  }
  const args = [
    ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []),
    // BENCH_NODE_FLAGS='--max-semi-space-size=8 …': V8 and node flags for the server.
    ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    ...(source
      ? ['--import', 'tsx', join(root, 'apps/server/src/main.ts')]
      : [join(root, 'apps/server/dist/main.js')]),
  ];
  const cmd = hasTaskset ? 'taskset' : process.execPath;
  const argv = hasTaskset ? ['-c', '1', process.execPath, ...args] : args;
  const proc = spawn(cmd, argv, {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', JOBS: 'false', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    proc,
    rssMb() {
      const r = spawnSync('ps', ['-o', 'rss=', '-p', String(hasTaskset ? childPid(proc) : proc.pid)]);
      return Math.round(Number(String(r.stdout).trim() || 0) / 1024);
    },
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

/** The node process under taskset (taskset execs, so it is the same pid). */
function childPid(p: ChildProcess): number {
  return p.pid ?? 0;
}

export interface LoadResult {
  rps: number;
  p50: number;
  /** From every response's own time (autocannon's histogram has no p95). */
  p95: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** The p-th percentile (nearest rank) of unsorted values, rounded to `digits` decimals (default 1). */
export function percentile(values: number[], p: number, digits = 1): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const v = s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
  const scale = 10 ** digits;
  return Math.round(v * scale) / scale;
}

export async function load(opts: autocannon.Options): Promise<LoadResult> {
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p95: percentile(times, 95),
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeResult(name: string, data: unknown): string {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}
