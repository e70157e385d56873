// ts-morph, loaded with require().
//
// `import { Project } from 'ts-morph'` in an ES module makes Node scan ts-morph's CommonJS
// source for named exports before running it (cjs-module-lexer over its ~1 MB bundle); require()
// skips the scan. On the bench machine, loading this stage went from about 400 ms to 310 ms,
// paid by every generator run (see "startup" in npm run bench -- --only profile). The names
// below are ts-morph's own, as values and as types.
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;

export const { Node, Project, Scope, ts } = tsMorph;
export type Node<T extends TsMorph.ts.Node = TsMorph.ts.Node> = TsMorph.Node<T>;
export type Project = TsMorph.Project;
export type Scope = TsMorph.Scope;
export type DiagnosticWithLocation = TsMorph.ts.DiagnosticWithLocation;
export type { ClassDeclaration, SourceFile } from 'ts-morph';
