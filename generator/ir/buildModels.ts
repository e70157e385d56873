// One ModelIR per component schema (the spec's and the lifted inline ones).
import { camelize, MAX_TYPE_NAME, NameRegistry, propertyKey, quote, reservedModelName, toModelName } from '../naming.ts';
import { schemaPointer, type NormalizedSpec } from '../normalize/normalize.ts';
import { hasProperties, isPlainObject, propertyMap, type Schema } from '../normalize/schema.ts';
import type { ModelIR, ModelKind, PropertyIR } from './types.ts';
import { collectRefs, printType, TypeMapper, type TsType } from './typeExpr.ts';
import { escapePipes, docLines, lineComment, markdown, tableCell } from './text.ts';
import { ExampleWriter } from './examples.ts';
import { runtimeExportNames } from './runtimeNames.ts';
import { docType } from './docType.ts';

/**
 * Model names, in schema order. A name that would shadow a global or is no file name on Windows
 * gets openapi-generator's `Model` prefix; one an API class or the runtime already takes gets a
 * number. Each such rename is a warning; a name too long for a file is an error.
 */
export function decideModelNames(spec: NormalizedSpec, apiClassNames: Iterable<string>): Map<string, string> {
  const registry = new NameRegistry([...runtimeExportNames(), ...apiClassNames]);
  const modelNames = new Set<string>();
  const names = new Map<string, string>();
  for (const key of spec.schemas.keys()) {
    const at = schemaPointer(spec, key);
    let wanted = toModelName(key);
    if (wanted.length > MAX_TYPE_NAME) spec.diagnostics.error(at, `schema name gives model ${wanted.slice(0, 40)}…, ${wanted.length} characters: longer than ${MAX_TYPE_NAME}, too long for a file name`);
    const reason = reservedModelName(wanted);
    if (reason) {
      spec.diagnostics.warning(at, `model ${wanted} would be ${reason}; named Model${wanted}`);
      wanted = `Model${wanted}`;
    }
    const name = registry.claim(wanted);
    // Clashes between schemas are reported by the normalizer; these are with the rest of the package.
    if (name !== wanted && !modelNames.has(wanted.toLowerCase())) spec.diagnostics.warning(at, `model ${wanted} would clash with an API class or a runtime export; named ${name}`);
    modelNames.add(name.toLowerCase());
    names.set(key, name);
  }
  return names;
}

export function buildModels(spec: NormalizedSpec, names: Map<string, string>, mapper: TypeMapper, examples: ExampleWriter): ModelIR[] {
  const models: ModelIR[] = [];
  const eager = new Map<string, Set<string>>();
  for (const [key, schema] of spec.schemas) {
    const name = names.get(key)!;
    models.push(buildModel(key, name, schema, spec, mapper, examples, eager));
  }
  reportAliasCycles(spec, names, eager);
  return models.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * `type A = B; type B = A | string` is no type at all (TS2456): a cycle of models that refer
 * to each other only through `$ref`, allOf, oneOf or anyOf. A reference inside a property or
 * an array breaks the cycle. Each cycle is one error, at its first schema.
 */
function reportAliasCycles(spec: NormalizedSpec, names: Map<string, string>, eager: Map<string, Set<string>>): void {
  const keyOf = new Map([...names].map(([key, name]) => [name, key]));
  const reported = new Set<string>();
  for (const [start] of spec.schemas) {
    const name = names.get(start)!;
    if (reported.has(name)) continue;
    const cycle = findCycle(name, eager);
    if (!cycle) continue;
    cycle.forEach((n) => reported.add(n));
    const path = [...cycle, cycle[0]].map((n) => keyOf.get(n) ?? n).join(' → ');
    spec.diagnostics.error(schemaPointer(spec, start), `schema '${start}' refers to itself through $ref, allOf, oneOf or anyOf alone (${path}); no type can say that: put the reference inside a property or an array`);
  }
}

/** The models of a cycle through `from`, in order, or undefined. */
function findCycle(from: string, eager: Map<string, Set<string>>): string[] | undefined {
  const path: string[] = [];
  const done = new Set<string>();
  const visit = (name: string): string[] | undefined => {
    if (name === from && path.length > 0) return [...path];
    if (done.has(name) || path.includes(name)) return undefined;
    path.push(name);
    for (const next of eager.get(name) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    done.add(name);
    return undefined;
  };
  return visit(from);
}

/** Models a type names where TypeScript resolves them at once (not inside an object or array). */
function eagerRefs(t: TsType, into = new Set<string>()): Set<string> {
  if (t.k === 'ref') into.add(t.model);
  if (t.k === 'union' || t.k === 'inter') t.of.forEach((m) => eagerRefs(m, into));
  return into;
}

function buildModel(key: string, name: string, s: Schema, spec: NormalizedSpec, mapper: TypeMapper, examples: ExampleWriter, eager: Map<string, Set<string>>): ModelIR {
  const inline = spec.inlineOrigins.has(key);
  const source = '#' + schemaPointer(spec, key);
  const base = {
    name,
    schemaKey: key,
    source,
    sourceComment: lineComment(source),
    inline,
    docLines: docLines(s.description, s.deprecated ? ['@deprecated'] : []),
    description: markdown(s.description),
    deprecated: s.deprecated === true,
    heritage: [] as string[],
    properties: [] as PropertyIR[],
    indexSignature: undefined as string | undefined,
    tsType: '',
    enumMembers: [] as ModelIR['enumMembers'],
    example: examples.write({ ...s, nullable: false }),
  };
  const refs = new Set<string>();
  let kind: ModelKind;

  const stringEnum = Array.isArray(s.enum) && !s['x-open-enum'] && s.enum.every((v) => typeof v === 'string') && s.$ref === undefined && !s.allOf && !s.oneOf && !s.anyOf;
  const objectLike = s.$ref === undefined && (hasProperties(s) || (s.type === 'object' && isPlainObject(s.additionalProperties)) || (s.allOf !== undefined && s.allOf.some(hasProperties)));
  if (stringEnum) {
    kind = 'enum';
    const keys = new NameRegistry();
    base.enumMembers = (s.enum as string[]).map((v) => ({ key: keys.claim(enumKey(v)), literal: quote(v), literalMarkdown: escapePipes(quote(v)) }));
  } else if (objectLike) {
    // Own properties plus those of inline allOf members (openapi-generator merges those too).
    const merged = mergeAllOfInline(s);
    const heritage: TsType[] = (merged.allOf ?? []).map((m) => mapper.typeOf(m));
    if (merged.oneOf) heritage.push(mapper.unionOf(merged, merged.oneOf));
    if (merged.anyOf) heritage.push(mapper.unionOf(merged, merged.anyOf));
    base.properties = Object.entries(merged.properties ?? {}).map(([prop, p]) => {
      const type = mapper.typeOf(p);
      collectRefs(type, refs);
      return property(prop, p, type, (merged.required ?? []).includes(prop));
    });
    const index = mapper.indexType(merged);
    if (index) {
      collectRefs(index, refs);
      base.indexSignature = printType(index);
    }
    heritage.forEach((h) => collectRefs(h, refs));
    eager.set(name, eagerRefs({ k: 'inter', of: heritage }));
    base.heritage = heritage.map((h) => (h.k === 'union' ? `(${printType(h)})` : printType(h)));
    kind = heritage.length > 0 ? 'intersection' : 'interface';
  } else {
    kind = 'alias';
    const type = mapper.typeOf({ ...s, nullable: false });
    collectRefs(type, refs);
    eager.set(name, eagerRefs(type));
    base.tsType = printType(type);
  }
  refs.delete(name);
  return {
    ...base,
    kind,
    isInterface: kind === 'interface',
    isIntersection: kind === 'intersection',
    isAlias: kind === 'alias',
    isEnum: kind === 'enum',
    imports: [...refs].sort(),
    tsTypeMarkdown: base.tsType, // shown in a code span; literals inside were quoted, so no backtick
    docKind: kind === 'enum' ? 'enum' : kind === 'alias' ? 'type alias' : 'object',
  };
}

function property(wireName: string, p: Schema, type: TsType, required: boolean): PropertyIR {
  const notes = [required ? '' : '[optional]', p.readOnly ? '[readonly]' : '', p.deprecated ? '[deprecated]' : '', p.default !== undefined && isScalar(p.default) ? `[default to ${String(p.default)}]` : '']
    .filter(Boolean)
    .join(' ');
  return {
    wireName,
    wireNameMarkdown: tableCell(wireName),
    key: propertyKey(wireName),
    tsType: printType(type),
    optional: !required,
    readonly: p.readOnly === true,
    docLines: docLines(p.description, p.deprecated ? ['@deprecated'] : []),
    description: tableCell(p.description),
    docType: docType(type),
    notes: tableCell(notes),
  };
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Inline allOf members that are plain objects are folded into the parent's own properties. */
function mergeAllOfInline(s: Schema): Schema {
  if (!s.allOf) return s;
  const out: Schema = { ...s, properties: propertyMap(Object.entries(s.properties ?? {})), required: [...(s.required ?? [])] };
  const rest: Schema[] = [];
  for (const m of s.allOf) {
    if (m.$ref === undefined && !m.allOf && !m.oneOf && !m.anyOf && (m.type === undefined || m.type === 'object')) {
      Object.assign(out.properties!, m.properties ?? {});
      out.required!.push(...(m.required ?? []));
      if (m.additionalProperties !== undefined && out.additionalProperties === undefined) out.additionalProperties = m.additionalProperties;
    } else rest.push(m);
  }
  out.allOf = rest.length > 0 ? rest : undefined;
  return out;
}

function enumKey(value: string): string {
  // SHOUTING_CASE values read better as PascalCase keys: US_STORAGE → UsStorage.
  const key = camelize(/^[A-Z0-9_]+$/.test(value) ? value.toLowerCase() : value);
  if (key === '') return 'Empty';
  return /^[0-9]/.test(key) ? `Value${key}` : key;
}
