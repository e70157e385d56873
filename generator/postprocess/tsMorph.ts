// ts-morph, loaded with require().
//
// `import { Project } from 'ts-morph'` in an ES module makes Node scan ts-morph's CommonJS
// source for named exports before running it (cjs-module-lexer over its ~1 MB bundle); require()
// skips the scan. On the bench machine, loading this stage went from about 400 ms to 310 ms,
// paid by every generator run (see "startup" in npm run bench -- --only profile). The names
// below are ts-morph's own, as values and as types.
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

//
// Loaded on first use (loadTsMorph(), which postprocess() calls), not when the module is: a run
// that never postprocesses (a no-change regenerate answered from .cache, --help) does not pay
// the ~0.45 s CPU of loading ts-morph and TypeScript. The exports are live bindings, set then.
export let Node: typeof TsMorph.Node;
export let Project: typeof TsMorph.Project;
export let Scope: typeof TsMorph.Scope;
export let ts: typeof TsMorph.ts;

export function loadTsMorph(): void {
  if (Project !== undefined) return;
  ({ Node, Project, Scope, ts } = createRequire(import.meta.url)('ts-morph') as typeof TsMorph);
}
export type Node<T extends TsMorph.ts.Node = TsMorph.ts.Node> = TsMorph.Node<T>;
export type Project = TsMorph.Project;
export type Scope = TsMorph.Scope;
export type DiagnosticWithLocation = TsMorph.ts.DiagnosticWithLocation;
export type { ClassDeclaration, MethodDeclaration, SourceFile } from 'ts-morph';
