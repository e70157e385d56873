// Lifts inline schemas that need a model of their own into named components, with the names
// openapi-generator 7.x's InlineModelResolver gives them, so our model list and the Ruby
// client's are the same list:
//   <operationId>_request, <operationId>_<status>_response, <operationId>_<param>_parameter,
//   <Parent>_<prop>, <prefix>_inner (array items), <prefix>_value (map values),
//   <prefix>_anyOf / _oneOf (union members), a schema's `title` when it has one,
//   `_1`, `_2`… when a name is taken, and one model for schemas written identically twice.
// Where openapi-generator has quirks (allOf members, arrays under allOf members), we follow
// them on purpose; the parity test against the real Ruby output keeps us honest.
import type { NormalizedOperation, NormalizedWebhook } from './normalize.ts';
import { hasProperties, isComposed, isPlainObject, refName, refTo, type Schema } from './schema.ts';

/** What flattening reads: the operations and component schemas as normalize read them. */
export interface FlattenInput {
  /** Their body, parameter and response schemas are replaced by references where lifted. */
  operations: readonly NormalizedOperation[];
  /** Webhooks and callbacks: lifted after everything else, so they never change another model's name. */
  webhooks?: readonly NormalizedWebhook[];
  /** The component schemas, in spec order. */
  components: ReadonlyMap<string, Schema>;
  /** Where each normalized schema was written (a JSON pointer). */
  pointers: Map<object, string>;
  /** Each normalized schema's text as written (before folding), to tell identical inline schemas apart. */
  written: Map<object, unknown>;
}

export interface Flattened {
  /** Component schemas in spec order, then the lifted inline ones in the order they were found. */
  schemas: Map<string, Schema>;
  /** For lifted schemas: the pointer where the schema was written inline. */
  inlineOrigins: Map<string, string>;
}

export function flattenInlineSchemas(input: FlattenInput): Flattened {
  return new InlineFlattener(input).run();
}

/** openapi-generator's sanitizeName: a leading digit gets `_`, other symbols become `_`. */
function sanitize(name: string): string {
  return name.replace(/^[0-9]/, '_$&').replace(/[^A-Za-z0-9]/g, '_');
}

class InlineFlattener {
  /** Signature (the schema as written) → the model made for it. */
  private readonly signatures = new Map<string, string>();
  private readonly written = new WeakMap<object, string>();
  /** Every reference handed out, by model, so a model can be renamed. */
  private readonly refsTo = new Map<string, Schema[]>();

  private readonly schemas: Map<string, Schema>;
  private readonly inlineOrigins = new Map<string, string>();

  constructor(private readonly input: FlattenInput) {
    this.schemas = new Map(input.components);
  }

  run(): Flattened {
    for (const op of this.input.operations) this.liftOperation(op, op.operationId);
    for (const [name, model] of this.input.components) {
      if (isOnly(model, 'anyOf') || isOnly(model, 'oneOf') || !isComposed(model)) this.gather(model, name);
      else {
        this.flattenComposedChildren(model, 'allOf', `${name}_allOf`, true);
        this.flattenComposedChildren(model, 'anyOf', `${name}_anyOf`, false);
        this.flattenComposedChildren(model, 'oneOf', `${name}_oneOf`, false);
      }
    }
    for (const hook of this.input.webhooks ?? []) this.liftOperation(hook, hook.modelBase);
    return { schemas: this.schemas, inlineOrigins: this.inlineOrigins };
  }

  /** An operation's (or webhook's) body, parameter and response schemas, named after `name`. */
  private liftOperation(op: Pick<NormalizedOperation, 'requestBody' | 'parameters' | 'responses'>, name: string): void {
    const base = sanitize(name);
    if (op.requestBody) for (const media of op.requestBody.content) media.schema = this.liftChild(media.schema, `${base}_request`);
    for (const p of op.parameters) p.schema = this.liftChild(p.schema, `${base}_${p.name}_parameter`);
    for (const r of op.responses) for (const media of r.content) media.schema = this.liftChild(media.schema, `${base}_${r.status}_response`);
  }

  /** The title names a schema that becomes a model; otherwise the path-based name is used. */
  private nameFor(schema: Schema, wanted: string, needed: boolean): string {
    const title = typeof schema.title === 'string' && sanitize(schema.title).replace(/_/g, '') !== '' ? schema.title : undefined;
    return this.unique(sanitize(needed && title ? title : wanted));
  }

  private unique(base: string): string {
    let name = base;
    // A name is only taken once its model is made, as in openapi-generator.
    for (let n = 1; this.schemas.has(name); n++) name = `${base}_${n}`;
    return name;
  }

  private isModelNeeded(s: Schema, seen?: Set<Schema>): boolean {
    if (seen?.has(s)) return true;
    seen?.add(s);
    if (s.$ref !== undefined) return false;
    if ((s.type === undefined || s.type === 'object') && hasProperties(s)) return true;
    if (s['x-open-enum']) return true; // it was an anyOf of strings
    if (!isComposed(s)) return false;
    if ([...(s.anyOf ?? []), ...(s.oneOf ?? [])].some((m) => m['x-recursive'])) return false;
    // The schemas on the way (a schema met twice counts as needing a model, which stops a cycle);
    // made only here, where the walk goes on: most schemas are answered above.
    const walked = seen ?? new Set<Schema>([s]);
    // One allOf member: that member decides (a reference alone never needs a new model).
    if (s.allOf?.length === 1 && !s.oneOf && !s.anyOf) return this.isModelNeeded(s.allOf[0]!, walked);
    if (s.allOf?.length) return s.allOf.some((m) => this.isModelNeeded(this.deref(m), walked));
    return true;
  }

  private deref(s: Schema): Schema {
    const key = s.$ref === undefined ? undefined : refName(s.$ref);
    return (key !== undefined && this.schemas.get(key)) || s;
  }

  private makeComponent(name: string, schema: Schema): Schema {
    const signature = this.signatureOf(schema);
    const existing = this.signatures.get(signature);
    const target = existing ?? name;
    if (existing === undefined) {
      // A child named while its parent was being walked can hold the parent's name (both
      // titled alike). openapi-generator overwrites the child, leaving a union that contains
      // itself; we keep the parent on the name and move the child aside.
      if (this.schemas.has(name)) this.moveAside(name);
      this.signatures.set(signature, name);
      this.schemas.set(name, schema);
      this.inlineOrigins.set(name, this.input.pointers.get(schema) ?? '');
    }
    const ref: Schema = { $ref: refTo(target) };
    const refs = this.refsTo.get(target) ?? [];
    refs.push(ref);
    this.refsTo.set(target, refs);
    // Facts about the use site stay at the use site.
    for (const k of ['description', 'deprecated', 'readOnly', 'writeOnly', 'nullable'] as const) {
      if (schema[k] !== undefined) (ref as Record<string, unknown>)[k] = schema[k];
    }
    return ref;
  }

  private moveAside(name: string): void {
    const moved = this.unique(`${name}_member`);
    this.schemas.set(moved, this.schemas.get(name)!);
    this.inlineOrigins.set(moved, this.inlineOrigins.get(name) ?? '');
    this.inlineOrigins.delete(name);
    for (const [signature, owner] of this.signatures) if (owner === name) this.signatures.set(signature, moved);
    for (const ref of this.refsTo.get(name) ?? []) ref.$ref = refTo(moved);
    this.refsTo.set(moved, this.refsTo.get(name) ?? []);
    this.refsTo.delete(name);
  }

  /** Two inline schemas share a model when they were written the same way. */
  private signatureOf(schema: Schema): string {
    return this.writtenForm(this.input.written.get(schema) ?? schema);
  }

  /** Stable JSON of a subtree of the document, memoized: nested schemas are signed many times. */
  private writtenForm(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
    const known = this.written.get(value);
    if (known !== undefined) return known;
    const text = Array.isArray(value)
      ? '[' + value.map((v) => this.writtenForm(v)).join(',') + ']'
      : '{' +
        Object.keys(value)
          .sort()
          .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
          .map((k) => JSON.stringify(k) + ':' + this.writtenForm((value as Record<string, unknown>)[k]))
          .join(',') +
        '}';
    this.written.set(value, text);
    return text;
  }

  /** Walks one schema, replacing inline children that need models by references. */
  private gather(schema: Schema, prefix: string): void {
    if (schema.$ref !== undefined) return;
    if ((schema.type === undefined || schema.type === 'object') && schema.properties) {
      for (const [prop, child] of Object.entries(schema.properties)) {
        schema.properties[prop] = this.liftChild(child, `${prefix}_${prop}`);
      }
    }
    if (isPlainObject(schema.additionalProperties)) {
      // openapi-generator names map values after the parent's title when it has one.
      const wanted = typeof schema.title === 'string' ? schema.title : `${prefix}_value`;
      schema.additionalProperties = this.liftChild(schema.additionalProperties as Schema, wanted, false);
    }
    if (schema.type === 'array' && schema.items) schema.items = this.liftChild(schema.items, `${prefix}_inner`);
    if (schema.allOf) {
      // allOf members are walked but stay inline (openapi-generator's default).
      for (const member of schema.allOf) this.gather(member, this.nameFor(member, `${prefix}_allOf`, this.isModelNeeded(member)));
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      const list = schema[key];
      if (list) schema[key] = list.map((member) => this.liftChild(member, `${prefix}_${key}`));
    }
    if (schema.not) schema.not = this.liftChild(schema.not, `${prefix}_not`);
  }

  /** Names a schema, walks it, and turns it into a reference when it needs a model of its own. */
  private liftChild(child: Schema, wanted: string, useTitle = true): Schema {
    if (child.$ref !== undefined) return child;
    const needed = this.isModelNeeded(child);
    // Naming is pure: a leaf that needs no model (most parameters) is not named at all.
    if (!needed && !hasSubschemas(child)) return child;
    const name = useTitle ? this.nameFor(child, wanted, needed) : this.unique(sanitize(wanted));
    this.gather(child, name);
    return needed ? this.makeComponent(name, child) : child;
  }

  /**
   * A composed component's own members. Object (or enum) members are named `<prefix>`; their
   * properties go through openapi-generator's older property flattening first, which names
   * array-of-model properties without `_inner`.
   */
  private flattenComposedChildren(model: Schema, key: 'allOf' | 'anyOf' | 'oneOf', prefix: string, keepInline: boolean): void {
    const list = model[key];
    if (!list) return;
    model[key] = list.map((member) => {
      if (member.$ref !== undefined || !(hasProperties(member) || member.enum?.length)) return member;
      const name = this.nameFor(member, prefix, true);
      this.flattenProperties(member, name);
      this.gather(member, name);
      return keepInline ? member : this.makeComponent(name, member);
    });
  }

  private flattenProperties(schema: Schema, path: string): void {
    for (const [prop, child] of Object.entries(schema.properties ?? {})) {
      if (child.$ref !== undefined) continue;
      if (child.type === 'object' && hasProperties(child)) {
        const name = this.nameFor(child, `${path}_${prop}`, true);
        this.flattenProperties(child, name);
        schema.properties![prop] = this.makeComponent(name, child);
      } else if (child.type === 'array' && child.items && child.items.$ref === undefined && this.isModelNeeded(child.items)) {
        const items = child.items;
        if (hasProperties(items)) this.flattenProperties(items, path);
        const name = this.nameFor(items, `${path}_${prop}`, true);
        this.gather(items, name);
        child.items = this.makeComponent(name, items);
      }
    }
  }
}

/** Whether gather() has anything inside the schema to walk. */
function hasSubschemas(s: Schema): boolean {
  return Boolean(s.properties || isPlainObject(s.additionalProperties) || s.items || s.allOf || s.anyOf || s.oneOf || s.not);
}

function isOnly(s: Schema, key: 'anyOf' | 'oneOf'): boolean {
  const other = key === 'anyOf' ? 'oneOf' : 'anyOf';
  return Boolean(s[key]?.length) && !hasProperties(s) && !s.allOf?.length && !s[other]?.length;
}
