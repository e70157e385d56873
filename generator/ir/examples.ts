// Example values for docs, written as TypeScript source. Values come from the spec's
// example/default/enum when present, else a placeholder of the right type; strings are
// always emitted through `quote`, so spec text cannot escape the literal.
import { objectLiteralKey, quote } from '../naming.ts';
import { refName, type Schema } from '../normalize/schema.ts';
import { pinnedValues } from './typeExpr.ts';

// Object nesting shown in an example; references and unions do not count.
const MAX_DEPTH = 6;

export class ExampleWriter {
  constructor(private readonly schemaOf: (key: string) => Schema | undefined) {}

  write(s: Schema, indent = '', depth = 0, seen: ReadonlySet<string> = new Set()): string {
    if (s.$ref !== undefined) {
      const key = refName(s.$ref);
      const target = key === undefined ? undefined : this.schemaOf(key);
      if (!target || seen.has(key!) || depth > MAX_DEPTH) return s.nullable ? 'null' : placeholderFor(target ?? {});
      return this.write(target, indent, depth, new Set([...seen, key!]));
    }
    const given = s.example !== undefined ? s.example : Array.isArray(s.examples) && s.examples.length > 0 ? s.examples[0] : s.default;
    if (given !== undefined && given !== null && isSimple(given)) return valueLiteral(given);
    const pinned = pinnedValues(s) ?? (Array.isArray(s.enum) ? s.enum : undefined);
    if (pinned && pinned.length > 0 && isSimple(pinned[0])) return valueLiteral(pinned[0]);
    const member = s.oneOf?.[0] ?? s.anyOf?.[0];
    if (member && !s.properties) return this.write(member, indent, depth, seen);
    if (s.allOf && !s.properties) {
      return this.mergeObjects(s.allOf.map((m) => this.write(m, indent, depth, seen)), indent);
    }
    const type = Array.isArray(s.type) ? s.type[0] : s.type ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
    if (type === 'array') {
      if (!s.items || depth > MAX_DEPTH) return '[]';
      // An item is shown only where the spec requires one; an empty list is always valid otherwise.
      const minItems = typeof s.minItems === 'number' && s.minItems > 0;
      return minItems ? `[${this.write(s.items, indent, depth + 1, seen)}]` : '[]';
    }
    if (type === 'object' || s.properties) {
      const required = new Set(s.required ?? []);
      const entries = Object.entries(s.properties ?? {}).filter(([name]) => required.has(name));
      if (entries.length === 0 || depth > MAX_DEPTH) return '{}';
      const inner = indent + '  ';
      const body = entries.map(([name, p]) => `${inner}${objectLiteralKey(name)}: ${this.write(p, inner, depth + 1, seen)},`);
      return `{\n${body.join('\n')}\n${indent}}`;
    }
    return placeholderFor(s);
  }

  /** allOf members' examples are objects; join their bodies into one literal. */
  private mergeObjects(parts: string[], indent: string): string {
    const bodies = parts.filter((p) => p.startsWith('{\n')).map((p) => p.slice(2, p.lastIndexOf('\n')));
    return bodies.length === 0 ? '{}' : `{\n${bodies.join('\n')}\n${indent}}`;
  }
}

function isSimple(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value));
}

function valueLiteral(value: unknown): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

function placeholderFor(s: Schema): string {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'string') return s.format === 'binary' ? "new Blob(['...'])" : quote(s.format === 'date-time' ? '2024-01-01T00:00:00Z' : 'string');
  if (type === 'integer' || type === 'number') return '0';
  if (type === 'boolean') return 'false';
  if (type === 'array') return '[]';
  if (type === 'object') return '{}';
  return 'null';
}
