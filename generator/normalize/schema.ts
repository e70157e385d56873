// The normalized schema shape every later stage reads. Normalization folds OpenAPI 3.0
// and 3.1 into one form: `null` never appears in `type` or `enum` (it becomes
// `nullable: true`), and boolean schemas become objects.
import { escapePointerSegment, parsePointer } from '../pointer.ts';

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  title?: string;
  description?: string;
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  not?: Schema;
  /** `defaultMapping` (3.2): the schema for tag values the mapping does not name. */
  discriminator?: { propertyName: string; mapping?: Record<string, string>; defaultMapping?: string };
  /** Set by normalization when `anyOf` mixed free strings with known ones: the enum is open. */
  'x-open-enum'?: boolean;
  /** Set by normalization on a `$recursiveRef` to the enclosing component. */
  'x-recursive'?: boolean;
  [key: string]: unknown;
}

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/**
 * A map keyed by property names. It has no prototype, so a property called `__proto__` is
 * stored like any other name instead of replacing the prototype.
 */
export function propertyMap(entries: Iterable<[string, Schema]> = []): Record<string, Schema> {
  const map = Object.create(null) as Record<string, Schema>;
  for (const [name, schema] of entries) map[name] = schema;
  return map;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function hasProperties(s: Schema): boolean {
  return s.properties !== undefined && Object.keys(s.properties).length > 0;
}

export function isComposed(s: Schema): boolean {
  return Boolean(s.allOf?.length || s.oneOf?.length || s.anyOf?.length);
}

export function isArraySchema(s: Schema): boolean {
  return s.type === 'array' || (s.type === undefined && s.items !== undefined);
}

/** The document's `components.schemas` as written, or none. */
export function rawComponentSchemas(doc: Record<string, unknown>): Record<string, unknown> {
  return isPlainObject(doc.components) && isPlainObject(doc.components.schemas) ? doc.components.schemas : {};
}

/** The `#/components/schemas/X` reference to a component. */
export function refTo(name: string): string {
  return SCHEMA_REF_PREFIX + escapePointerSegment(name);
}

/** A component name from a `#/components/schemas/X` reference. */
export function refName(ref: string): string | undefined {
  if (!ref.startsWith(SCHEMA_REF_PREFIX)) return undefined;
  const rest = ref.slice(SCHEMA_REF_PREFIX.length);
  if (rest.includes('/')) return undefined;
  // Asked for every reference of every stage; most names have nothing to decode.
  return rest.includes('%') || rest.includes('~') ? parsePointer('/' + rest)[0] : rest;
}
