// Schema → TypeScript type expression. Works on a tiny type tree so unions can be
// flattened and de-duplicated, and parentheses are added only where precedence needs them.
import { propertyKey, quote } from '../naming.ts';
import { isArraySchema, isPlainObject, refName, type Schema } from '../normalize/schema.ts';

export type TsType =
  | { k: 'name'; text: string } // string, number, unknown, Blob…
  | { k: 'lit'; text: string }
  | { k: 'ref'; model: string }
  | { k: 'array'; of: TsType; readonly?: boolean }
  | { k: 'record'; of: TsType }
  | { k: 'union'; of: TsType[] }
  | { k: 'inter'; of: TsType[] }
  | { k: 'object'; props: Array<{ key: string; type: TsType; optional: boolean; readonly: boolean }>; index?: TsType };

export const T = {
  string: { k: 'name', text: 'string' } as TsType,
  number: { k: 'name', text: 'number' } as TsType,
  boolean: { k: 'name', text: 'boolean' } as TsType,
  unknown: { k: 'name', text: 'unknown' } as TsType,
  null: { k: 'name', text: 'null' } as TsType,
  never: { k: 'name', text: 'never' } as TsType,
  blob: { k: 'name', text: 'Blob' } as TsType,
  openString: { k: 'name', text: '(string & {})' } as TsType,
};

export interface ModelLookup {
  /** Model name for a component key, or undefined when the key is unknown. */
  nameOf(schemaKey: string): string | undefined;
  schemaOf(schemaKey: string): Schema | undefined;
}

export function union(types: TsType[]): TsType {
  const flat: TsType[] = [];
  const seen = new Set<string>();
  for (const t of types) {
    for (const part of t.k === 'union' ? t.of : [t]) {
      const text = printType(part);
      if (!seen.has(text)) {
        seen.add(text);
        flat.push(part);
      }
    }
  }
  if (seen.has('unknown')) return T.unknown;
  return flat.length === 1 ? flat[0]! : flat.length === 0 ? T.never : { k: 'union', of: flat };
}

export function intersection(types: TsType[]): TsType {
  const parts = types.filter((t) => !(t.k === 'name' && t.text === 'unknown'));
  return parts.length === 1 ? parts[0]! : parts.length === 0 ? T.unknown : { k: 'inter', of: parts };
}

export function printType(t: TsType): string {
  switch (t.k) {
    case 'name':
    case 'lit':
      return t.text;
    case 'ref':
      return t.model;
    case 'array':
      return `${t.readonly ? 'ReadonlyArray' : 'Array'}<${printType(t.of)}>`;
    case 'record':
      return `Record<string, ${printType(t.of)}>`;
    case 'union':
      return t.of.map((m) => (m.k === 'inter' ? `(${printType(m)})` : printType(m))).join(' | ');
    case 'inter':
      return t.of.map((m) => (m.k === 'union' ? `(${printType(m)})` : printType(m))).join(' & ');
    case 'object': {
      const members = t.props.map((p) => `${p.readonly ? 'readonly ' : ''}${p.key}${p.optional ? '?' : ''}: ${printType(p.type)}`);
      if (t.index) members.push(`[key: string]: ${printType(t.index)}`);
      return members.length === 0 ? 'Record<string, never>' : `{ ${members.join('; ')} }`;
    }
  }
}

/** Every model name a type mentions. */
export function collectRefs(t: TsType, into: Set<string>): Set<string> {
  switch (t.k) {
    case 'ref':
      into.add(t.model);
      break;
    case 'array':
    case 'record':
      collectRefs(t.of, into);
      break;
    case 'union':
    case 'inter':
      t.of.forEach((m) => collectRefs(m, into));
      break;
    case 'object':
      t.props.forEach((p) => collectRefs(p.type, into));
      if (t.index) collectRefs(t.index, into);
      break;
  }
  return into;
}

export function literal(value: unknown): TsType {
  if (typeof value === 'string') return { k: 'lit', text: quote(value) };
  if (typeof value === 'number' && Number.isFinite(value)) return { k: 'lit', text: String(value) };
  if (typeof value === 'boolean') return { k: 'lit', text: String(value) };
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
    return name === undefined ? T.unknown : { k: 'ref', model: name };
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
        return s.format === 'binary' ? T.blob : T.string;
      case 'integer':
      case 'number':
        return T.number;
      case 'boolean':
        return T.boolean;
      case 'array':
        return { k: 'array', of: isArraySchema(s) && s.items ? this.typeOf(s.items) : T.unknown };
      case 'object':
        return this.objectType(s);
      default:
        return s.allOf || s.oneOf || s.anyOf ? undefined : s.not ? T.unknown : undefined;
    }
  }

  /** An object written inline (one openapi-generator did not lift into a model). */
  objectType(s: Schema): TsType {
    const props = Object.entries(s.properties ?? {}).map(([name, p]) => ({
      key: propertyKey(name),
      type: this.typeOf(p),
      optional: !(s.required ?? []).includes(name),
      readonly: p.readOnly === true,
    }));
    const index = this.indexType(s);
    if (props.length === 0) return { k: 'record', of: index ?? T.unknown };
    return { k: 'object', props, index };
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
        return intersection([type, { k: 'object', props: [{ key: propertyKey(d.propertyName), type: union(tags.map(literal)), optional: false, readonly: false }] }]);
      }),
    );
  }
}
