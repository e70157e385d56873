// Type-checks many generated clients in ONE tsc run: a tsconfig beside their folders extends the
// first client's own tsconfig (the strict one every generated package ships) and includes every
// client's src. Returns the folders that have type errors, with tsc's output.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TSC = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

export interface TypeCheckResult {
  failing: Set<string>;
  output: string;
}

/** `folders` are names of client folders directly inside `root`. */
export function typecheckClients(root: string, folders: readonly string[]): TypeCheckResult {
  if (folders.length === 0) return { failing: new Set(), output: '' };
  const tsc = spawnSync(process.execPath, [TSC, '-p', writeTsconfig(root, folders, 'tsconfig.all.json')], { encoding: 'utf8', cwd: root, maxBuffer: 256 * 1024 * 1024 });
  return readResult(folders, tsc.status, tsc.stdout + tsc.stderr);
}

/** The same, without blocking: several batches (each with its own tsconfig name) may run at once. */
export function typecheckClientsAsync(root: string, folders: readonly string[], tsconfigName: string): Promise<TypeCheckResult> {
  if (folders.length === 0) return Promise.resolve({ failing: new Set(), output: '' });
  const tsc = spawn(process.execPath, [TSC, '-p', writeTsconfig(root, folders, tsconfigName)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  tsc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  tsc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => tsc.on('close', (status) => done(readResult(folders, status, output))));
}

function writeTsconfig(root: string, folders: readonly string[], name: string): string {
  const tsconfig = join(root, name);
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: `./${folders[0]}/tsconfig.json`,
      compilerOptions: { noEmit: true, rootDir: '.', declaration: false, declarationMap: false, sourceMap: false },
      include: folders.map((folder) => `${folder}/src`),
    }),
  );
  return tsconfig;
}

function readResult(folders: readonly string[], status: number | null, output: string): TypeCheckResult {
  const failing = new Set(output.split('\n').map((line) => /^([^/(\s]+)\//.exec(line)?.[1]).filter((f): f is string => f !== undefined && folders.includes(f)));
  // A failure tsc does not attribute to a client (a broken tsconfig) fails them all.
  if (status !== 0 && failing.size === 0) return { failing: new Set(folders), output };
  return { failing, output };
}
