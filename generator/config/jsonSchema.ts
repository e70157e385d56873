// A JSON Schema validator for the few keywords the config schema uses. It refuses a schema
// with any other keyword, so a keyword added to the schema can never be silently ignored.
import { pointerOf, resolvePointer } from '../pointer.ts';

export interface SchemaProblem {
  /** JSON pointer to the offending value. */
  pointer: string;
  message: string;
}

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', 'title', 'description', '$defs']);
const CHECKED = new Set(['type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'minProperties', 'minLength', 'pattern', '$ref']);

export function validateAgainstSchema(value: unknown, root: Schema): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  check(value, root, root, [], problems);
  return problems;
}

function check(value: unknown, schema: Schema, root: Schema, at: Array<string | number>, problems: SchemaProblem[]): void {
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !CHECKED.has(keyword)) throw new Error(`config schema: keyword "${keyword}" is not supported by the validator`);
  }
  const fail = (message: string, where = at) => problems.push({ pointer: pointerOf(where), message });
  if (typeof schema.$ref === 'string') {
    const target = resolvePointer(root, schema.$ref);
    if (target === null || typeof target !== 'object') throw new Error(`config schema: $ref ${schema.$ref} points to nothing`);
    check(value, target as Schema, root, at, problems);
  }
  if (typeof schema.type === 'string' && !hasType(value, schema.type)) {
    fail(`must be ${article(schema.type)}, not ${article(typeOf(value))}`);
    return; // the other keywords only make sense on the right type
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) fail(value === '' ? 'must not be empty' : `must be at least ${schema.minLength} characters long`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`${JSON.stringify(value)} does not match ${schema.pattern}`);
  }
  if (typeOf(value) === 'object') checkObject(value as Record<string, unknown>, schema, root, at, problems);
}

function checkObject(value: Record<string, unknown>, schema: Schema, root: Schema, at: Array<string | number>, problems: SchemaProblem[]): void {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const keys = Object.keys(value);
  for (const name of (schema.required ?? []) as string[]) {
    if (!keys.includes(name)) problems.push({ pointer: pointerOf(at), message: `missing required property "${name}"` });
  }
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) {
    problems.push({ pointer: pointerOf(at), message: `needs at least ${schema.minProperties} ${schema.minProperties === 1 ? 'entry' : 'entries'}` });
  }
  for (const key of keys) {
    const where = [...at, key];
    if (schema.propertyNames) {
      const nameProblems: SchemaProblem[] = [];
      check(key, schema.propertyNames as Schema, root, where, nameProblems);
      problems.push(...nameProblems.map((p) => ({ ...p, message: `name ${p.message}` })));
    }
    if (Object.prototype.hasOwnProperty.call(properties, key)) check(value[key], properties[key]!, root, where, problems);
    else if (schema.additionalProperties === false) {
      const known = Object.keys(properties);
      problems.push({ pointer: pointerOf(where), message: `unknown property "${key}"${known.length ? ` (expected one of: ${known.join(', ')})` : ''}` });
    } else if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) {
      check(value[key], schema.additionalProperties as Schema, root, where, problems);
    }
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  return typeOf(value) === type || (type === 'number' && typeOf(value) === 'integer');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
