// What postprocess needs to know of one rendered TypeScript module, as plain data: its parse
// errors, its own exports with their report declarations, and its `export ... from` lines.
// Facts depend only on the module's path and text, so they can be kept between runs
// (generator/cache/moduleFactsCache.ts) and a module whose text did not change is not parsed.
import { posix } from 'node:path';
import type * as TypeScript from 'typescript';
import { ExportedNames, hasModifier } from './exported.ts';
import { loadTypeScript, ts } from './typescript.ts';

type Node = TypeScript.Node;
type SourceFile = TypeScript.SourceFile;

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
  /** The facts when known without parsing (a cache's answer), else undefined: the caller may parse elsewhere. */
  knownFacts?(path: string, text: string): ModuleFacts | undefined;
  /** Takes facts parsed elsewhere (a worker thread), as if factsOf had parsed them. */
  learn?(path: string, text: string, facts: ModuleFacts): void;
}

/** Parses each module with TypeScript's parser (syntax only: no type checker); loads it on first use. */
export class ModuleParser implements FactsSource {
  factsOf(path: string, text: string): ModuleFacts {
    loadTypeScript();
    // JSDoc is read only for `@deprecated` (see deprecated()): a module that never writes it is
    // parsed without JSDoc, a tenth of the parse on Microsoft Graph's description-heavy models.
    // JSDoc never adds a parse error to a .ts file, so the syntax verdict is the same either way.
    const jsDocParsingMode = text.includes('@deprecated') ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseNone;
    const sf = ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode }, false, ts.ScriptKind.TS);
    return { problems: parseProblems(path, sf), exports: localExports(sf), reexports: reexports(path, sf) };
  }
}

function parseProblems(path: string, sf: SourceFile): string[] {
  const diagnostics = (sf as unknown as { parseDiagnostics?: TypeScript.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(d.start);
    return `${path}:${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

function reexports(path: string, sf: SourceFile): ReExport[] {
  const out: ReExport[] = [];
  for (const decl of sf.statements) {
    if (!ts.isExportDeclaration(decl) || !decl.moduleSpecifier || !ts.isStringLiteral(decl.moduleSpecifier)) continue;
    const target = decl.moduleSpecifier.text;
    if (!target.startsWith('.')) continue;
    const named = decl.exportClause && ts.isNamedExports(decl.exportClause) ? decl.exportClause.elements : [];
    out.push({
      from: posix.join(posix.dirname(path), target).replace(/\.js$/, '.ts'),
      typeOnly: decl.isTypeOnly,
      names: named.map((spec) => ({ name: (spec.propertyName ?? spec.name).text, as: spec.name.text, typeOnly: spec.isTypeOnly })),
    });
  }
  return out;
}

/**
 * A module's exports in the order first added, one per name, found by name in constant time (an
 * API class of Microsoft Graph exports thousands of option and error types).
 */
export class ExportList {
  readonly items: Exported[] = [];
  private readonly byName = new Map<string, Exported>();

  /** Adds `e`; an enum's `export const X` plus `export type X` is one value export carrying both. */
  add(e: Exported): void {
    const prior = this.byName.get(e.name);
    if (!prior) {
      const added = { ...e };
      this.items.push(added);
      this.byName.set(e.name, added);
    } else if (prior.signature !== e.signature) {
      prior.typeOnly &&= e.typeOnly;
      prior.signature += `\n${e.signature}`;
    }
  }

  get(name: string): Exported | undefined {
    return this.byName.get(name);
  }
}

/** Classes, then interfaces, type aliases, constants and functions, each kind in source order. */
function localExports(sf: SourceFile): Exported[] {
  const out = new ExportList();
  const text = (node: Node) => node.getText(sf);
  const exports = new ExportedNames(sf);
  const all = sf.statements;
  for (const c of all.filter(ts.isClassDeclaration)) if (c.name && exports.isExported(c)) out.add({ name: c.name.text, typeOnly: false, signature: deprecated(c) + classSignature(c, sf) });
  for (const i of all.filter(ts.isInterfaceDeclaration)) {
    if (!exports.isExported(i)) continue;
    const heritage = (i.heritageClauses ?? []).filter((h) => h.token === ts.SyntaxKind.ExtendsKeyword).flatMap((h) => h.types.map(text));
    const members = i.members.map((m) => `  ${deprecated(m)}${oneLine(withoutDocs(text(m)))}`);
    out.add({ name: i.name.text, typeOnly: true, signature: [`${deprecated(i)}interface ${i.name.text}${typeParams(i, sf)}${heritage.length ? ` extends ${heritage.join(', ')}` : ''} {`, ...members, '}'].join('\n') });
  }
  for (const t of all.filter(ts.isTypeAliasDeclaration)) if (exports.isExported(t)) out.add({ name: t.name.text, typeOnly: true, signature: `${deprecated(t)}type ${t.name.text}${typeParams(t, sf)} = ${oneLine(withoutDocs(text(t.type)))};` });
  for (const v of all.filter(ts.isVariableStatement)) {
    if (!exports.isStatementExported(v)) continue;
    for (const d of v.declarationList.declarations) {
      const shape = d.type ? text(d.type) : oneLine(withoutDocs(d.initializer ? text(d.initializer) : ''));
      out.add({ name: text(d.name), typeOnly: false, signature: `${deprecated(v)}const ${text(d.name)}: ${shape};` });
    }
  }
  // A function's implementation stands for its overloads, as in ts-morph's getFunctions() (which postprocess used before).
  for (const f of all.filter(ts.isFunctionDeclaration)) {
    if (!f.body || !f.name || !exports.isExported(f)) continue;
    const params = f.parameters.map(text).join(', ');
    out.add({ name: f.name.text, typeOnly: false, signature: `${deprecated(f)}function ${f.name.text}${typeParams(f, sf)}(${oneLine(params)}): ${f.type ? text(f.type) : 'void'};` });
  }
  return out.items;
}

type Member = TypeScript.ClassElement;

function classSignature(c: TypeScript.ClassDeclaration, sf: SourceFile): string {
  const text = (node: Node) => node.getText(sf);
  const lines: string[] = [];
  const isStatic = (m: Member) => hasModifier(m, ts.SyntaxKind.StaticKeyword);
  const isPublic = (m: Member) => !hasModifier(m, ts.SyntaxKind.PrivateKeyword) && !hasModifier(m, ts.SyntaxKind.ProtectedKeyword) && !(m.name !== undefined && ts.isPrivateIdentifier(m.name));
  // Constructors and methods are listed by their implementations (abstract methods have none).
  const isListed = (m: Member) => ('body' in m && m.body !== undefined) || hasModifier(m, ts.SyntaxKind.AbstractKeyword);
  for (const ctor of c.members.filter(ts.isConstructorDeclaration)) {
    if (isListed(ctor) && isPublic(ctor)) lines.push(`  constructor(${oneLine(ctor.parameters.map(text).join(', '))});`);
  }
  for (const p of c.members.filter(ts.isPropertyDeclaration)) {
    if (!isPublic(p)) continue;
    const mods = `${isStatic(p) ? 'static ' : ''}${hasModifier(p, ts.SyntaxKind.ReadonlyKeyword) ? 'readonly ' : ''}`;
    lines.push(`  ${deprecated(p)}${mods}${text(p.name)}${p.questionToken ? '?' : ''}: ${p.type ? text(p.type) : 'unknown'};`);
  }
  for (const a of c.members.filter(ts.isGetAccessorDeclaration)) if (isPublic(a)) lines.push(`  ${isStatic(a) ? 'static ' : ''}get ${text(a.name)}(): ${a.type ? text(a.type) : 'unknown'};`);
  const methods = c.members.filter(ts.isMethodDeclaration);
  // Overload signatures by name, gathered in one pass: an API class of Microsoft Graph has thousands of methods.
  const signatureKey = (m: TypeScript.MethodDeclaration) => `${isStatic(m) ? 'static ' : ''}${text(m.name)}`;
  const overloadsOf = new Map<string, TypeScript.MethodDeclaration[]>();
  for (const o of methods) if (!isListed(o)) overloadsOf.set(signatureKey(o), [...(overloadsOf.get(signatureKey(o)) ?? []), o]);
  for (const m of methods) {
    if (!isListed(m) || !isPublic(m)) continue;
    const overloads = overloadsOf.get(signatureKey(m)) ?? [];
    for (const o of overloads.length ? overloads : [m]) {
      const params = o.parameters.map(text).join(', ');
      lines.push(`  ${deprecated(o)}${isStatic(m) ? 'static ' : ''}${text(o.name)}${typeParams(o, sf)}(${oneLine(params)}): ${o.type ? text(o.type) : 'unknown'};`);
    }
  }
  const base = (c.heritageClauses ?? []).find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const heritage = base ? ` extends ${text(base)}` : '';
  return [`class ${c.name!.text}${typeParams(c, sf)}${heritage} {`, ...lines, '}'].join('\n');
}

/** Deprecation is part of the surface: a declaration whose JSDoc has `@deprecated` shows it. */
function deprecated(node: Node): string {
  const docs = (node as { jsDoc?: TypeScript.JSDoc[] }).jsDoc ?? [];
  return docs.some((doc) => (doc.tags ?? []).some((tag) => tag.tagName.text === 'deprecated')) ? '/** @deprecated */ ' : '';
}

function typeParams(node: { typeParameters?: TypeScript.NodeArray<TypeScript.TypeParameterDeclaration> }, sf: SourceFile): string {
  const params = node.typeParameters ?? [];
  return params.length ? `<${params.map((p) => oneLine(p.getText(sf))).join(', ')}>` : '';
}

function withoutDocs(text: string): string {
  return text.replace(/\/\*\*[\s\S]*?\*\//g, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
