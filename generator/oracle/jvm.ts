// Runs the pinned openapi-generator jar with `java -jar` (the npm wrapper only fetches the jar;
// running it directly saves the wrapper's start-up on every call), bounded in time.
import { spawn } from 'node:child_process';
import { OpenApiGeneratorError, OracleUnavailableError, type RunResult } from '../errors.ts';
import { locateJar } from './jar.ts';

const MIN_JAVA = 11;

export interface RunOptions {
  cwd?: string;
  /** Kill the JVM after this long; default 10 minutes. */
  timeoutMs?: number;
  /** JVM options placed before `-jar`, e.g. ['-Xmx2g']. */
  javaArgs?: string[];
  /** Repository root holding openapitools.json; default this repository. */
  root?: string;
}

let javaCheck: Promise<void> | undefined;

/** Resolves when `java` (11 or newer) is on PATH; rejects with OracleUnavailableError otherwise. */
export function ensureJava(): Promise<void> {
  javaCheck ??= new Promise<void>((resolve, reject) => {
    const install = `Java ${MIN_JAVA}+ is required: apt-get install openjdk-17-jre-headless`;
    let out = '';
    const child = spawn('java', ['-version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', () => reject(new OracleUnavailableError(install)));
    child.on('close', (code) => {
      const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
      const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
      if (code === 0 && major >= MIN_JAVA) resolve();
      else reject(new OracleUnavailableError(install));
    });
  });
  // A failed check is not cached: the next call looks again (java may have been installed since).
  javaCheck.catch(() => (javaCheck = undefined));
  return javaCheck;
}

/** Runs `java -jar <pinned jar> ...args`; resolves with the exit code, it never throws on a non-zero exit. */
export async function runOpenApiGenerator(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const jar = locateJar(opts.root);
  await ensureJava();
  const started = performance.now();
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn('java', [...(opts.javaArgs ?? []), '-jar', jar, ...args], {
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timeoutMs = opts.timeoutMs ?? 600_000;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new OracleUnavailableError(`Java ${MIN_JAVA}+ is required: apt-get install openjdk-17-jre-headless`) : e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result: RunResult = {
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code: code ?? (signal ? 128 : 1),
        ms: Math.round(performance.now() - started),
      };
      if (timedOut) reject(new OpenApiGeneratorError(`openapi-generator did not finish within ${timeoutMs} ms`, result));
      else resolve(result);
    });
  });
}
