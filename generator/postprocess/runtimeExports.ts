// What the hand-written runtime (templates/static/src) exports through its index, read the way
// postprocess reads every rendered file (surface.ts): the one source of the runtime's export
// names, for the ir stage (names a model must not take) and the API report alike.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles, REPO_ROOT } from '../files.ts';
import { readModules, RUNTIME_INDEX, Surface, type Exported } from './surface.ts';

const STATIC_ROOT = join(REPO_ROOT, 'templates/static');

let cached: Exported[] | undefined;

/** The exports of the runtime's index (`src/runtime/index.ts`), read once per process. */
export function runtimeExports(): Exported[] {
  if (cached) return cached;
  const sources = listFiles(join(STATIC_ROOT, 'src')).filter((file) => file.endsWith('.ts'));
  const tree = new Map(sources.map((file) => [relative(STATIC_ROOT, file).split(sep).join('/'), readFileSync(file, 'utf8')]));
  cached = new Surface(readModules(tree).modules).exportsOf(RUNTIME_INDEX);
  return cached;
}
