// Shared helpers for the tests of the committed client in generated/:
// paths, process and temp-dir utilities. The HTTP server and the multipart
// parser are in test/support/http.ts. No dependency on the client under test.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
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
  const result = run(command, args, cwd, env);
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
