// Stage 5: ts-morph reads the rendered TypeScript (parse only: no type checker on this
// path) to prove every file is valid syntax (syntax.ts), to write the package's index from
// what each file really exports (barrelIndex.ts), and to write api-report.md: the whole
// public surface, reviewed in PRs (apiReport.ts).
import { DEPRECATED_NAMES_FILE, type FileTree } from '../render/render.ts';
import { apiReport } from './apiReport.ts';
import { barrelIndex } from './barrelIndex.ts';
import { parseSources, RUNTIME_INDEX, Surface } from './surface.ts';
import { checkSyntax } from './syntax.ts';

/** The rendered tree plus `src/index.ts` and `api-report.md`; throws RenderedCodeError on a parse error. */
export function postprocess(files: FileTree): FileTree {
  const sources = parseSources(files);
  checkSyntax(sources);
  const surface = new Surface(sources);
  const generated = [...sources.keys()].filter((p) => /^src\/(apis|models)\/[^/]+\.ts$/.test(p) || p === DEPRECATED_NAMES_FILE).sort(byGroupThenName);
  const out: FileTree = new Map(files);
  out.set('src/index.ts', barrelIndex(surface, generated));
  out.set('api-report.md', apiReport(surface, [RUNTIME_INDEX, ...generated]));
  return out;
}

/** API classes before models, each group by path, then the deprecated names. */
function byGroupThenName(a: string, b: string): number {
  const group = (p: string) => (p.startsWith('src/apis/') ? 1 : p.startsWith('src/models/') ? 2 : 3);
  return group(a) - group(b) || (a < b ? -1 : a > b ? 1 : 0);
}
