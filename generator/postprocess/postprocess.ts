// Stage 5: TypeScript's parser reads the rendered TypeScript (parse only: no type checker on this
// path) to prove every file is valid syntax (syntax.ts), to write the package's index from
// what each file really exports (barrelIndex.ts), and to write api-report.md: the whole
// public surface, reviewed in PRs (apiReport.ts). What it learns of each file is plain data
// (moduleFacts.ts), so a cache can answer for files whose text did not change.
import { DEPRECATED_NAMES_FILE, type FileTree } from '../render/render.ts';
import { apiReport } from './apiReport.ts';
import { barrelIndex } from './barrelIndex.ts';
import type { FactsSource } from './moduleFacts.ts';
import { factsOfSources, RUNTIME_INDEX, Surface, type ParsedAhead } from './surface.ts';
import { checkSyntax } from './syntax.ts';

/** The rendered tree plus `src/index.ts` and `api-report.md`; throws RenderedCodeError on a parse error. */
export function postprocess(files: FileTree, source?: FactsSource, ahead?: ParsedAhead): FileTree {
  const facts = factsOfSources(files, source, ahead);
  checkSyntax(facts);
  const surface = new Surface(facts);
  const generated = [...facts.keys()].filter((p) => /^src\/(apis|models)\/[^/]+\.ts$|^src\/webhooks\.ts$/.test(p) || p === DEPRECATED_NAMES_FILE).sort(byGroupThenName);
  const out: FileTree = new Map(files);
  out.set('src/index.ts', barrelIndex(surface, generated));
  out.set('api-report.md', apiReport(surface, [RUNTIME_INDEX, ...generated]));
  return out;
}

/** API classes, then models, then the webhooks and the deprecated names, each group by path. */
function byGroupThenName(a: string, b: string): number {
  const group = (p: string) => (p.startsWith('src/apis/') ? 1 : p.startsWith('src/models/') ? 2 : 3);
  return group(a) - group(b) || (a < b ? -1 : a > b ? 1 : 0);
}
