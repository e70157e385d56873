// One ModelIR per component schema (the spec's and the lifted inline ones).
import { createHash } from 'node:crypto';
import { MAX_TYPE_NAME, NameRegistry, reservedModelName, toModelName } from '../naming.ts';
import { schemaPointer, type NormalizedSpec } from '../normalize/normalize.ts';
import { hasProperties, isPlainObject, propertyMap, type Schema } from '../normalize/schema.ts';
import type { ModelIR, PropertyIR, TsType } from './types.ts';
import type { TypeMapper } from './typeExpr.ts';
import type { ExampleWriter } from './examples.ts';
import { runtimeExportNames } from './runtimeNames.ts';

/**
 * Model names, in schema order. A name that would shadow a global or is no file name on Windows
 * gets openapi-generator's `Model` prefix; one an API class, the runtime or the webhooks file takes gets a
 * number. Each such rename is a warning; a lifted inline schema's name too long for a file is shortened
 * (with a warning), a component's is an error.
 */
export function decideModelNames(spec: NormalizedSpec, takenNames: Iterable<string>): Map<string, string> {
  const registry = new NameRegistry([...runtimeExportNames(), ...takenNames]);
  const modelNames = new Set<string>();
  const names = new Map<string, string>();
  for (const key of spec.schemas.keys()) {
    const at = schemaPointer(spec, key);
    let wanted = toModelName(key);
    if (wanted.length > MAX_TYPE_NAME && spec.inlineOrigins.has(key)) {
      // A name we made from a deep path of inline schemas (Azure nests ten levels): shortened, kept unique by a hash.
      const short = `${wanted.slice(0, MAX_TYPE_NAME - 9)}_${createHash('sha256').update(wanted).digest('hex').slice(0, 8)}`;
      spec.diagnostics.warning(at, `model ${wanted.slice(0, 40)}…, ${wanted.length} characters, is too long for a file name; named ${short}`, 'MODEL_RENAMED');
      wanted = short;
    }
    if (wanted.length > MAX_TYPE_NAME) spec.diagnostics.error(at, `schema name gives model ${wanted.slice(0, 40)}…, ${wanted.length} characters: longer than ${MAX_TYPE_NAME}, too long for a file name`, 'NAME_TOO_LONG');
    const reason = reservedModelName(wanted);
    if (reason) {
      spec.diagnostics.warning(at, `model ${wanted} would be ${reason}; named Model${wanted}`, 'MODEL_RENAMED');
      wanted = `Model${wanted}`;
    }
    const name = registry.claim(wanted);
    // Clashes between schemas are reported by the normalizer; these are with the rest of the package.
    if (name !== wanted && !modelNames.has(wanted.toLowerCase())) spec.diagnostics.warning(at, `model ${wanted} would clash with an API class, a runtime export or a webhook type; named ${name}`, 'MODEL_RENAMED');
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
    const path = [...cycle, cycle[0] ?? name].map((n) => keyOf.get(n) ?? n).join(' → ');
    spec.diagnostics.error(schemaPointer(spec, start), `schema '${start}' refers to itself through $ref, allOf, oneOf or anyOf alone (${path}); no type can say that: put the reference inside a property or an array`, 'RECURSIVE_ALIAS');
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
  if (t.kind === 'reference') into.add(t.model);
  if (t.kind === 'union' || t.kind === 'intersection') t.members.forEach((m) => eagerRefs(m, into));
  return into;
}

function buildModel(key: string, name: string, s: Schema, spec: NormalizedSpec, mapper: TypeMapper, examples: ExampleWriter, eager: Map<string, Set<string>>): ModelIR {
  const model: ModelIR = {
    name,
    schemaKey: key,
    source: '#' + schemaPointer(spec, key),
    inline: spec.inlineOrigins.has(key),
    kind: 'alias',
    description: s.description,
    deprecated: s.deprecated === true,
    heritage: [],
    properties: [],
    enumValues: [],
    example: examples.write({ ...s, nullable: false }),
  };
  const stringEnum = Array.isArray(s.enum) && !s['x-open-enum'] && s.enum.every((v) => typeof v === 'string') && s.$ref === undefined && !s.allOf && !s.oneOf && !s.anyOf;
  const objectLike = s.$ref === undefined && (hasProperties(s) || (s.type === 'object' && isPlainObject(s.additionalProperties)) || (s.allOf !== undefined && s.allOf.some(hasProperties)));
  if (stringEnum) {
    model.kind = 'enum';
    model.enumValues = s.enum as string[];
  } else if (objectLike) {
    // Own properties plus those of inline allOf members (openapi-generator merges those too).
    const merged = mergeAllOfInline(s);
    const heritage: TsType[] = (merged.allOf ?? []).map((m) => mapper.typeOf(m));
    if (merged.oneOf) heritage.push(mapper.unionOf(merged, merged.oneOf));
    if (merged.anyOf) heritage.push(mapper.unionOf(merged, merged.anyOf));
    model.properties = Object.entries(merged.properties ?? {}).map(([prop, p]) => property(prop, p, mapper.typeOf(p), (merged.required ?? []).includes(prop)));
    model.additional = mapper.indexType(merged);
    eager.set(name, eagerRefs({ kind: 'intersection', members: heritage }));
    model.heritage = heritage;
    model.kind = heritage.length > 0 ? 'intersection' : 'interface';
  } else {
    model.type = mapper.typeOf({ ...s, nullable: false });
    eager.set(name, eagerRefs(model.type));
  }
  return model;
}

function property(name: string, p: Schema, type: TsType, required: boolean): PropertyIR {
  return {
    name,
    type,
    required,
    readonly: p.readOnly === true,
    deprecated: p.deprecated === true,
    description: p.description,
    default: isScalar(p.default) ? p.default : undefined,
  };
}

function isScalar(v: unknown): v is string | number | boolean {
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
