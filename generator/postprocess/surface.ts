// What each rendered module exports, with each export's declaration as the API report shows it.
// Parse only: `export ... from` is followed into the other files of the tree, never through a
// type checker (see exported.ts).
import { posix } from 'node:path';
import { loadTsMorph, Node, Project, Scope, ts, type ClassDeclaration, type SourceFile } from './tsMorph.ts';
import type { FileTree } from '../render/render.ts';
import { ExportedNames } from './exported.ts';

/** The runtime's index: the package index re-exports it whole. */
export const RUNTIME_INDEX = 'src/runtime/index.ts';

export interface Exported {
  name: string;
  typeOnly: boolean;
  /** The declaration as the report shows it. */
  signature: string;
}

/** The tree's TypeScript sources (`src/**.ts`), parsed. */
export function parseSources(files: FileTree): Map<string, SourceFile> {
  loadTsMorph();
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  const sources = new Map<string, SourceFile>();
  for (const [path, text] of files) {
    if (path.startsWith('src/') && path.endsWith('.ts')) sources.set(path, project.createSourceFile(path, text));
  }
  return sources;
}

/** What each module exports, following `export ... from` into the other parsed files. */
export class Surface {
  private readonly cache = new Map<string, Exported[]>();

  constructor(private readonly sources: Map<string, SourceFile>) {}

  exportsOf(path: string): Exported[] {
    const cached = this.cache.get(path);
    if (cached) return cached;
    const sf = this.sources.get(path);
    const out: Exported[] = [];
    this.cache.set(path, out);
    if (sf) {
      for (const e of localExports(sf)) addExport(out, e);
      for (const decl of sf.getExportDeclarations()) {
        const target = decl.getModuleSpecifierValue();
        if (!target?.startsWith('.')) continue;
        const resolved = posix.join(posix.dirname(path), target).replace(/\.js$/, '.ts');
        const theirs = this.exportsOf(resolved);
        const named = decl.getNamedExports();
        if (named.length === 0) theirs.forEach((e) => addExport(out, e));
        for (const spec of named) {
          const found = theirs.find((e) => e.name === spec.getName());
          if (!found) continue;
          const name = spec.getAliasNode()?.getText() ?? found.name;
          addExport(out, { ...found, name, typeOnly: found.typeOnly || decl.isTypeOnly() || spec.isTypeOnly() });
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
  for (const m of c.getMethods()) {
    if (!isPublic(m)) continue;
    const overloads = m.getOverloads();
    for (const o of overloads.length ? overloads : [m]) {
      const params = o.getParameters().map((p) => p.getText()).join(', ');
      lines.push(`  ${deprecated(o)}${m.isStatic() ? 'static ' : ''}${o.getName()}${typeParams(o)}(${oneLine(params)}): ${o.getReturnTypeNode()?.getText() ?? 'unknown'};`);
    }
  }
  const base = c.getExtends();
  const heritage = base ? ` extends ${base.getText()}` : '';
  return [`class ${c.getNameOrThrow()}${typeParams(c)}${heritage} {`, ...lines, '}'].join('\n');
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
