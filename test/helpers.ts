// Shared by the tests: where the repository, the compiler and the real specs are.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const SHARED = resolve(REPO, '../shared');
export const SPECS = join(SHARED, 'specs/openai');
export const TSC = join(REPO, 'node_modules/.bin/tsc');

/** A real OpenAI spec from ../shared; a missing file fails the test that asks for it. */
export function sharedSpec(name: string): string {
  const file = join(SPECS, name);
  if (!existsSync(file)) throw new Error(`missing real spec ${file}: ../shared must sit beside the checkout`);
  return file;
}

export function newestSpec(): string {
  if (!existsSync(SPECS)) throw new Error(`missing ${SPECS}: ../shared must sit beside the checkout`);
  const newest = readdirSync(SPECS).filter((f) => f.endsWith('.yaml.gz')).sort().at(-1);
  if (!newest) throw new Error(`no specs in ${SPECS}`);
  return join(SPECS, newest);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `codegen-${prefix}-`));
}

/** path → content of every file below a folder. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}
