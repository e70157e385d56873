// What each rendered module exports, with each export's declaration as the API report shows it.
// Built from each module's facts (moduleFacts.ts): `export ... from` is followed into the other
// modules of the tree, never through a type checker (see exported.ts).
import type { FileTree } from '../render/render.ts';
import { ExportList, ModuleParser, type Exported, type FactsSource, type ModuleFacts } from './moduleFacts.ts';
import type { ParsedModule } from './parsePool.ts';

export type { Exported } from './moduleFacts.ts';

/** The runtime's index: the package index re-exports it whole. */
export const RUNTIME_INDEX = 'src/runtime/index.ts';

/** Facts parsed ahead (by a ParsePool), by path, with the text they are for. */
export type ParsedAhead = ReadonlyMap<string, ParsedModule>;

/**
 * The facts of the tree's TypeScript sources (`src/**.ts`): parsed ahead when `ahead` has them
 * for the module's current text (then told to `source`, a cache may keep them), else from
 * `source` (by default, parsed now).
 */
export function factsOfSources(files: FileTree, source: FactsSource = new ModuleParser(), ahead?: ParsedAhead): Map<string, ModuleFacts> {
  const facts = new Map<string, ModuleFacts>();
  for (const [path, text] of files) {
    if (!isModule(path)) continue;
    const parsed = ahead?.get(path);
    const fresh = parsed?.text === text ? parsed.facts : undefined;
    if (fresh) source.learn?.(path, text, fresh);
    facts.set(path, fresh ?? source.factsOf(path, text));
  }
  return facts;
}

/** A TypeScript source of the package, which postprocess parses. */
export function isModule(path: string): boolean {
  return path.startsWith('src/') && path.endsWith('.ts');
}

/** What each module exports, following `export ... from` into the other modules. */
export class Surface {
  private readonly cache = new Map<string, ExportList>();

  constructor(private readonly facts: ReadonlyMap<string, ModuleFacts>) {}

  exportsOf(path: string): Exported[] {
    return this.exportListOf(path).items;
  }

  private exportListOf(path: string): ExportList {
    const cached = this.cache.get(path);
    if (cached) return cached;
    const module = this.facts.get(path);
    const out = new ExportList();
    this.cache.set(path, out);
    if (module) {
      for (const e of module.exports) out.add(e);
      for (const re of module.reexports) {
        const theirs = this.exportListOf(re.from);
        if (re.names.length === 0) theirs.items.forEach((e) => out.add(e));
        for (const named of re.names) {
          const found = theirs.get(named.name);
          if (found) out.add({ ...found, name: named.as, typeOnly: found.typeOnly || re.typeOnly || named.typeOnly });
        }
      }
    }
    return out;
  }
}
