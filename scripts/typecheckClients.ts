// Type-checks many generated clients in ONE tsc run: a tsconfig beside their folders extends the
// first client's own tsconfig (the strict one every generated package ships) and includes every
// client's src. Returns the folders that have type errors, with tsc's output.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TSC = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

/**
 * tsc's heap in MB. Microsoft Graph beta's client alone needs about 6.7 GB, far above Node's
 * default: a batch holding it died out of memory, and every client of the batch was failed.
 */
export const TSC_HEAP_MB = 8192;

/** The command that runs tsc (a test puts a stand-in there); tsc's own arguments follow it. */
export const TSC_COMMAND: readonly string[] = [process.execPath, `--max-old-space-size=${TSC_HEAP_MB}`, TSC];

export interface TypeCheckResult {
  failing: Set<string>;
  output: string;
}

/** `folders` are names of client folders directly inside `root`. */
export function typecheckClients(root: string, folders: readonly string[]): TypeCheckResult {
  if (folders.length === 0) return { failing: new Set(), output: '' };
  const [command, ...args] = TSC_COMMAND;
  const tsc = spawnSync(command!, [...args, '-p', writeTsconfig(root, folders, 'tsconfig.all.json')], { encoding: 'utf8', cwd: root, maxBuffer: 256 * 1024 * 1024 });
  return readResult(folders, tsc.status, tsc.stdout + tsc.stderr);
}

/**
 * The same, without blocking: several batches (each with its own tsconfig name) may run at once.
 * When tsc fails without naming a client (it died: out of memory, a crash), each client is
 * checked alone, so one client too big for tsc does not fail the others.
 */
export async function typecheckClientsAsync(root: string, folders: readonly string[], tsconfigName: string, tsc: readonly string[] = TSC_COMMAND): Promise<TypeCheckResult> {
  if (folders.length === 0) return { failing: new Set(), output: '' };
  const run = await runTsc(tsc, root, writeTsconfig(root, folders, tsconfigName));
  if (run.status === 0 || folders.length === 1 || namedFolders(folders, run.output).size > 0) return readResult(folders, run.status, run.output);
  const failing = new Set<string>();
  let output = `${run.output}\ntsc failed (exit ${run.status ?? 'signal'}) without naming a client: checking the ${folders.length} clients one by one\n`;
  for (const folder of folders) {
    const alone = await typecheckClientsAsync(root, [folder], tsconfigName, tsc);
    for (const f of alone.failing) failing.add(f);
    output += alone.output;
  }
  return { failing, output };
}

function runTsc(tsc: readonly string[], cwd: string, tsconfig: string): Promise<{ status: number | null; output: string }> {
  const [command, ...args] = tsc;
  const child = spawn(command!, [...args, '-p', tsconfig], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.on('close', (status) => done({ status, output })));
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

/** The clients tsc's output names in its error lines. */
function namedFolders(folders: readonly string[], output: string): Set<string> {
  return new Set(output.split('\n').map((line) => /^([^/(\s]+)\//.exec(line)?.[1]).filter((f): f is string => f !== undefined && folders.includes(f)));
}

function readResult(folders: readonly string[], status: number | null, output: string): TypeCheckResult {
  const failing = namedFolders(folders, output);
  // A failure tsc does not attribute to a client (a broken tsconfig, a crash) fails them all.
  if (status !== 0 && failing.size === 0) return { failing: new Set(folders), output };
  return { failing, output };
}
