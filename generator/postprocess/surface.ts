// What each rendered module exports, with each export's declaration as the API report shows it.
// Built from each module's facts (moduleFacts.ts): `export ... from` is followed into the other
// modules of the tree, never through a type checker (see exported.ts).
import type { FileTree } from '../render/render.ts';
import { addExport, ModuleParser, type Exported, type FactsSource, type ModuleFacts } from './moduleFacts.ts';

export type { Exported } from './moduleFacts.ts';

/** The runtime's index: the package index re-exports it whole. */
export const RUNTIME_INDEX = 'src/runtime/index.ts';

/** The facts of the tree's TypeScript sources (`src/**.ts`), from `source` (by default, parsed now). */
export function factsOfSources(files: FileTree, source: FactsSource = new ModuleParser()): Map<string, ModuleFacts> {
  const facts = new Map<string, ModuleFacts>();
  for (const [path, text] of files) {
    if (path.startsWith('src/') && path.endsWith('.ts')) facts.set(path, source.factsOf(path, text));
  }
  return facts;
}

/** What each module exports, following `export ... from` into the other modules. */
export class Surface {
  private readonly cache = new Map<string, Exported[]>();

  constructor(private readonly facts: ReadonlyMap<string, ModuleFacts>) {}

  exportsOf(path: string): Exported[] {
    const cached = this.cache.get(path);
    if (cached) return cached;
    const module = this.facts.get(path);
    const out: Exported[] = [];
    this.cache.set(path, out);
    if (module) {
      for (const e of module.exports) addExport(out, e);
      for (const re of module.reexports) {
        const theirs = this.exportsOf(re.from);
        if (re.names.length === 0) theirs.forEach((e) => addExport(out, e));
        for (const named of re.names) {
          const found = theirs.find((e) => e.name === named.name);
          if (found) addExport(out, { ...found, name: named.as, typeOnly: found.typeOnly || re.typeOnly || named.typeOnly });
        }
      }
    }
    return out;
  }
}
