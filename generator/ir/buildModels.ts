// One ModelIR per component schema (the spec's and the lifted inline ones).
import { pointerOf } from '../diagnostics.ts';
import { camelize, NameRegistry, propertyKey, quote, toModelName } from '../naming.ts';
import type { NormalizedSpec } from '../normalize/normalize.ts';
import { hasProperties, isPlainObject, type Schema } from '../normalize/schema.ts';
import type { ModelIR, ModelKind, PropertyIR } from './types.ts';
import { collectRefs, printType, TypeMapper, type TsType } from './typeExpr.ts';
import { escapePipes, docLines, markdown, tableCell } from './text.ts';
import { ExampleWriter } from './examples.ts';
import { runtimeExportNames } from './runtimeNames.ts';
import { docType } from './docType.ts';

export function decideModelNames(spec: NormalizedSpec): Map<string, string> {
  const registry = new NameRegistry(runtimeExportNames());
  const names = new Map<string, string>();
  for (const key of spec.schemas.keys()) names.set(key, registry.claim(toModelName(key)));
  return names;
}

export function buildModels(spec: NormalizedSpec, names: Map<string, string>, mapper: TypeMapper, examples: ExampleWriter): ModelIR[] {
  const models: ModelIR[] = [];
  for (const [key, schema] of spec.schemas) {
    const name = names.get(key)!;
    models.push(buildModel(key, name, schema, spec, mapper, examples));
  }
  return models.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function buildModel(key: string, name: string, s: Schema, spec: NormalizedSpec, mapper: TypeMapper, examples: ExampleWriter): ModelIR {
  const inline = spec.inlineOrigins.has(key);
  const source = '#' + (inline ? spec.inlineOrigins.get(key)! : pointerOf(['components', 'schemas', key]));
  const base = {
    name,
    schemaKey: key,
    source,
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
    base.heritage = heritage.map((h) => (h.k === 'union' ? `(${printType(h)})` : printType(h)));
    kind = heritage.length > 0 ? 'intersection' : 'interface';
  } else {
    kind = 'alias';
    const type = mapper.typeOf({ ...s, nullable: false });
    collectRefs(type, refs);
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
  const out: Schema = { ...s, properties: { ...(s.properties ?? {}) }, required: [...(s.required ?? [])] };
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
