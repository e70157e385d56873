// Example values for docs, as values (the view writes them as TypeScript). Values come from the
// spec's example/default/enum when present, else a placeholder of the right type.
import { refName, type Schema } from '../normalize/schema.ts';
import { pinnedValues } from './typeExpr.ts';
import type { ExampleValue } from './types.ts';

// Object nesting shown in an example; references and unions do not count.
const MAX_DEPTH = 6;

const EMPTY_OBJECT: ExampleValue = { kind: 'object', entries: [] };
const EMPTY_ARRAY: ExampleValue = { kind: 'array', items: [] };
/** The models a top-level example is inside of: none. Shared, not a new set per call (it is never changed). */
const NO_KEYS: ReadonlySet<string> = new Set();

export class ExampleWriter {
  constructor(private readonly schemaOf: (key: string) => Schema | undefined) {}

  write(s: Schema, depth = 0, seen: ReadonlySet<string> = NO_KEYS): ExampleValue {
    if (s.$ref !== undefined) {
      const key = refName(s.$ref);
      const target = key === undefined ? undefined : this.schemaOf(key);
      if (key === undefined || !target || seen.has(key) || depth > MAX_DEPTH) return s.nullable ? scalar(null) : placeholderFor(target ?? {});
      return this.write(target, depth, new Set([...seen, key]));
    }
    const given = s.example !== undefined ? s.example : Array.isArray(s.examples) && s.examples.length > 0 ? s.examples[0] : s.default;
    if (given !== undefined && given !== null && isSimple(given)) return scalar(given);
    const pinned = pinnedValues(s) ?? (Array.isArray(s.enum) ? s.enum : undefined);
    const first: unknown = pinned?.[0];
    if (pinned && pinned.length > 0 && isSimple(first)) return scalar(first);
    const member = s.oneOf?.[0] ?? s.anyOf?.[0];
    if (member && !s.properties) return this.write(member, depth, seen);
    if (s.allOf && !s.properties) return mergeObjects(s.allOf.map((m) => this.write(m, depth, seen)));
    const type = Array.isArray(s.type) ? s.type[0] : s.type ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
    if (type === 'array') {
      if (!s.items || depth > MAX_DEPTH) return EMPTY_ARRAY;
      // An item is shown only where the spec requires one; an empty list is always valid otherwise.
      const minItems = typeof s.minItems === 'number' && s.minItems > 0;
      return minItems ? { kind: 'array', items: [this.write(s.items, depth + 1, seen)] } : EMPTY_ARRAY;
    }
    if (type === 'object' || s.properties) {
      const required = new Set(s.required ?? []);
      const entries = Object.entries(s.properties ?? {}).filter(([name]) => required.has(name));
      if (entries.length === 0 || depth > MAX_DEPTH) return EMPTY_OBJECT;
      return { kind: 'object', entries: entries.map(([name, p]) => ({ name, value: this.write(p, depth + 1, seen) })) };
    }
    return placeholderFor(s);
  }
}

/** allOf members' examples are objects; their entries make one object. */
function mergeObjects(parts: ExampleValue[]): ExampleValue {
  return { kind: 'object', entries: parts.flatMap((p) => (p.kind === 'object' ? p.entries : [])) };
}

type Scalar = string | number | boolean | null;

function isSimple(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value));
}

function scalar(value: Scalar): ExampleValue {
  return { kind: 'scalar', value };
}

function placeholderFor(s: Schema): ExampleValue {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'string') return s.format === 'binary' ? { kind: 'binary' } : scalar(s.format === 'date-time' ? '2024-01-01T00:00:00Z' : 'string');
  if (type === 'integer' || type === 'number') return scalar(0);
  if (type === 'boolean') return scalar(false);
  if (type === 'array') return EMPTY_ARRAY;
  if (type === 'object') return EMPTY_OBJECT;
  return scalar(null);
}
