// Shared by the tests: where the repository, the compiler and the spec fixtures are.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SpecError } from '../generator/errors.ts';
import { listFiles, REPO_ROOT } from '../generator/files.ts';
import { FIXTURE_DIR as FIXTURE_SPECS, readSpecText, readVersions, type VersionRow } from '../scripts/derive-fixture.ts';

/** The repository root (generator/files.ts's REPO_ROOT). */
export const REPO = REPO_ROOT;
export { CORPUS_DIR as CORPUS_SPECS, FIXTURE_DIR as FIXTURE_SPECS } from '../scripts/derive-fixture.ts';
// By path, not node_modules/.bin/tsc: the `typescript-5.0` alias also installs a `tsc` bin and may own that link.
export const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
export const TSC_5_0 = join(REPO, 'node_modules/typescript-5.0/bin/tsc');

/** A committed spec fixture; a missing file fails the test that asks for it. */
export function fixtureSpec(name: string): string {
  const file = join(FIXTURE_SPECS, name);
  if (!existsSync(file)) throw new Error(`missing spec fixture ${file}: re-derive it with npm run derive-fixtures`);
  return file;
}

/** The newest committed fixture by its upstream date (versions.tsv lists the newest first; ties keep the first row). */
export function newestSpec(): string {
  const rows = readVersions(join(FIXTURE_SPECS, 'versions.tsv'));
  const newest = rows.reduce<VersionRow | undefined>((a, b) => (a === undefined || b.date > a.date ? b : a), undefined);
  if (!newest) throw new Error(`no spec fixtures listed in ${FIXTURE_SPECS}/versions.tsv`);
  return fixtureSpec(newest.file);
}

/** The 1-based number of the first line of a (possibly gzipped) spec that contains `needle`. */
export function lineOf(specPath: string, needle: string): number {
  const index = readSpecText(specPath).split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${specPath} has no line containing ${needle}`);
  return index + 1;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `codegen-${prefix}-`));
}

/** path → content of every file below a folder. */
export function snapshotTree(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [relative(dir, file), readFileSync(file, 'utf8')]));
}

/** The SpecError a call throws; anything else thrown, or nothing, fails the test. */
export function specErrorOf(run: () => unknown): SpecError {
  try {
    run();
  } catch (err) {
    if (err instanceof SpecError) return err;
    throw err;
  }
  throw new Error('expected a SpecError');
}
