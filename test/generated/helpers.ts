// Shared helpers for the tests of the committed client in generated/:
// paths, process and temp-dir utilities. The HTTP server and the multipart
// parser are in test/support/http.ts. No dependency on the client under test.
import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { REPO } from '../helpers.ts';

// GENERATED_CLIENT_DIR lets the package and type tests run against another copy
// (e.g. a deliberately broken one, to check that they fail).
export const GENERATED_DIR = resolve(process.env.GENERATED_CLIENT_DIR ?? join(REPO, 'generated'));
export const ROOT_NODE_MODULES = join(REPO, 'node_modules');
export { TSC, tempDir as makeTempDir } from '../helpers.ts';

// ---------------------------------------------------------------- processes

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Throws with the full output when the command does not exit 0. */
export function runOk(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  return checked(command, args, run(command, args, cwd, env));
}

function checked(command: string, args: string[], result: RunResult): RunResult {
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Copies generated/ without node_modules and dist. */
export function copyGenerated(to: string): void {
  cpSync(GENERATED_DIR, to, {
    recursive: true,
    filter: (src) => {
      const name = basename(src);
      return !(src !== GENERATED_DIR && (name === 'node_modules' || name === 'dist'));
    },
  });
}

/**
 * Like run, without blocking the event loop: for child processes that talk to a server
 * running in the test process. Killed after timeoutMs.
 */
export function runAsync(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** Throws with the full output when the command does not exit 0. */
export async function runAsyncOk(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return checked(command, args, await runAsync(command, args, cwd, env));
}
