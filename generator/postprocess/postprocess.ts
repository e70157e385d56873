// Stage 5: ts-morph reads the rendered TypeScript (parse only: no type checker on this
// path) to prove every file is valid syntax (syntax.ts), to write the package's index from
// what each file really exports (barrelIndex.ts), and to write api-report.md: the whole
// public surface, reviewed in PRs (apiReport.ts).
import type { FileTree } from '../render/render.ts';
import { apiReport } from './apiReport.ts';
import { barrelIndex } from './barrelIndex.ts';
import { readModules, RUNTIME_INDEX, Surface } from './surface.ts';
import { checkSyntax } from './syntax.ts';

/** The rendered tree plus `src/index.ts` and `api-report.md`; throws RenderedCodeError on a parse error. */
export function postprocess(files: FileTree): FileTree {
  const { modules, syntaxErrors } = readModules(files);
  checkSyntax(syntaxErrors);
  const surface = new Surface(modules);
  const generated = [...modules.keys()].filter((p) => /^src\/(apis|models)\/[^/]+\.ts$/.test(p)).sort(byGroupThenName);
  const out: FileTree = new Map(files);
  out.set('src/index.ts', barrelIndex(surface, generated));
  out.set('api-report.md', apiReport(surface, [RUNTIME_INDEX, ...generated]));
  return out;
}

/** API classes before models, each group by path. */
function byGroupThenName(a: string, b: string): number {
  const group = (p: string) => (p.startsWith('src/apis/') ? 1 : 2);
  return group(a) - group(b) || (a < b ? -1 : a > b ? 1 : 0);
}
