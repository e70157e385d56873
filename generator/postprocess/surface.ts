// What each rendered module exports, with each export's declaration as the API report shows it.
// Parse only: `export ... from` is followed into the other files of the tree, never through a
// type checker (see exported.ts). Files are parsed in batches and kept only as what they export.
import { posix } from 'node:path';
import { loadTsMorph, Node, Project, Scope, ts, type ClassDeclaration, type MethodDeclaration, type SourceFile } from './tsMorph.ts';
import type { FileTree } from '../render/render.ts';
import { ExportedNames } from './exported.ts';
import { syntaxErrors } from './syntax.ts';

/** The runtime's index: the package index re-exports it whole. */
export const RUNTIME_INDEX = 'src/runtime/index.ts';

export interface Exported {
  name: string;
  typeOnly: boolean;
  /** The declaration as the report shows it. */
  signature: string;
}

/** What one module exports, read from its syntax: its own declarations, then its `export ... from` lines. */
export interface ModuleExports {
  own: Exported[];
  reexports: Reexport[];
}

/** `export { a, b as c } from './x.js'`; no names for `export * from`. */
interface Reexport {
  /** The tree path of the module named. */
  from: string;
  typeOnly: boolean;
  names: Array<{ name: string; alias: string | undefined; typeOnly: boolean }>;
}

/**
 * Files parsed per ts-morph project. A project keeps every syntax tree it parsed (and ts-morph a
 * wrapper per node visited): Microsoft Graph's 20,000 files held at once took gigabytes, so each
 * batch is read into ModuleExports and dropped before the next is parsed. Small batches die
 * young (Graph v1.0's postprocess peaked at 605 MB with 100 files, 845 MB with 500); a project
 * costs a few milliseconds to make.
 */
export const FILES_PER_PROJECT = 100;

/** The tree's TypeScript sources (`src/**.ts`), each parsed, read into ModuleExports and dropped; with their parse errors. */
export function readModules(files: FileTree): { modules: Map<string, ModuleExports>; syntaxErrors: string[] } {
  loadTsMorph();
  const paths = [...files.keys()].filter((path) => path.startsWith('src/') && path.endsWith('.ts'));
  const modules = new Map<string, ModuleExports>();
  const errors: string[] = [];
  for (let first = 0; first < paths.length; first += FILES_PER_PROJECT) {
    const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
    for (const path of paths.slice(first, first + FILES_PER_PROJECT)) {
      const sf = project.createSourceFile(path, files.get(path)!);
      errors.push(...syntaxErrors(path, sf));
      // Once a file does not parse, the run fails: the rest are only checked for parse errors.
      if (errors.length === 0) modules.set(path, moduleExports(path, sf));
    }
  }
  return { modules, syntaxErrors: errors };
}

function moduleExports(path: string, sf: SourceFile): ModuleExports {
  const reexports: Reexport[] = [];
  for (const decl of sf.getExportDeclarations()) {
    const target = decl.getModuleSpecifierValue();
    if (!target?.startsWith('.')) continue;
    reexports.push({
      from: posix.join(posix.dirname(path), target).replace(/\.js$/, '.ts'),
      typeOnly: decl.isTypeOnly(),
      names: decl.getNamedExports().map((spec) => ({ name: spec.getName(), alias: spec.getAliasNode()?.getText(), typeOnly: spec.isTypeOnly() })),
    });
  }
  return { own: localExports(sf), reexports };
}

/** What each module exports, following `export ... from` into the other modules of the tree. */
export class Surface {
  private readonly cache = new Map<string, Exported[]>();

  constructor(private readonly modules: ReadonlyMap<string, ModuleExports>) {}

  exportsOf(path: string): Exported[] {
    const cached = this.cache.get(path);
    if (cached) return cached;
    const module = this.modules.get(path);
    const out: Exported[] = [];
    this.cache.set(path, out);
    if (module) {
      for (const e of module.own) addExport(out, e);
      for (const reexport of module.reexports) {
        const theirs = this.exportsOf(reexport.from);
        if (reexport.names.length === 0) theirs.forEach((e) => addExport(out, e));
        for (const spec of reexport.names) {
          const found = theirs.find((e) => e.name === spec.name);
          if (found) addExport(out, { ...found, name: spec.alias ?? found.name, typeOnly: found.typeOnly || reexport.typeOnly || spec.typeOnly });
        }
      }
    }
    return out;
  }
}

function addExport(out: Exported[], e: Exported): void {
  const prior = out.find((x) => x.name === e.name);
  if (!prior) out.push({ ...e });
  else if (prior.signature !== e.signature) {
    // `export const X` plus `export type X` (an enum): one value export carries both.
    prior.typeOnly &&= e.typeOnly;
    prior.signature += `\n${e.signature}`;
  }
}

function localExports(sf: SourceFile): Exported[] {
  const out: Exported[] = [];
  // Not ts-morph's isExported(): without an export keyword it builds a type checker (see exported.ts).
  const exports = new ExportedNames(sf);
  for (const c of sf.getClasses()) if (exports.isExported(c)) addExport(out, { name: c.getNameOrThrow(), typeOnly: false, signature: deprecated(c) + classSignature(c) });
  for (const i of sf.getInterfaces()) {
    if (!exports.isExported(i)) continue;
    const heritage = i.getExtends().map((e) => e.getText());
    const members = i.getMembers().map((m) => `  ${deprecated(m)}${oneLine(withoutDocs(m.getText()))}`);
    addExport(out, { name: i.getName(), typeOnly: true, signature: [`${deprecated(i)}interface ${i.getName()}${typeParams(i)}${heritage.length ? ` extends ${heritage.join(', ')}` : ''} {`, ...members, '}'].join('\n') });
  }
  for (const t of sf.getTypeAliases()) if (exports.isExported(t)) addExport(out, { name: t.getName(), typeOnly: true, signature: `${deprecated(t)}type ${t.getName()}${typeParams(t)} = ${oneLine(withoutDocs(t.getTypeNodeOrThrow().getText()))};` });
  for (const v of sf.getVariableStatements()) {
    if (!exports.isStatementExported(v)) continue;
    for (const d of v.getDeclarations()) {
      const shape = d.getTypeNode()?.getText() ?? oneLine(withoutDocs(d.getInitializer()?.getText() ?? ''));
      addExport(out, { name: d.getName(), typeOnly: false, signature: `${deprecated(v)}const ${d.getName()}: ${shape};` });
    }
  }
  for (const f of sf.getFunctions()) {
    const name = f.getName();
    if (!exports.isExported(f) || !name) continue;
    const params = f.getParameters().map((p) => p.getText()).join(', ');
    addExport(out, { name, typeOnly: false, signature: `${deprecated(f)}function ${name}${typeParams(f)}(${oneLine(params)}): ${f.getReturnTypeNode()?.getText() ?? 'void'};` });
  }
  return out;
}

function classSignature(c: ClassDeclaration): string {
  const lines: string[] = [];
  const isPublic = (m: Node) => !(Node.isScoped(m) && m.getScope() !== Scope.Public) && !(Node.isPropertyNamed(m) && m.getName().startsWith('#'));
  for (const ctor of c.getConstructors()) {
    if (ctor.getScope() === Scope.Public) lines.push(`  constructor(${oneLine(ctor.getParameters().map((p) => p.getText()).join(', '))});`);
  }
  for (const p of c.getProperties()) {
    if (!isPublic(p)) continue;
    const mods = `${p.isStatic() ? 'static ' : ''}${p.isReadonly() ? 'readonly ' : ''}`;
    lines.push(`  ${deprecated(p)}${mods}${p.getName()}${p.hasQuestionToken() ? '?' : ''}: ${p.getTypeNode()?.getText() ?? 'unknown'};`);
  }
  for (const a of c.getGetAccessors()) if (isPublic(a)) lines.push(`  ${a.isStatic() ? 'static ' : ''}get ${a.getName()}(): ${a.getReturnTypeNode()?.getText() ?? 'unknown'};`);
  const overloadsOf = overloadsByMethod(c);
  for (const m of c.getMethods()) {
    if (!isPublic(m)) continue;
    const overloads = overloadsOf.get(overloadKey(m)) ?? [];
    for (const o of overloads.length ? overloads : [m]) {
      const params = o.getParameters().map((p) => p.getText()).join(', ');
      lines.push(`  ${deprecated(o)}${m.isStatic() ? 'static ' : ''}${o.getName()}${typeParams(o)}(${oneLine(params)}): ${o.getReturnTypeNode()?.getText() ?? 'unknown'};`);
    }
  }
  const base = c.getExtends();
  const heritage = base ? ` extends ${base.getText()}` : '';
  return [`class ${c.getNameOrThrow()}${typeParams(c)}${heritage} {`, ...lines, '}'].join('\n');
}

/**
 * Each method's overload signatures, by overloadKey: what ts-morph's getOverloads() answers (the
 * class's bodiless methods of the same name and staticness), found in one pass over the class
 * where getOverloads() walks every member for each method (minutes on Graph's classes of
 * thousands of methods).
 */
function overloadsByMethod(c: ClassDeclaration): Map<string, MethodDeclaration[]> {
  const found = new Map<string, MethodDeclaration[]>();
  for (const child of c.forEachChildAsArray()) {
    if (!Node.isMethodDeclaration(child) || !child.isOverload()) continue;
    const key = overloadKey(child);
    found.set(key, [...(found.get(key) ?? []), child]);
  }
  return found;
}

function overloadKey(m: MethodDeclaration): string {
  return `${m.isStatic() ? 'static' : 'instance'} ${m.getName()}`;
}

/** Deprecation is part of the surface: a declaration whose JSDoc has `@deprecated` shows it. */
function deprecated(node: Node): string {
  if (!Node.isJSDocable(node)) return '';
  return node.getJsDocs().some((doc) => doc.getTags().some((tag) => tag.getTagName() === 'deprecated')) ? '/** @deprecated */ ' : '';
}

function typeParams(node: { getTypeParameters(): Array<{ getText(): string }> }): string {
  const params = node.getTypeParameters();
  return params.length ? `<${params.map((p) => oneLine(p.getText())).join(', ')}>` : '';
}

function withoutDocs(text: string): string {
  return text.replace(/\/\*\*[\s\S]*?\*\//g, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
