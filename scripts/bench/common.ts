// Shared pieces of the benchmark: paths, the run plan (full or --quick), measured child
// processes (fresh process per run, peak memory from /usr/bin/time -v) and statistics.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../generator/files.ts';
import { CORPUS_DIR, FIXTURE_DIR } from '../derive-fixture.ts';

export { REPO_ROOT };

/** Scratch space; ignored by git (/bench/.work/ in .gitignore). Inside the repo so that
 *  programs written here resolve `openai`, `typescript`... from the repo's node_modules. */
export const WORK_DIR = path.join(REPO_ROOT, 'bench', '.work');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench');
const NEWEST_SPEC = '2026-08-21-f85dbe2.yaml.gz';
/** The full OpenAI spec the bench measures: the published one (real prose, real sizes) when the
 *  optional corpus is beside the checkout, else the same version as a committed fixture. */
const PUBLISHED_SPEC = path.join(CORPUS_DIR, NEWEST_SPEC);
export const FULL_SPEC = existsSync(PUBLISHED_SPEC) ? PUBLISHED_SPEC : path.join(FIXTURE_DIR, NEWEST_SPEC);
// `tsc` by path: the `typescript-5.0` alias (kept for the consumer matrix) may own node_modules/.bin/tsc.
const BIN_PATHS: Record<string, string> = { tsc: 'typescript/bin/tsc' };
export const BIN = (name: string) => path.join(REPO_ROOT, 'node_modules', ...(BIN_PATHS[name] ?? `.bin/${name}`).split('/'));
export const TIME_BIN = '/usr/bin/time';

export function scriptPath(name: string): string {
  return path.join(REPO_ROOT, 'scripts', 'bench', name);
}

/** `node --import tsx <helper>`: how every TypeScript child of the bench is started. */
export function tsNode(helper: string, args: string[], nodeFlags: string[] = []): string[] {
  return [process.execPath, ...nodeFlags, '--import', 'tsx', scriptPath(helper), ...args];
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface Plan {
  quick: boolean;
  /** Unmeasured runs before the measured ones. */
  warmup: number;
  /** Measured runs for processes that take well under two seconds. */
  runsCheap: number;
  /** Measured runs for processes that take seconds (generators, tsc, HTTP). */
  runsHeavy: number;
  /** openapi-generator takes minutes on the full spec: one measured run, or none. */
  runsJava: number;
  /** In-process repetitions inside one child for micro-benchmarks (SSE parsing). */
  innerReps: number;
  /** Requests per measured HTTP run (sequential / concurrent). */
  httpRequests: number;
}

export function makePlan(quick: boolean, withOpenApiGenerator: boolean | undefined): Plan {
  return quick
    ? { quick, warmup: 1, runsCheap: 3, runsHeavy: 1, runsJava: withOpenApiGenerator ? 1 : 0, innerReps: 3, httpRequests: 1000 }
    : { quick, warmup: 1, runsCheap: 5, runsHeavy: 3, runsJava: withOpenApiGenerator === false ? 0 : 1, innerReps: 5, httpRequests: 2000 };
}

export interface ProcessSample {
  /** Wall time from spawn to exit, measured by the bench process. */
  wallMs: number;
  /** Peak resident set size of the child, in bytes (from /usr/bin/time -v, else the child's own report). */
  maxRssBytes: number | undefined;
  /** User + system CPU time of the child (from /usr/bin/time -v): what contention for the cores inflates least. */
  cpuMs: number | undefined;
  /** The JSON object the child printed on its last stdout line, when it prints one. */
  report: Record<string, unknown> | undefined;
  code: number;
  stdoutTail: string;
  stderrTail: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Parse the last stdout line as JSON (our helpers print one). */
  jsonReport?: boolean;
  /** Keep the whole stdout (up to 64 KiB) as `report.stdout`. */
  keepStdout?: boolean;
  /** Exit codes that count as success; default [0]. */
  okCodes?: number[];
}

const hasTime = existsSync(TIME_BIN);

export function timeAvailable(): boolean {
  return hasTime;
}

/** Runs one command in a fresh process and measures it. Never throws on a non-zero exit. */
export function runMeasured(argv: string[], opts: RunOptions = {}): Promise<ProcessSample> {
  const [cmd, ...args] = hasTime ? [TIME_BIN, '-v', ...argv] : argv;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd!, args, {
      cwd: opts.cwd ?? REPO_ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Keep only the ends of the output: openapi-generator logs thousands of lines.
    const out = new TailBuffer(64 * 1024);
    const err = new TailBuffer(64 * 1024);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 900_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const stdout = out.text();
      let stderr = err.text();
      let maxRssBytes: number | undefined;
      let cpuMs: number | undefined;
      let exitCode = code ?? (signal ? 128 : 1);
      if (hasTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (m) maxRssBytes = Number(m[1]) * 1024;
        const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
        if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
        const status = /Exit status: (\d+)/.exec(stderr);
        if (status) exitCode = Number(status[1]);
        const cut = stderr.search(/(?:Command (?:exited|terminated)[^\n]*\n)?\tCommand being timed:/);
        if (cut >= 0) stderr = stderr.slice(0, cut);
      }
      let report: Record<string, unknown> | undefined;
      if (opts.jsonReport) {
        const last = stdout.trimEnd().split('\n').pop() ?? '';
        try {
          report = JSON.parse(last) as Record<string, unknown>;
        } catch {
          report = undefined;
        }
        if (maxRssBytes === undefined && typeof report?.maxRssBytes === 'number') maxRssBytes = report.maxRssBytes;
      }
      if (opts.keepStdout) report = { ...report, stdout };
      resolve({ wallMs, maxRssBytes, cpuMs, report, code: exitCode, stdoutTail: tailLines(stdout, 15), stderrTail: tailLines(stderr, 15) });
    });
  });
}

class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}
  push(b: Buffer): void {
    this.chunks.push(b);
    this.size += b.length;
    while (this.size - this.chunks[0]!.length > this.limit) this.size -= this.chunks.shift()!.length;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function tailLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

export class BenchError extends Error {}

/** A measured process failed: the message carries the end of its output. */
export function failure(label: string, s: ProcessSample): BenchError {
  return new BenchError(`${label} exited with code ${s.code}\n--- stdout (tail) ---\n${s.stdoutTail}\n--- stderr (tail) ---\n${s.stderrTail}`);
}

export interface Series {
  /** Median of the measured runs; the headline number. */
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function series(values: number[]): Series {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: median(sorted), min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, samples: values };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Measured {
  label: string;
  runs: number;
  wallMs: Series;
  maxRssBytes: Series | undefined;
  cpuMs: Series | undefined;
  /** The last measured run's JSON report, for per-tool extras. */
  reports: Array<Record<string, unknown>>;
}

/**
 * `warmup` unmeasured runs, then `runs` measured ones, each a fresh process. `prepare`
 * runs before every run (e.g. to empty the output folder) and is not timed.
 */
export async function measure(
  label: string,
  argv: string[],
  counts: { warmup: number; runs: number },
  opts: RunOptions & { prepare?: () => void | Promise<void>; check?: (s: ProcessSample) => void } = {},
): Promise<Measured> {
  const samples: ProcessSample[] = [];
  for (let i = 0; i < counts.warmup + counts.runs; i++) {
    await opts.prepare?.();
    const s = await runMeasured(argv, opts);
    if (!(opts.okCodes ?? [0]).includes(s.code)) throw failure(label, s);
    opts.check?.(s);
    if (i >= counts.warmup) samples.push(s);
    progress(`${label}: ${i < counts.warmup ? 'warm-up' : `run ${i - counts.warmup + 1}/${counts.runs}`} ${fmtMs(s.wallMs)}${s.maxRssBytes ? `, ${fmtBytes(s.maxRssBytes)}` : ''}`);
  }
  const rss = samples.map((s) => s.maxRssBytes).filter((v): v is number => v !== undefined);
  const cpu = samples.map((s) => s.cpuMs).filter((v): v is number => v !== undefined);
  return {
    label,
    runs: samples.length,
    wallMs: series(samples.map((s) => s.wallMs)),
    maxRssBytes: rss.length === samples.length && rss.length > 0 ? series(rss) : undefined,
    cpuMs: cpu.length === samples.length && cpu.length > 0 ? series(cpu) : undefined,
    reports: samples.map((s) => s.report ?? {}),
  };
}

/** Median of a numeric field of the children's JSON reports. */
export function reportSeries(m: Measured, field: string): Series | undefined {
  const values = m.reports.map((r) => r[field]).filter((v): v is number => typeof v === 'number');
  return values.length > 0 ? series(values) : undefined;
}

let quietProgress = false;
export function setQuietProgress(q: boolean): void {
  quietProgress = q;
}

/** Progress goes to stderr so stdout keeps only the tables. */
export function progress(line: string): void {
  if (!quietProgress) process.stderr.write(`  · ${line}\n`);
}

export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return 'n/a';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function fmtRatio(r: number | undefined): string {
  if (r === undefined || !Number.isFinite(r)) return 'n/a';
  return r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
}

export function fmtInt(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return 'n/a';
  return Math.round(n).toLocaleString('en-US');
}

/** Like measure(), but a failing peer becomes a reason to print instead of ending the bench. */
export async function tryMeasure(...args: Parameters<typeof measure>): Promise<{ m?: Measured; failed?: string }> {
  try {
    return { m: await measure(...args) };
  } catch (e) {
    const message = (e as Error).message;
    progress(`${args[0]} FAILED: ${message.split('\n')[0]}`);
    return { failed: `failed: ${message.split('\n').slice(0, 6).join(' ').slice(0, 400)}` };
  }
}
