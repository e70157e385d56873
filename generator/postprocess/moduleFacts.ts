// What postprocess needs to know of one rendered TypeScript module, as plain data: its parse
// errors, its own exports with their report declarations, and its `export ... from` lines.
// Facts depend only on the module's path and text, so they can be kept between runs
// (generator/cache/moduleFactsCache.ts) and a module whose text did not change is not parsed.
import { posix } from 'node:path';
import { ExportedNames } from './exported.ts';
import { loadTsMorph, Node, Project, Scope, ts, type ClassDeclaration, type DiagnosticWithLocation, type SourceFile } from './tsMorph.ts';

export interface Exported {
  name: string;
  typeOnly: boolean;
  /** The declaration as the report shows it. */
  signature: string;
}

/** `export { a, b as c } from './x.js'` or `export * from './x.js'` (names empty: all of them). */
export interface ReExport {
  /** The module re-exported, as a tree path (`src/runtime/x.ts`). */
  from: string;
  typeOnly: boolean;
  names: Array<{ name: string; as: string; typeOnly: boolean }>;
}

export interface ModuleFacts {
  /** `path:line:column message` of each parse error. */
  problems: string[];
  exports: Exported[];
  reexports: ReExport[];
}

/** Gives the facts of a module; a cache answers from earlier runs, the parser by parsing. */
export interface FactsSource {
  factsOf(path: string, text: string): ModuleFacts;
}

/** Parses each module with ts-morph (syntax only: no type checker); loads ts-morph on first use. */
export class ModuleParser implements FactsSource {
  private project: Project | undefined;

  factsOf(path: string, text: string): ModuleFacts {
    if (!this.project) {
      loadTsMorph();
      this.project = new Project({ useInMemoryFileSystem: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
    }
    const sf = this.project.createSourceFile(path, text, { overwrite: true });
    return { problems: parseProblems(path, sf), exports: localExports(sf), reexports: reexports(path, sf) };
  }
}

function parseProblems(path: string, sf: SourceFile): string[] {
  const diagnostics = (sf.compilerNode as unknown as { parseDiagnostics?: DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => {
    const { line, character } = sf.compilerNode.getLineAndCharacterOfPosition(d.start);
    return `${path}:${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

function reexports(path: string, sf: SourceFile): ReExport[] {
  const out: ReExport[] = [];
  for (const decl of sf.getExportDeclarations()) {
    const target = decl.getModuleSpecifierValue();
    if (!target?.startsWith('.')) continue;
    out.push({
      from: posix.join(posix.dirname(path), target).replace(/\.js$/, '.ts'),
      typeOnly: decl.isTypeOnly(),
      names: decl.getNamedExports().map((spec) => ({ name: spec.getName(), as: spec.getAliasNode()?.getText() ?? spec.getName(), typeOnly: spec.isTypeOnly() })),
    });
  }
  return out;
}

/** Adds `e` to a module's exports; an enum's `export const X` plus `export type X` is one value export carrying both. */
export function addExport(out: Exported[], e: Exported): void {
  const prior = out.find((x) => x.name === e.name);
  if (!prior) out.push({ ...e });
  else if (prior.signature !== e.signature) {
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
