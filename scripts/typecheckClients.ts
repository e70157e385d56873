// Type-checks many generated clients in ONE tsc run: a tsconfig beside their folders extends the
// first client's own tsconfig (the strict one every generated package ships) and includes every
// client's src. Returns the folders that have type errors, with tsc's output.
import { spawnSync } from 'node:child_process';
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
  const tsconfig = join(root, 'tsconfig.all.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: `./${folders[0]}/tsconfig.json`,
      compilerOptions: { noEmit: true, rootDir: '.', declaration: false, declarationMap: false, sourceMap: false },
      include: folders.map((folder) => `${folder}/src`),
    }),
  );
  const tsc = spawnSync(process.execPath, [TSC, '-p', tsconfig], { encoding: 'utf8', cwd: root, maxBuffer: 256 * 1024 * 1024 });
  const output = tsc.stdout + tsc.stderr;
  const failing = new Set(output.split('\n').map((line) => /^([^/(\s]+)\//.exec(line)?.[1]).filter((f): f is string => f !== undefined && folders.includes(f)));
  // A failure tsc does not attribute to a client (a broken tsconfig) fails them all.
  if (tsc.status !== 0 && failing.size === 0) return { failing: new Set(folders), output };
  return { failing, output };
}
