// What the hand-written runtime (templates/static/src) exports through its index, read the way
// postprocess reads every rendered file (surface.ts): the one source of the runtime's export
// names, for the ir stage (names a model must not take) and the API report alike.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles, REPO_ROOT } from '../files.ts';
import type { FactsSource } from './moduleFacts.ts';
import { factsOfSources, RUNTIME_INDEX, Surface, type Exported } from './surface.ts';

const STATIC_ROOT = join(REPO_ROOT, 'templates/static');

let cached: Exported[] | undefined;

/**
 * The exports of the runtime's index (`src/runtime/index.ts`), read once per process. Given the
 * facts cache of earlier runs, an unchanged runtime is not parsed at all, so a regenerate whose
 * modules are all known never loads TypeScript.
 */
export function runtimeExports(source?: FactsSource): Exported[] {
  cached ??= readRuntimeExports(source);
  return cached;
}

/** The runtime index's exports, read now: each runtime module's facts from `source` (by default, parsed). */
export function readRuntimeExports(source?: FactsSource): Exported[] {
  const sources = listFiles(join(STATIC_ROOT, 'src')).filter((file) => file.endsWith('.ts'));
  const tree = new Map(sources.map((file) => [relative(STATIC_ROOT, file).split(sep).join('/'), readFileSync(file, 'utf8')]));
  return new Surface(factsOfSources(tree, source)).exportsOf(RUNTIME_INDEX);
}
