// The semantic diff of two generated clients, read from their IRs: every change to an operation,
// parameter, model, property, union member or enum value, classified by what it does to callers.
//
// Direction decides the class of a type change. A request (input) type may grow: callers still
// send what they sent. A response (output) type may shrink: callers still handle what they get.
// A model reached from both sides gets the stricter verdict.
//
// New union members and enum values in an output: the spec never says a union is closed, and
// OpenAI adds event types and enum values as a matter of course, so by default such growth is a
// `feature` (a caller's exhaustive `switch` needs a `default`). With `closedUnions` it is
// `breaking`, for callers who treat response unions as closed. A new `null` in an output is
// always breaking: it is a value every caller must now handle.
import { pointerOf } from '../diagnostics.ts';
import type { ClientIR, ModelIR, OperationIR, ParamIR, PropertyIR } from '../ir/types.ts';
import { arrayItem, compareTypes, primitiveOf } from './typeChange.ts';

export type ChangeKind = 'breaking' | 'feature' | 'docs';
export type Direction = 'input' | 'output' | 'both';
export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface ApiChange {
  kind: ChangeKind;
  /** `ChatApi.createChatCompletion`, `ChatApi.createChatCompletion(limit)` or `Model.property`. */
  path: string;
  message: string;
  /** JSON pointers (`#/...`) in the base and head specs; null where the thing does not exist. */
  base: string | null;
  head: string | null;
  /** Which side of the wire the changed type is on (operations themselves: `both`). */
  direction: Direction;
  /** The API class or model the change belongs to, for grouping in reports. */
  group: string;
  /** A deprecation: listed separately in reports. */
  deprecation: boolean;
  /** Declarations before and after, for reports. */
  before?: string;
  after?: string;
}

export interface DiffOptions {
  /** Treat a new union member or enum value in a response type as breaking (default: feature). */
  closedUnions?: boolean;
}

export interface ApiDiff {
  bump: Bump;
  summary: Record<ChangeKind, number>;
  changes: ApiChange[];
}

const KIND_ORDER: ChangeKind[] = ['breaking', 'feature', 'docs'];

export function diffClients(base: ClientIR, head: ClientIR, options: DiffOptions = {}): ApiDiff {
  const changes = new DiffRun(base, head, options).run();
  changes.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareText(a.path, b.path) || compareText(a.message, b.message));
  const summary = { breaking: 0, feature: 0, docs: 0 };
  for (const change of changes) summary[change.kind]++;
  return { bump: bumpFor(summary), summary, changes };
}

export function bumpFor(summary: Record<ChangeKind, number>): Bump {
  if (summary.breaking > 0) return 'major';
  if (summary.feature > 0) return 'minor';
  if (summary.docs > 0) return 'patch';
  return 'none';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Verdict = { kind: ChangeKind; message: string };
type Where = Pick<ApiChange, 'path' | 'base' | 'head' | 'group' | 'direction'>;

class DiffRun {
  private readonly changes: ApiChange[] = [];
  private readonly directions: Map<string, Set<'input' | 'output'>>;

  constructor(
    private readonly base: ClientIR,
    private readonly head: ClientIR,
    private readonly options: DiffOptions,
  ) {
    this.directions = modelDirections(base);
    for (const [name, sides] of modelDirections(head)) for (const side of sides) this.directions.get(name)?.add(side) ?? this.directions.set(name, new Set(sides));
  }

  run(): ApiChange[] {
    this.diffOperations();
    this.diffModels();
    return this.changes;
  }

  private add(where: Where, kind: ChangeKind, message: string, extra: Partial<ApiChange> = {}): void {
    this.changes.push({ kind, message, ...where, deprecation: false, ...extra });
  }

  // ── operations ────────────────────────────────────────────────────────────

  private diffOperations(): void {
    const before = operationsById(this.base);
    const after = operationsById(this.head);
    for (const [id, a] of before) {
      const b = after.get(id);
      const where = { path: `${a.className}.${a.op.methodName}`, group: a.className, direction: 'both' as const };
      if (!b) this.add({ ...where, base: operationPointer(a.op), head: null }, 'breaking', `operation ${a.op.httpMethod} ${a.op.path} removed`, { before: operationSignature(a.op) });
      else this.diffOperation(a.op, b.op, { ...where, path: `${b.className}.${b.op.methodName}`, group: b.className, base: operationPointer(a.op), head: operationPointer(b.op) });
    }
    for (const [id, b] of after) {
      if (before.has(id)) continue;
      this.add({ path: `${b.className}.${b.op.methodName}`, group: b.className, direction: 'both', base: null, head: operationPointer(b.op) }, 'feature', `operation ${b.op.httpMethod} ${b.op.path} added`, { after: operationSignature(b.op) });
    }
  }

  private diffOperation(a: OperationIR, b: OperationIR, where: Where): void {
    const signatures = { before: operationSignature(a), after: operationSignature(b) };
    if (a.httpMethod !== b.httpMethod || a.path !== b.path) this.add(where, 'breaking', `endpoint moved from ${a.httpMethod} ${a.path} to ${b.httpMethod} ${b.path}`);
    if (a.body && b.body && a.body.mediaType !== b.body.mediaType) this.add(where, 'breaking', `request media type changed from ${a.body.mediaType} to ${b.body.mediaType}`);
    if (a.responseMediaType !== b.responseMediaType && a.responseMediaType && b.responseMediaType) this.add(where, 'breaking', `response media type changed from ${a.responseMediaType} to ${b.responseMediaType}`);
    const authBefore = a.auth.map((s) => s.name);
    const authAfter = b.auth.map((s) => s.name);
    for (const name of authAfter) if (!authBefore.includes(name)) this.add(where, 'breaking', `now requires authorization ${name}`);
    for (const name of authBefore) if (!authAfter.includes(name)) this.add(where, 'feature', `no longer requires authorization ${name}`);
    this.diffType({ ...where, direction: 'output' }, 'return type', a.returnType, b.returnType, signatures);
    if (a.stream && !b.stream) this.add(where, 'breaking', `streaming method ${a.stream.methodName} removed`);
    if (!a.stream && b.stream) this.add(where, 'feature', `streaming method ${b.stream.methodName} added`);
    if (a.stream && b.stream) this.diffType({ ...where, direction: 'output' }, 'stream chunk type', a.stream.chunkType, b.stream.chunkType);
    this.diffParams(a, b, where);
    if (!a.deprecated && b.deprecated) this.add(where, 'docs', 'operation deprecated', { deprecation: true });
    if (a.deprecated && !b.deprecated) this.add(where, 'docs', 'operation no longer deprecated');
    if (a.summary !== b.summary || a.description !== b.description) this.add(where, 'docs', 'operation summary or description changed');
  }

  private diffParams(a: OperationIR, b: OperationIR, where: Where): void {
    const before = paramsByKey(a);
    const after = paramsByKey(b);
    const at = (param: ParamIR): Where => ({ ...where, direction: 'input', path: `${where.path}(${param.isBody ? 'body' : param.varName})` });
    for (const [key, p] of before) {
      const q = after.get(key);
      const here = { ...at(p), base: paramPointer(a, p), head: q ? paramPointer(b, q) : null };
      if (!q) {
        this.add(here, 'breaking', `${describeParam(p)} removed`, { before: paramSignature(p) });
        continue;
      }
      const signatures = { before: paramSignature(p), after: paramSignature(q) };
      if (!p.required && q.required) this.add(here, 'breaking', `${describeParam(q)} became required`, signatures);
      if (p.required && !q.required) this.add(here, 'feature', `${describeParam(q)} became optional`, signatures);
      this.diffType(here, describeParam(q), p.tsType, q.tsType, signatures);
      this.diffDocs(here, describeParam(q), p, q);
    }
    for (const [key, q] of after) {
      if (before.has(key)) continue;
      const here = { ...at(q), base: null, head: paramPointer(b, q) };
      if (q.required) this.add(here, 'breaking', `required ${describeParam(q)} added`, { after: paramSignature(q) });
      else this.add(here, 'feature', `optional ${describeParam(q)} added`, { after: paramSignature(q) });
    }
  }

  // ── models ────────────────────────────────────────────────────────────────

  private diffModels(): void {
    const before = new Map(this.base.models.map((m) => [m.name, m]));
    const after = new Map(this.head.models.map((m) => [m.name, m]));
    for (const [name, a] of before) {
      const b = after.get(name);
      const where: Where = { path: name, group: name, direction: this.directionOf(name), base: a.source, head: b?.source ?? null };
      if (!b) this.add(where, 'breaking', `model ${name} removed`);
      else this.diffModel(a, b, where);
    }
    for (const [name, b] of after) {
      if (!before.has(name)) this.add({ path: name, group: name, direction: this.directionOf(name), base: null, head: b.source }, 'feature', `model ${name} added`);
    }
  }

  private diffModel(a: ModelIR, b: ModelIR, where: Where): void {
    if (a.kind !== b.kind) this.add(where, 'breaking', `model changed from ${a.kind} to ${b.kind}`);
    else if (a.isEnum) this.diffType({ ...where, base: `${a.source}/enum`, head: `${b.source}/enum` }, 'enum', enumType(a), enumType(b));
    else if (a.isAlias) this.diffType(where, 'type', a.tsType, b.tsType, { before: a.tsType, after: b.tsType });
    for (const parent of a.heritage) if (!b.heritage.includes(parent)) this.add(where, 'breaking', `no longer extends ${parent}`);
    for (const parent of b.heritage) {
      if (!a.heritage.includes(parent)) this.add(where, where.direction === 'output' ? 'feature' : 'breaking', `now extends ${parent}`);
    }
    if ((a.indexSignature ?? '') !== (b.indexSignature ?? '')) this.diffType(where, 'additional properties', a.indexSignature ?? 'never', b.indexSignature ?? 'never');
    this.diffProperties(a, b, where);
    if (!a.deprecated && b.deprecated) this.add(where, 'docs', 'model deprecated', { deprecation: true });
    if (a.deprecated && !b.deprecated) this.add(where, 'docs', 'model no longer deprecated');
    if (a.description !== b.description) this.add(where, 'docs', 'model description changed');
  }

  private diffProperties(a: ModelIR, b: ModelIR, model: Where): void {
    const before = new Map(a.properties.map((p) => [p.wireName, p]));
    const after = new Map(b.properties.map((p) => [p.wireName, p]));
    const inInput = model.direction !== 'output';
    const inOutput = model.direction !== 'input';
    for (const [wire, p] of before) {
      const q = after.get(wire);
      const where = { ...model, path: `${model.path}.${wire}`, base: propertyPointer(a, wire), head: q ? propertyPointer(b, wire) : null };
      if (!q) {
        this.add(where, 'breaking', `property ${wire} removed`, { before: propertySignature(p) });
        continue;
      }
      const signatures = { before: propertySignature(p), after: propertySignature(q) };
      if (p.optional && !q.optional) this.add(where, inInput ? 'breaking' : 'feature', inInput ? `property ${wire} became required in a request type` : `property ${wire} is now always present`, signatures);
      if (!p.optional && q.optional) this.add(where, inOutput ? 'breaking' : 'feature', inOutput ? `property ${wire} became optional in a response type` : `property ${wire} became optional`, signatures);
      this.diffType(where, `property ${wire}`, p.tsType, q.tsType, signatures);
      this.diffDocs(where, `property ${wire}`, p, q);
    }
    for (const [wire, q] of after) {
      if (before.has(wire)) continue;
      const where = { ...model, path: `${model.path}.${wire}`, base: null, head: propertyPointer(b, wire) };
      const breaks = inInput && !q.optional;
      this.add(where, breaks ? 'breaking' : 'feature', breaks ? `required property ${wire} added to a request type` : `${q.optional ? 'optional' : 'required'} property ${wire} added`, { after: propertySignature(q) });
    }
  }

  // ── shared ────────────────────────────────────────────────────────────────

  /** Descriptions and the deprecated mark of a parameter or property. */
  private diffDocs(where: Where, what: string, a: ParamIR | PropertyIR, b: ParamIR | PropertyIR): void {
    const wasDeprecated = a.docLines.includes('@deprecated');
    const isDeprecated = b.docLines.includes('@deprecated');
    if (!wasDeprecated && isDeprecated) this.add(where, 'docs', `${what} deprecated`, { deprecation: true });
    if (wasDeprecated && !isDeprecated) this.add(where, 'docs', `${what} no longer deprecated`);
    if (a.description !== b.description) this.add(where, 'docs', `${what} description changed`);
  }

  /** A type change, classified by the direction it travels; arrays compare their items. */
  private diffType(where: Where, what: string, before: string, after: string, signatures: Partial<ApiChange> = {}): void {
    const itemBefore = arrayItem(before);
    const itemAfter = arrayItem(after);
    const [a, b, label] = itemBefore !== undefined && itemAfter !== undefined ? [itemBefore, itemAfter, `${what} items`] : [before, after, what];
    const change = compareTypes(a, b);
    if (!change) return;
    const verdicts: Verdict[] = [];
    if (where.direction !== 'output') verdicts.push(inputVerdict(label, change.removed, change.added));
    if (where.direction !== 'input') verdicts.push(outputVerdict(label, change.removed, change.added, this.options));
    const worst = verdicts.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind))[0];
    this.add(where, worst.kind, worst.message, signatures);
  }

  private directionOf(model: string): Direction {
    const sides = this.directions.get(model);
    if (!sides || sides.size !== 1) return 'both'; // unreachable models get the stricter verdict
    return [...sides][0];
  }
}

function inputVerdict(what: string, removed: string[], added: string[]): Verdict {
  if (removed.length > 0) return { kind: 'breaking', message: `${what} narrowed in a request type: no longer accepts ${list(removed)}${added.length ? `; now accepts ${list(added)}` : ''}` };
  return { kind: 'feature', message: `${what} widened in a request type: now accepts ${list(added)}` };
}

function outputVerdict(what: string, removed: string[], added: string[], options: DiffOptions): Verdict {
  // `string` → `'a' | 'b'` in a response narrows what callers receive: every new value is a string they handle.
  const narrowedFromPrimitive = removed.every((m) => added.some((n) => primitiveOf(n) === m));
  if (removed.length > 0 && !narrowedFromPrimitive) return { kind: 'breaking', message: `${what} lost ${list(removed)} in a response type${added.length ? `; gained ${list(added)}` : ''}` };
  if (added.includes('null')) return { kind: 'breaking', message: `${what} may now be null in a response type` };
  if (removed.length > 0) return { kind: 'feature', message: `${what} narrowed in a response type to ${list(added)}` };
  return { kind: options.closedUnions ? 'breaking' : 'feature', message: `${what} may now be ${list(added)} in a response type` };
}

function list(members: string[]): string {
  return members.join(', ');
}

/** Which side of the wire each model is reached from: request parameters and bodies, or responses and stream chunks. */
export function modelDirections(ir: ClientIR): Map<string, Set<'input' | 'output'>> {
  const models = new Map(ir.models.map((m) => [m.name, m]));
  const result = new Map<string, Set<'input' | 'output'>>();
  const visit = (type: string, side: 'input' | 'output') => {
    const pending = referencedModels(type, models);
    while (pending.length > 0) {
      const name = pending.pop()!;
      const sides = result.get(name) ?? new Set();
      if (sides.has(side)) continue;
      sides.add(side);
      result.set(name, sides);
      const model = models.get(name)!;
      const inner = [model.tsType, model.indexSignature ?? '', ...model.heritage, ...model.properties.map((p) => p.tsType)].join(' ');
      pending.push(...referencedModels(inner, models));
    }
  };
  for (const api of ir.apis) {
    for (const op of api.operations) {
      for (const param of [...op.pathParams, ...op.queryParams, ...op.headerParams, ...(op.body ? [op.body] : [])]) visit(param.tsType, 'input');
      visit(op.returnType, 'output');
      if (op.stream) visit(op.stream.chunkType, 'output');
    }
  }
  return result;
}

function referencedModels(type: string, models: ReadonlyMap<string, ModelIR>): string[] {
  const withoutLiterals = type.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, ' ');
  return (withoutLiterals.match(/[A-Za-z_$][\w$]*/g) ?? []).filter((word) => models.has(word));
}

function operationsById(ir: ClientIR): Map<string, { className: string; op: OperationIR }> {
  const result = new Map<string, { className: string; op: OperationIR }>();
  for (const api of ir.apis) for (const op of api.operations) result.set(op.operationId, { className: api.className, op });
  return result;
}

function paramsByKey(op: OperationIR): Map<string, ParamIR> {
  const params: ParamIR[] = [...op.pathParams, ...op.queryParams, ...op.headerParams, ...(op.body ? [op.body] : [])];
  return new Map(params.map((p) => [p.isBody ? 'body' : `${p.location}:${p.wireName}`, p]));
}

function enumType(model: ModelIR): string {
  return model.enumMembers.map((m) => m.literal).join(' | ');
}

function describeParam(p: ParamIR): string {
  return p.isBody ? 'request body' : `${p.location} parameter ${p.wireName}`;
}

function operationSignature(op: OperationIR): string {
  const args = op.positional.map(paramSignature);
  if (op.opts) args.push(`opts?: ${op.opts.name}`);
  return `${op.methodName}(${args.join(', ')}): Promise<${op.returnType}>`;
}

function paramSignature(p: ParamIR): string {
  return `${p.isBody ? 'body' : p.varName}${p.required ? '' : '?'}: ${p.tsType}`;
}

function propertySignature(p: PropertyIR): string {
  return `${p.key}${p.optional ? '?' : ''}: ${p.tsType}`;
}

function operationPointer(op: OperationIR): string {
  return '#' + pointerOf(['paths', op.path, op.httpMethod.toLowerCase()]);
}

/** The operation's parameter list or request body (the IR keeps no parameter index). */
function paramPointer(op: OperationIR, p: ParamIR): string {
  return operationPointer(op) + (p.isBody ? '/requestBody' : '/parameters');
}

function propertyPointer(model: ModelIR, wireName: string): string {
  return model.source + pointerOf(['properties', wireName]);
}
