// Folds one raw schema (3.0 or 3.1) into the normalized `Schema` form, reporting what
// cannot be understood. Component references stay references: they become models.
import type { Diagnostics } from '../diagnostics.ts';
import type { NormalizedParameter, NormalizedResponse } from './normalize.ts';
import { escapePointerSegment, pointerOf, parsePointer, resolvePointer } from '../pointer.ts';
import { resolveMapping, resolveTarget } from './discriminatorMapping.ts';
import { isPlainObject, propertyMap, rawComponentSchemas, refName, refTo, type Schema } from './schema.ts';

const KNOWN_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

export interface SchemaContext {
  document: Record<string, unknown>;
  diagnostics: Diagnostics;
  /**
   * Where each normalized schema came from, for located errors in later stages. Maps, not
   * WeakMaps: the spec keeps its schemas alive anyway, and a WeakMap's set costs more (a million
   * schemas on Microsoft Graph beta).
   */
  pointers: Map<object, string>;
  /** Each normalized schema's raw text as written, for telling identical inline schemas apart. */
  written: Map<object, unknown>;
  /** Non-component references being expanded, to stop on cycles. */
  expanding: Set<string>;
  /**
   * Non-component references already expanded, by ref: each is normalized once and its
   * subtree shared by every use, so references forming a DAG cost time linear in the
   * document instead of doubling per level.
   */
  expanded: Map<string, Schema>;
  /**
   * Non-component references that refer back to themselves (`#/components/schemas/Report/definitions/part`
   * whose items are `part` again), by ref: such a schema cannot be expanded in place, so it becomes
   * a model of its own, named from where it is written.
   */
  hoisted: Map<string, { name: string; schema?: Schema }>;
  /** Each `#...` reference's target, by ref: Graph's operations name the same few thousand targets 50,000 times. */
  targets: Map<string, unknown>;
  /**
   * Parameters and referenced responses already read, by the pointer of where they are written:
   * a path's parameters serve each of its methods, and Graph's operations refer to the same few
   * responses 50,000 times. What is read at a place depends on that place alone, and its
   * diagnostics are reported once anyway, so each is read once; every use gets its own copy of
   * the objects later stages change, and shares the schemas.
   */
  parametersAt: Map<string, NormalizedParameter[]>;
  responsesAt: Map<string, Omit<NormalizedResponse, 'status'>>;
}

/** Checks a `$ref` and returns its target, or reports it and returns undefined. */
export function checkRef(ref: unknown, at: string, ctx: SchemaContext): unknown {
  if (typeof ref !== 'string') {
    ctx.diagnostics.error(at, '$ref must be a string', 'WRONG_TYPE');
    return undefined;
  }
  if (!ref.startsWith('#')) {
    ctx.diagnostics.error(at, `external $ref '${ref}' is not supported: bundle the spec into one file first`, 'REF_EXTERNAL');
    return undefined;
  }
  let target = ctx.targets.get(ref);
  if (target === undefined && !ctx.targets.has(ref)) {
    target = resolvePointer(ctx.document, ref);
    ctx.targets.set(ref, target);
  }
  if (target === undefined) ctx.diagnostics.error(at, `$ref '${ref}' points to nothing`, 'REF_UNRESOLVED');
  return target;
}

/**
 * Deepest schema nesting read, in JSON pointer segments. Far beyond any real spec; deeper
 * documents would only exhaust the stack here or in TypeScript's own parser.
 */
export const MAX_SCHEMA_DEPTH = 160;

/** A documentation field's text; one that is present but not a string is reported and read as absent. */
export function textField(owner: Record<string, unknown>, key: string, at: string, diagnostics: Diagnostics): string | undefined {
  const value = owner[key];
  if (value === undefined || typeof value === 'string') return value;
  diagnostics.error(`${at}/${key}`, `${key} must be a string (found ${Array.isArray(value) ? 'a list' : typeof value})`, 'WRONG_TYPE');
  return undefined;
}

/**
 * `at` is `pointerOf(segments)`; a schema's children get it grown from their parent's (one short
 * string each) instead of each rebuilding it from all its segments.
 */
export function normalizeSchema(raw: unknown, segments: Array<string | number>, ctx: SchemaContext, at = pointerOf(segments)): Schema {
  if (segments.length > MAX_SCHEMA_DEPTH) {
    ctx.diagnostics.error(at, `schema nested deeper than ${MAX_SCHEMA_DEPTH} levels; flatten it into components`, 'SCHEMA_TOO_DEEP');
    return track({}, raw, at, ctx);
  }
  if (raw === true || (isPlainObject(raw) && Object.keys(raw).length === 0)) return track({}, raw, at, ctx);
  if (raw === false) return track({ not: {} }, raw, at, ctx);
  if (!isPlainObject(raw)) {
    ctx.diagnostics.error(at, 'a schema must be an object', 'WRONG_TYPE');
    return track({}, raw, at, ctx);
  }
  if ('$ref' in raw) return normalizeRef(raw, segments, ctx, at);
  if (raw.$recursiveRef === '#' && segments[0] === 'components' && segments[1] === 'schemas') {
    // JSON Schema 2019-09 recursion to the enclosing component: a reference to it.
    return track({ $ref: refTo(String(segments[2])), 'x-recursive': true }, raw, at, ctx);
  }

  const s: Schema = { ...(raw as Schema) };
  track(s, raw, at, ctx);
  for (const key of ['title', 'description']) if (textField(s, key, at, ctx.diagnostics) === undefined) delete s[key];
  foldTypes(s, at, ctx);
  if (s.properties !== undefined) {
    if (!isPlainObject(s.properties)) {
      ctx.diagnostics.error(`${at}/properties`, 'properties must be an object', 'WRONG_TYPE');
      delete s.properties;
    } else {
      s.properties = propertyMap(Object.entries(s.properties).map(([name, prop]) => [name, normalizeSchema(prop, [...segments, 'properties', name], ctx, `${at}/properties/${escapePointerSegment(name)}`)]));
    }
  }
  if (s.required !== undefined && !(Array.isArray(s.required) && s.required.every((r) => typeof r === 'string'))) {
    ctx.diagnostics.error(`${at}/required`, 'required must be a list of property names', 'WRONG_TYPE');
    delete s.required;
  }
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) {
      ctx.diagnostics.error(`${at}/items`, 'items must be a single schema (tuple items are not supported)', 'TUPLE_ITEMS');
      delete s.items;
    } else s.items = normalizeSchema(s.items, [...segments, 'items'], ctx, `${at}/items`);
  }
  if (isPlainObject(s.additionalProperties)) {
    s.additionalProperties = normalizeSchema(s.additionalProperties, [...segments, 'additionalProperties'], ctx, `${at}/additionalProperties`);
  }
  if (s.not !== undefined) s.not = normalizeSchema(s.not, [...segments, 'not'], ctx, `${at}/not`);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = s[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) {
      ctx.diagnostics.error(`${at}/${key}`, `${key} must be a non-empty list of schemas`, 'WRONG_TYPE');
      delete s[key];
      continue;
    }
    s[key] = list.map((member, i) => normalizeSchema(member, [...segments, key, i], ctx, `${at}/${key}/${i}`));
  }
  if (s.discriminator !== undefined) checkDiscriminator(s, at, ctx);
  foldAnnotationOnlyAllOf(s);
  simplifyUnion(s, 'oneOf');
  simplifyUnion(s, 'anyOf');
  simplifyStringAnyOf(s);
  return s;
}

function track<T extends object>(s: T, raw: unknown, at: string, ctx: SchemaContext): T {
  ctx.pointers.set(s, at);
  ctx.written.set(s, raw);
  return s;
}

function normalizeRef(raw: Record<string, unknown>, segments: Array<string | number>, ctx: SchemaContext, at: string): Schema {
  const ref = raw.$ref as string;
  const target = checkRef(ref, `${at}/$ref`, ctx);
  // Keep 3.1 sibling keywords that matter to users; the referenced schema decides the shape.
  const siblings: Schema = {};
  for (const key of ['description', 'deprecated', 'readOnly', 'writeOnly', 'nullable', 'default', 'example', 'examples'] as const) {
    if (raw[key] !== undefined) (siblings as Record<string, unknown>)[key] = raw[key];
  }
  if (target === undefined) return track({ ...siblings }, raw, at, ctx);
  if (refName(ref) !== undefined) return track({ ...siblings, $ref: ref }, raw, at, ctx);
  // A reference somewhere else (a path's schema, a response's schema) is expanded in place,
  // unless it refers back to itself: then it becomes a model, and every use a reference to it.
  if (ctx.expanding.has(ref)) return track({ ...siblings, $ref: hoist(ref, ctx) }, raw, at, ctx);
  const known = ctx.expanded.get(ref);
  if (known !== undefined) return { ...known, ...siblings };
  ctx.expanding.add(ref);
  try {
    const expanded = normalizeSchema(target, parsePointer(ref), ctx);
    const hoisted = ctx.hoisted.get(ref);
    if (hoisted === undefined) {
      ctx.expanded.set(ref, expanded);
      return { ...expanded, ...siblings };
    }
    hoisted.schema = expanded;
    const reference: Schema = { $ref: refTo(hoisted.name) };
    ctx.expanded.set(ref, reference);
    return track({ ...siblings, ...reference }, raw, at, ctx);
  } finally {
    ctx.expanding.delete(ref);
  }
}

const SCHEMA_KEYWORDS = new Set(['properties', 'items', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', 'not', 'definitions', '$defs', 'prefixItems']);

/** The last segment that names something (a property, a definition), not a keyword or a position. */
function lastName(segments: string[]): string {
  return segments.filter((s) => !SCHEMA_KEYWORDS.has(s) && !/^\d+$/.test(s)).at(-1) ?? segments.at(-1) ?? 'Recursive';
}

/**
 * The component name a self-referring schema is moved to: its component's name and the last name
 * on the way to it (`Report_part` for `Report/definitions/part`; Azure's nest ten levels deep), or
 * its last two pointer segments elsewhere, made unique against the document's components and the
 * names already given.
 */
function hoist(ref: string, ctx: SchemaContext): string {
  const known = ctx.hoisted.get(ref);
  if (known !== undefined) return refTo(known.name);
  const segments = parsePointer(ref).map(String);
  const parts = segments[0] === 'components' && segments[1] === 'schemas' ? [segments[2]!, lastName(segments.slice(3))] : segments.slice(-2);
  const base = parts.join('_') || 'Recursive';
  const taken = new Set([...Object.keys(rawComponentSchemas(ctx.document)), ...[...ctx.hoisted.values()].map((h) => h.name)]);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  ctx.hoisted.set(ref, { name });
  return refTo(name);
}

/** 3.1 type lists and `null` enum values become `nullable`; 3.0 boolean exclusive bounds become numbers. */
function foldTypes(s: Schema, at: string, ctx: SchemaContext): void {
  if (Array.isArray(s.type)) {
    const types = s.type.filter((t) => t !== 'null');
    if (types.length !== s.type.length) s.nullable = true;
    s.type = types.length === 1 ? types[0] : types.length === 0 ? 'null' : types;
  }
  if (s.type !== undefined) {
    const types = (Array.isArray(s.type) ? s.type : [s.type]).map((t) => foldUnknownType(t, at, ctx));
    s.type = types.length === 1 ? types[0] : types;
  }
  if (s.type === 'null') {
    delete s.type;
    s.nullable = true;
    (s as Record<string, unknown>).const = null;
  }
  if (s.enum !== undefined) {
    if (!Array.isArray(s.enum) || s.enum.length === 0) {
      ctx.diagnostics.error(`${at}/enum`, 'enum must be a non-empty list', 'WRONG_TYPE');
      delete s.enum;
    } else if (s.enum.includes(null)) {
      s.enum = s.enum.filter((v) => v !== null);
      s.nullable = true;
      if (s.enum.length === 0) {
        delete s.enum;
        s.const = null;
      }
    }
  }
  if (s.exclusiveMinimum === true) s.exclusiveMinimum = s.minimum;
  if (s.exclusiveMaximum === true) s.exclusiveMaximum = s.maximum;
  if (s.exclusiveMinimum === false) delete s.exclusiveMinimum;
  if (s.exclusiveMaximum === false) delete s.exclusiveMaximum;
}

// Formats written where a type belongs (seen in real specs: `type: int64`) mean their type.
const TYPE_OF_FORMAT: Record<string, string> = { int32: 'integer', int64: 'integer', float: 'number', double: 'number' };

function foldUnknownType(t: unknown, at: string, ctx: SchemaContext): string {
  if (typeof t === 'string' && KNOWN_TYPES.has(t)) return t;
  const guess = typeof t === 'string' && Object.hasOwn(TYPE_OF_FORMAT, t) ? TYPE_OF_FORMAT[t] : undefined;
  if (guess) {
    ctx.diagnostics.warning(`${at}/type`, `type ${JSON.stringify(t)} is a format, not a type; read as ${guess}`, 'TYPE_IS_FORMAT');
    return guess;
  }
  ctx.diagnostics.error(`${at}/type`, `unknown type ${JSON.stringify(t)}`, 'UNKNOWN_TYPE');
  return 'null';
}

const ANNOTATIONS = new Set(['description', 'nullable', 'deprecated', 'readOnly', 'writeOnly', 'title', 'default', 'example', 'examples']);

/** `allOf: [$ref, {nullable: true}]`: members that only annotate belong to the wrapper. */
function foldAnnotationOnlyAllOf(s: Schema): void {
  if (!s.allOf || s.allOf.length < 2) return;
  const annotationOnly = (m: Schema) => Object.keys(m).every((k) => ANNOTATIONS.has(k) || k.startsWith('x-'));
  const kept = s.allOf.filter((m) => !annotationOnly(m));
  if (kept.length === s.allOf.length || kept.length === 0) return;
  for (const m of s.allOf.filter(annotationOnly)) {
    for (const [k, v] of Object.entries(m)) if (s[k] === undefined) s[k] = v;
  }
  s.allOf = kept;
}

function isNullSchema(s: Schema): boolean {
  return s.const === null && s.type === undefined && s.$ref === undefined && !s.enum && !s.properties && !s.items;
}

/**
 * Like openapi-generator's normalizer: `null` members of a union become `nullable`, and a
 * union left with one member is that member. This decides which unions need a model.
 */
function simplifyUnion(s: Schema, key: 'oneOf' | 'anyOf'): void {
  const list = s[key];
  if (!list) return;
  const members = list.filter((m) => !isNullSchema(m));
  if (members.length !== list.length) s.nullable = true;
  if (members.length === 1 && !s.discriminator && !s.properties && !s.allOf && !s[key === 'oneOf' ? 'anyOf' : 'oneOf']) {
    const only = members[0]!;
    delete s[key];
    if (only.$ref !== undefined) {
      // Keep the reference as one allOf member so the wrapper's description and nullability survive.
      s.allOf = [only];
    } else {
      // The member's title stays behind, as in openapi-generator's normalizer.
      for (const [k, v] of Object.entries(only)) if ((s[k] === undefined || k === 'type') && k !== 'title') s[k] = v;
      if (only.nullable) s.nullable = true;
    }
    return;
  }
  if (members.length === 0) {
    delete s[key];
    s.const = null;
    return;
  }
  s[key] = members;
}

/** `anyOf: [string, string enum]` is an open enum: any string, with known values. */
function simplifyStringAnyOf(s: Schema): void {
  const list = s.anyOf;
  if (!list || list.length < 2 || s.properties || s.allOf || s.oneOf) return;
  const allStrings = list.every((m) => m.type === 'string' && m.$ref === undefined && !m.anyOf && !m.oneOf && !m.allOf);
  if (!allStrings || list.every((m) => m.enum !== undefined)) return;
  const values = list.flatMap((m) => m.enum ?? (m.const !== undefined ? [m.const] : []));
  delete s.anyOf;
  s.type = 'string';
  if (values.length > 0) {
    s.enum = [...new Set(values)];
    s['x-open-enum'] = true;
  }
  for (const m of list) if (m.description && !s.description) s.description = m.description;
}

function checkDiscriminator(s: Schema, at: string, ctx: SchemaContext): void {
  const d = s.discriminator as unknown;
  if (!isPlainObject(d) || typeof d.propertyName !== 'string') {
    ctx.diagnostics.error(`${at}/discriminator`, 'discriminator needs a propertyName', 'DISCRIMINATOR_INVALID');
    delete s.discriminator;
    return;
  }
  if (d.mapping !== undefined && !isPlainObject(d.mapping)) {
    ctx.diagnostics.warning(`${at}/discriminator/mapping`, 'discriminator mapping must be an object; it is left out', 'DISCRIMINATOR_INVALID');
  }
  // A copy: the document as written stays as it is for everything else that reads it. The 3.2
  // defaultMapping needs nothing more: the member it names keeps an open tag in the union.
  const discriminator: NonNullable<Schema['discriminator']> = { ...d, propertyName: d.propertyName };
  delete discriminator.mapping;
  delete discriminator.defaultMapping;
  if (isPlainObject(d.mapping)) discriminator.mapping = resolveMapping(s, d.mapping, `${at}/discriminator/mapping`, ctx);
  const fallback = d.defaultMapping === undefined ? undefined : resolveTarget(s, d.defaultMapping, `${at}/discriminator/defaultMapping`, ctx);
  if (fallback !== undefined) discriminator.defaultMapping = fallback;
  s.discriminator = discriminator;
}
