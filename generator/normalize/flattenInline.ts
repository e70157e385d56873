// Lifts inline schemas that need a model of their own into named components, with the names
// openapi-generator's InlineModelResolver gives them (`<Parent>_<prop>`, `_inner` for array
// items, `_value` for map values, `_allOf`/`_anyOf`/`_oneOf` for union members,
// `<operationId>_request`, `<operationId>_<status>_response`, a `title` when there is one).
// Mirroring it keeps our model list and the Ruby client's model list the same.
import { pointerOf } from '../diagnostics.ts';
import type { NormalizedSpec } from './normalize.ts';
import { hasProperties, isArraySchema, isComposed, isPlainObject, SCHEMA_REF_PREFIX, stableStringify, type Schema } from './schema.ts';

export function flattenInlineSchemas(spec: NormalizedSpec): void {
  new InlineFlattener(spec).run();
}

class InlineFlattener {
  /** Every name handed out, even for schemas that did not become models, as openapi-generator does. */
  private readonly usedNames = new Set<string>();
  /** Structural twin detection: an identical inline schema reuses the first one's model. */
  private readonly generated = new Map<string, string>();

  constructor(private readonly spec: NormalizedSpec) {}

  run(): void {
    for (const op of this.spec.operations) {
      const base = op.operationId;
      if (op.requestBody) {
        for (const media of op.requestBody.content) media.schema = this.liftTop(media.schema, `${base}_request`);
      }
      for (const p of op.parameters) p.schema = this.liftTop(p.schema, `${base}_${p.name}_parameter`);
      for (const r of op.responses) {
        for (const media of r.content) media.schema = this.liftTop(media.schema, `${base}_${r.status}_response`);
      }
    }
    // Components lifted while walking the paths are walked again; their children are refs by now.
    for (const name of [...this.spec.schemas.keys()]) {
      const model = this.spec.schemas.get(name)!;
      if (isOnly(model, 'anyOf') || isOnly(model, 'oneOf') || !isComposed(model)) this.gather(model, name);
      else {
        this.flattenComposedChildren(model, 'allOf', `${name}_allOf`, true);
        this.flattenComposedChildren(model, 'anyOf', `${name}_anyOf`, false);
        this.flattenComposedChildren(model, 'oneOf', `${name}_oneOf`, false);
      }
    }
  }

  private liftTop(schema: Schema, wanted: string): Schema {
    if (schema.$ref !== undefined) return schema;
    const name = this.resolveName(schema.title, wanted);
    this.gather(schema, name);
    return this.isModelNeeded(schema) ? this.makeComponent(name, schema) : schema;
  }

  private resolveName(title: unknown, wanted: string): string {
    const base = typeof title === 'string' && title.trim() !== '' ? title : wanted;
    let name = base;
    for (let n = 1; this.spec.schemas.has(name) || this.usedNames.has(name); n++) name = `${base}_${n}`;
    this.usedNames.add(name);
    return name;
  }

  private isModelNeeded(s: Schema, seen = new Set<Schema>()): boolean {
    if (seen.has(s)) return false;
    seen.add(s);
    if ((s.type === undefined || s.type === 'object') && hasProperties(s)) return true;
    if (isComposed(s)) {
      const single = s.allOf?.length === 1 && !s.oneOf && !s.anyOf ? s.allOf[0]! : undefined;
      if (single && (single.$ref !== undefined || isWrapperOnly(s))) return this.isModelNeeded(single, seen);
      return true;
    }
    return false;
  }

  private makeComponent(name: string, schema: Schema): Schema {
    const key = stableStringify(schema);
    const existing = this.generated.get(key);
    const target = existing ?? name;
    if (existing === undefined) {
      this.generated.set(key, name);
      this.spec.schemas.set(name, schema);
      this.spec.inlineOrigins.set(name, this.spec.pointers.get(schema) ?? '');
    }
    const ref: Schema = { $ref: SCHEMA_REF_PREFIX + encodeKey(target) };
    // Facts about the use site stay at the use site.
    for (const k of ['description', 'deprecated', 'readOnly', 'writeOnly', 'nullable'] as const) if (schema[k] !== undefined) ref[k] = schema[k];
    return ref;
  }

  /** Walks one schema, replacing inline children that need models by references. */
  private gather(schema: Schema, prefix: string): void {
    if (schema.$ref !== undefined) return;
    if ((schema.type === undefined || schema.type === 'object') && schema.properties) {
      for (const [prop, child] of Object.entries(schema.properties)) {
        const name = this.resolveName(child.title, `${prefix}_${prop}`);
        this.gather(child, name);
        if (this.isModelNeeded(child)) schema.properties[prop] = this.makeComponent(name, child);
      }
    }
    if (isPlainObject(schema.additionalProperties)) {
      const inner = schema.additionalProperties as Schema;
      const name = this.resolveName(inner.title, `${prefix}_value`);
      this.gather(inner, name);
      if (this.isModelNeeded(inner)) schema.additionalProperties = this.makeComponent(name, inner);
    }
    if (isArraySchema(schema) && schema.items) {
      const name = this.resolveName(schema.items.title, `${prefix}_inner`);
      this.gather(schema.items, name);
      if (this.isModelNeeded(schema.items)) schema.items = this.makeComponent(name, schema.items);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = schema[key];
      if (!list) continue;
      schema[key] = list.map((member) => {
        const name = this.resolveName(member.title, `${prefix}_${key}`);
        this.gather(member, name);
        return this.isModelNeeded(member) ? this.makeComponent(name, member) : member;
      });
    }
  }

  /** A component's own allOf/anyOf/oneOf members: inline objects become models (allOf ones stay inline). */
  private flattenComposedChildren(model: Schema, key: 'allOf' | 'anyOf' | 'oneOf', prefix: string, keepInline: boolean): void {
    const list = model[key];
    if (!list) return;
    model[key] = list.map((member) => {
      if (member.$ref !== undefined || !hasProperties(member)) return member;
      const name = this.resolveName(member.title, prefix);
      this.gather(member, name);
      return keepInline ? member : this.makeComponent(name, member);
    });
  }
}

function isOnly(s: Schema, key: 'anyOf' | 'oneOf'): boolean {
  const other = key === 'anyOf' ? 'oneOf' : 'anyOf';
  return Boolean(s[key]?.length) && !hasProperties(s) && !s.allOf?.length && !s[other]?.length;
}

/** An allOf wrapper that only adds description/nullability/readOnly around one member. */
function isWrapperOnly(s: Schema): boolean {
  const allowed = new Set(['allOf', 'description', 'nullable', 'readOnly', 'writeOnly', 'deprecated', 'default', 'example', 'examples', 'title']);
  return Object.keys(s).every((k) => allowed.has(k) || k.startsWith('x-'));
}

function encodeKey(name: string): string {
  return pointerOf([name]).slice(1);
}
