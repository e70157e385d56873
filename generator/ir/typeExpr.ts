// Schema → TypeScript type, as a tree (see TsType): unions are flattened and de-duplicated here,
// the view prints them.
import type { PrimitiveName, TsType } from './types.ts';
import { isArraySchema, isPlainObject, refName, type Schema } from '../normalize/schema.ts';

const primitive = (name: PrimitiveName): TsType => ({ kind: 'primitive', name });

export const T = {
  string: primitive('string'),
  number: primitive('number'),
  boolean: primitive('boolean'),
  unknown: primitive('unknown'),
  null: primitive('null'),
  never: primitive('never'),
  void: primitive('void'),
  binary: primitive('binary'),
  openString: { kind: 'openString' } as TsType,
};

/** Whether a type is the primitive of that name. */
export function isPrimitive(t: TsType, name: PrimitiveName): boolean {
  return t.kind === 'primitive' && t.name === name;
}

export interface ModelLookup {
  /** Model name for a component key, or undefined when the key is unknown. */
  nameOf(schemaKey: string): string | undefined;
  schemaOf(schemaKey: string): Schema | undefined;
}

export function union(types: TsType[]): TsType {
  const flat: TsType[] = [];
  const seen = new Set<string>();
  for (const t of types) {
    for (const part of t.kind === 'union' ? t.members : [t]) {
      const key = typeKey(part);
      if (!seen.has(key)) {
        seen.add(key);
        flat.push(part);
      }
    }
  }
  if (flat.some((m) => isPrimitive(m, 'unknown'))) return T.unknown;
  return flat.length === 1 ? flat[0]! : flat.length === 0 ? T.never : { kind: 'union', members: flat };
}

export function intersection(types: TsType[]): TsType {
  const parts = types.filter((t) => !isPrimitive(t, 'unknown'));
  return parts.length === 1 ? parts[0]! : parts.length === 0 ? T.unknown : { kind: 'intersection', members: parts };
}

/** A text that is equal for equal types (members are compared by it). */
export function typeKey(t: TsType): string {
  // Only a type with members can hold an undefined (an object's `additional`); the common leaves
  // (null, a model) skip the replacer, which makes JSON.stringify several times slower.
  if (t.kind === 'primitive' || t.kind === 'reference' || t.kind === 'literal' || t.kind === 'openString') return JSON.stringify(t);
  return JSON.stringify(t, (_key, value: unknown) => (value === undefined ? null : value));
}

/** Every model name a type mentions. */
export function collectRefs(t: TsType, into: Set<string>): Set<string> {
  switch (t.kind) {
    case 'reference':
      into.add(t.model);
      break;
    case 'array':
      collectRefs(t.items, into);
      break;
    case 'record':
      collectRefs(t.values, into);
      break;
    case 'union':
    case 'intersection':
      t.members.forEach((m) => collectRefs(m, into));
      break;
    case 'object':
      t.properties.forEach((p) => collectRefs(p.type, into));
      if (t.additional) collectRefs(t.additional, into);
      break;
  }
  return into;
}

export function literal(value: unknown): TsType {
  if (typeof value === 'string' || typeof value === 'boolean') return { kind: 'literal', value };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'literal', value };
  if (value === null) return T.null;
  return T.unknown; // objects as enum values have no literal type
}

/** The literal values a schema pins (single-value enum or const), if any. */
export function pinnedValues(s: Schema): unknown[] | undefined {
  if (s.const !== undefined) return [s.const];
  if (Array.isArray(s.enum) && !s['x-open-enum']) return s.enum;
  return undefined;
}

export class TypeMapper {
  constructor(private readonly models: ModelLookup) {}

  /** The type of a schema used in a property, parameter or body; `null` is added when nullable. */
  typeOf(s: Schema): TsType {
    const base = this.baseType(s);
    // Model types never include a top-level null: a nullable component is nullable where it is used.
    const key = s.$ref === undefined ? undefined : refName(s.$ref);
    const nullable = s.nullable || (key !== undefined && this.models.schemaOf(key)?.nullable === true);
    return nullable ? union([base, T.null]) : base;
  }

  refType(ref: string): TsType {
    const key = refName(ref);
    const name = key === undefined ? undefined : this.models.nameOf(key);
    return name === undefined ? T.unknown : { kind: 'reference', model: name };
  }

  private baseType(s: Schema): TsType {
    if (s.$ref !== undefined) return this.refType(s.$ref);
    const parts: TsType[] = [];
    const own = this.ownType(s);
    if (own) parts.push(own);
    if (s.allOf) parts.push(...s.allOf.map((m) => this.typeOf(m)));
    if (s.oneOf) parts.push(this.unionOf(s, s.oneOf));
    if (s.anyOf) parts.push(this.unionOf(s, s.anyOf));
    return parts.length === 0 ? T.unknown : intersection(parts);
  }

  /** The part of a schema that is not allOf/oneOf/anyOf: enum, const, primitive, array, object. */
  ownType(s: Schema): TsType | undefined {
    const pinned = pinnedValues(s);
    if (pinned) return union(pinned.map(literal));
    if (Array.isArray(s.enum) && s['x-open-enum']) return union([T.openString, ...s.enum.map(literal)]);
    const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
    if (types.length > 1) return union(types.map((t) => this.ownType({ ...s, type: t }) ?? T.unknown));
    const type = types[0] ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
    switch (type) {
      case 'string':
        return s.format === 'binary' ? T.binary : T.string;
      case 'integer':
      case 'number':
        return T.number;
      case 'boolean':
        return T.boolean;
      case 'array':
        return { kind: 'array', items: isArraySchema(s) && s.items ? this.typeOf(s.items) : T.unknown };
      case 'object':
        return this.objectType(s);
      default:
        return s.allOf || s.oneOf || s.anyOf ? undefined : s.not ? T.unknown : undefined;
    }
  }

  /** An object written inline (one openapi-generator did not lift into a model). */
  objectType(s: Schema): TsType {
    const props = Object.entries(s.properties ?? {}).map(([name, p]) => ({
      name,
      type: this.typeOf(p),
      optional: !(s.required ?? []).includes(name),
      readonly: p.readOnly === true,
    }));
    const index = this.indexType(s);
    if (props.length === 0) return { kind: 'record', values: index ?? T.unknown };
    return { kind: 'object', properties: props, additional: index };
  }

  /** The `[key: string]` type; `unknown` when other properties would not fit it. */
  indexType(s: Schema): TsType | undefined {
    const extra = s.additionalProperties;
    if (extra === undefined || extra === false) return s.properties ? undefined : T.unknown;
    if (extra === true || !isPlainObject(extra)) return T.unknown;
    const type = this.typeOf(extra as Schema);
    return s.properties && Object.keys(s.properties).length > 0 ? T.unknown : type;
  }

  /** Union members; with a discriminator, members whose tag is not pinned get it added. */
  unionOf(s: Schema, members: Schema[]): TsType {
    const d = s.discriminator;
    return union(
      members.map((m) => {
        const type = this.typeOf(m);
        if (!d || m.$ref === undefined) return type;
        const tags = Object.entries(d.mapping ?? {})
          .filter(([, ref]) => ref === m.$ref)
          .map(([value]) => value);
        if (tags.length === 0) return type;
        const key = refName(m.$ref);
        const target = key === undefined ? undefined : this.models.schemaOf(key);
        const pinned = target ? pinnedValues(target.properties?.[d.propertyName] ?? {}) : undefined;
        if (pinned && tags.every((t) => pinned.includes(t))) return type;
        return intersection([type, { kind: 'object', properties: [{ name: d.propertyName, type: union(tags.map(literal)), optional: false, readonly: false }] }]);
      }),
    );
  }
}
