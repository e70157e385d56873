// Shared by the tests: where the repository, the compiler and the real specs are.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const SHARED = resolve(REPO, '../shared');
export const SPECS = join(SHARED, 'specs/openai');
// By path, not node_modules/.bin/tsc: the `typescript-5.0` alias also installs a `tsc` bin and may own that link.
export const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
export const TSC_5_0 = join(REPO, 'node_modules/typescript-5.0/bin/tsc');

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
