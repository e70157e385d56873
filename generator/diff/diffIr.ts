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
//
// Webhook and callback events are received: their payloads and headers are outputs, and a
// handler written for an event that is gone no longer compiles.
import { pointerOf } from '../pointer.ts';
import { methodVariants } from '../ir/buildApis.ts';
import { propertyKey } from '../naming.ts';
import { collectRefs, T, typeKey } from '../ir/typeExpr.ts';
import type { ClientIR, ModelIR, OperationIR, ParameterIR, PropertyIR, TsType, WebhookIR } from '../ir/types.ts';
import { declaredType, securitySchemeNames } from '../view/buildView.ts';
import { intersectionMember, printType } from '../view/typeText.ts';
import { arrayItem, compareTypes, isPrimitiveMember, primitiveOf } from './typeChange.ts';

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
  /** The two types a type change compared (never reported: renames.ts tells a rename from a change with them). */
  types?: { before: TsType; after: TsType };
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
    this.diffWebhooks();
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
      if (!b) this.add({ ...where, base: a.op.source, head: null }, 'breaking', `operation ${endpoint(a.op)} removed`, { before: operationSignature(a.op) });
      else this.diffOperation(a.op, b.op, { ...where, path: `${b.className}.${b.op.methodName}`, group: b.className, base: a.op.source, head: b.op.source });
    }
    for (const [id, b] of after) {
      if (before.has(id)) continue;
      this.add({ path: `${b.className}.${b.op.methodName}`, group: b.className, direction: 'both', base: null, head: b.op.source }, 'feature', `operation ${endpoint(b.op)} added`, { after: operationSignature(b.op) });
    }
  }

  private diffOperation(a: OperationIR, b: OperationIR, where: Where): void {
    const signatures = { before: operationSignature(a), after: operationSignature(b) };
    if (endpoint(a) !== endpoint(b)) this.add(where, 'breaking', `endpoint moved from ${endpoint(a)} to ${endpoint(b)}`);
    const sentBefore = a.requestBody?.sent.mediaType;
    const sentAfter = b.requestBody?.sent.mediaType;
    if (sentBefore && sentAfter && sentBefore !== sentAfter) this.add(where, 'breaking', `request media type changed from ${sentBefore} to ${sentAfter}`);
    const answerBefore = responseMediaType(a);
    const answerAfter = responseMediaType(b);
    if (answerBefore && answerAfter && answerBefore !== answerAfter) this.add(where, 'breaking', `response media type changed from ${answerBefore} to ${answerAfter}`);
    this.diffSecurity(a, b, where);
    this.diffType({ ...where, direction: 'output' }, 'return type', a.result.type, b.result.type, signatures);
    const streamBefore = a.stream && methodVariants(a.methodName).stream;
    const streamAfter = b.stream && methodVariants(b.methodName).stream;
    if (a.stream && !b.stream) this.add(where, 'breaking', `streaming method ${streamBefore} removed`);
    if (!a.stream && b.stream) this.add(where, 'feature', `streaming method ${streamAfter} added`);
    if (a.stream && b.stream) this.diffType({ ...where, direction: 'output' }, 'stream chunk type', a.stream.chunkType, b.stream.chunkType);
    this.diffParams(a, b, where);
    if (!a.deprecated && b.deprecated) this.add(where, 'docs', 'operation deprecated', { deprecation: true });
    if (a.deprecated && !b.deprecated) this.add(where, 'docs', 'operation no longer deprecated');
    if (a.summary !== b.summary || a.description !== b.description) this.add(where, 'docs', 'operation summary or description changed');
  }

  /** A scheme a request must now be able to carry breaks callers; one no longer needed does not. */
  private diffSecurity(a: OperationIR, b: OperationIR, where: Where): void {
    const before = securitySchemeNames(a);
    const after = securitySchemeNames(b);
    for (const name of after) if (!before.includes(name)) this.add(where, 'breaking', `now requires authorization ${name}`);
    for (const name of before) if (!after.includes(name)) this.add(where, 'feature', `no longer requires authorization ${name}`);
    const optionalBefore = securityOptional(a);
    const optionalAfter = securityOptional(b);
    if (optionalBefore && !optionalAfter && after.length > 0) this.add(where, 'breaking', 'authorization is no longer optional');
    if (!optionalBefore && optionalAfter && before.length > 0) this.add(where, 'feature', 'authorization became optional');
  }

  private diffParams(a: OperationIR, b: OperationIR, where: Where): void {
    const before = argumentsByKey(a);
    const after = argumentsByKey(b);
    const at = (arg: Argument): Where => ({ ...where, direction: 'input', path: `${where.path}(${arg.label})` });
    for (const [key, p] of before) {
      const q = after.get(key);
      const here = { ...at(p), base: p.pointer, head: q ? q.pointer : null };
      if (!q) {
        this.add(here, 'breaking', `${p.what} removed`, { before: argumentSignature(p) });
        continue;
      }
      const signatures = { before: argumentSignature(p), after: argumentSignature(q) };
      if (!p.required && q.required) this.add(here, 'breaking', `${q.what} became required`, signatures);
      if (p.required && !q.required) this.add(here, 'feature', `${q.what} became optional`, signatures);
      this.diffType(here, q.what, p.type, q.type, signatures);
      this.diffDocs(here, q.what, p, q);
    }
    for (const [key, q] of after) {
      if (before.has(key)) continue;
      const here = { ...at(q), base: null, head: q.pointer };
      if (q.required) this.add(here, 'breaking', `required ${q.what} added`, { after: argumentSignature(q) });
      else this.add(here, 'feature', `optional ${q.what} added`, { after: argumentSignature(q) });
    }
  }

  // ── webhooks and callbacks ────────────────────────────────────────────────

  private diffWebhooks(): void {
    const before = new Map(this.base.webhooks.map((w) => [w.name, w]));
    const after = new Map(this.head.webhooks.map((w) => [w.name, w]));
    const at = (w: WebhookIR): Pick<Where, 'path' | 'group' | 'direction'> => ({ path: `${WEBHOOKS_GROUP}.${w.name}`, group: WEBHOOKS_GROUP, direction: 'output' });
    for (const [name, a] of before) {
      const b = after.get(name);
      if (!b) this.add({ ...at(a), base: a.pointer, head: null }, 'breaking', `${eventLabel(a)} removed`);
      else this.diffWebhook(a, b, { ...at(b), base: a.pointer, head: b.pointer });
    }
    for (const [name, b] of after) if (!before.has(name)) this.add({ ...at(b), base: null, head: b.pointer }, 'feature', `${eventLabel(b)} added`);
  }

  private diffWebhook(a: WebhookIR, b: WebhookIR, where: Where): void {
    if (a.method !== b.method || (a.expression ?? '') !== (b.expression ?? '')) this.add(where, 'breaking', `${eventLabel(b)} moved from ${eventEndpoint(a)} to ${eventEndpoint(b)}`);
    const [p, q] = [a.payload, b.payload];
    if (p.decode !== q.decode || (p.mediaType ?? '') !== (q.mediaType ?? '')) this.add(where, 'breaking', `payload media type changed from ${p.mediaType ?? 'none'} to ${q.mediaType ?? 'none'}`);
    if (p.required && !q.required) this.add(where, 'breaking', 'payload became optional: handlers may receive none');
    if (!p.required && q.required) this.add(where, 'feature', 'payload is now always sent');
    this.diffType(where, 'payload', p.type, q.type);
    const headersBefore = new Map(a.headers.map((h) => [h.name.toLowerCase(), h]));
    const headersAfter = new Map(b.headers.map((h) => [h.name.toLowerCase(), h]));
    for (const [key, h] of headersBefore) {
      const k = headersAfter.get(key);
      if (!k) this.add(where, 'breaking', `header ${h.name} is no longer sent`);
      else {
        if (h.required && !k.required) this.add(where, 'breaking', `header ${k.name} became optional: handlers may receive none`);
        this.diffType(where, `header ${k.name}`, h.type, k.type);
      }
    }
    for (const [key, k] of headersAfter) if (!headersBefore.has(key)) this.add(where, 'feature', `${k.required ? 'required' : 'optional'} header ${k.name} added`);
    if (!a.deprecated && b.deprecated) this.add(where, 'docs', `${eventLabel(b)} deprecated`, { deprecation: true });
    if (a.deprecated && !b.deprecated) this.add(where, 'docs', `${eventLabel(b)} no longer deprecated`);
    if (a.summary !== b.summary || a.description !== b.description) this.add(where, 'docs', `${eventLabel(b)} summary or description changed`);
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
    else if (a.kind === 'enum') this.diffType({ ...where, base: `${a.source}/enum`, head: `${b.source}/enum` }, 'enum', enumType(a), enumType(b));
    else if (a.type && b.type) this.diffType(where, 'type', a.type, b.type, { before: printType(a.type), after: printType(b.type) });
    this.diffHeritage(a, b, where);
    if (a.additional || b.additional) this.diffType(where, 'additional properties', a.additional ?? T.never, b.additional ?? T.never);
    this.diffProperties(a, b, where);
    if (!a.deprecated && b.deprecated) this.add(where, 'docs', 'model deprecated', { deprecation: true });
    if (a.deprecated && !b.deprecated) this.add(where, 'docs', 'model no longer deprecated');
    if (a.description !== b.description) this.add(where, 'docs', 'model description changed');
  }

  /**
   * Named parents (`extends Pet`) are a set: one gone breaks, one new widens. An unnamed member
   * (`allOf: [{ anyOf: [...] }]`) has no name to match by, so it is paired with the one at the
   * same place among the unnamed and compared as a type: a grown union is then a wider type, not
   * a parent removed and another added.
   */
  private diffHeritage(a: ModelIR, b: ModelIR, where: Where): void {
    const named = (m: ModelIR) => m.heritage.filter((t) => t.kind === 'reference');
    const unnamed = (m: ModelIR) => m.heritage.filter((t) => t.kind !== 'reference');
    const parentsBefore = new Set(named(a).map(typeKey));
    const parentsAfter = new Set(named(b).map(typeKey));
    for (const parent of named(a)) if (!parentsAfter.has(typeKey(parent))) this.add(where, 'breaking', `no longer extends ${intersectionMember(parent)}`);
    for (const parent of named(b)) {
      if (!parentsBefore.has(typeKey(parent))) this.add(where, where.direction === 'output' ? 'feature' : 'breaking', `now extends ${intersectionMember(parent)}`);
    }
    const before = unnamed(a);
    const after = unnamed(b);
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const [x, y] = [before[i], after[i]];
      if (x && y) this.diffType(where, 'base type', x, y, { before: intersectionMember(x), after: intersectionMember(y) });
      else if (x) this.add(where, 'breaking', `no longer extends ${intersectionMember(x)}`);
      else if (y) this.add(where, where.direction === 'output' ? 'feature' : 'breaking', `now extends ${intersectionMember(y)}`);
    }
  }

  private diffProperties(a: ModelIR, b: ModelIR, model: Where): void {
    const before = new Map(a.properties.map((p) => [p.name, p]));
    const after = new Map(b.properties.map((p) => [p.name, p]));
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
      if (!p.required && q.required) this.add(where, inInput ? 'breaking' : 'feature', inInput ? `property ${wire} became required in a request type` : `property ${wire} is now always present`, signatures);
      if (p.required && !q.required) this.add(where, inOutput ? 'breaking' : 'feature', inOutput ? `property ${wire} became optional in a response type` : `property ${wire} became optional`, signatures);
      this.diffType(where, `property ${wire}`, p.type, q.type, signatures);
      this.diffDocs(where, `property ${wire}`, p, q);
    }
    for (const [wire, q] of after) {
      if (before.has(wire)) continue;
      const where = { ...model, path: `${model.path}.${wire}`, base: null, head: propertyPointer(b, wire) };
      const breaks = inInput && q.required;
      this.add(where, breaks ? 'breaking' : 'feature', breaks ? `required property ${wire} added to a request type` : `${q.required ? 'required' : 'optional'} property ${wire} added`, { after: propertySignature(q) });
    }
  }

  // ── shared ────────────────────────────────────────────────────────────────

  /** Descriptions and the deprecated mark of a parameter or property. */
  private diffDocs(where: Where, what: string, a: Documented, b: Documented): void {
    if (!a.deprecated && b.deprecated) this.add(where, 'docs', `${what} deprecated`, { deprecation: true });
    if (a.deprecated && !b.deprecated) this.add(where, 'docs', `${what} no longer deprecated`);
    if ((a.description ?? '') !== (b.description ?? '')) this.add(where, 'docs', `${what} description changed`);
  }

  /** A type change, classified by the direction it travels; arrays compare their items. */
  private diffType(where: Where, what: string, before: TsType, after: TsType, signatures: Partial<ApiChange> = {}): void {
    const itemBefore = arrayItem(before);
    const itemAfter = arrayItem(after);
    const [a, b, label] = itemBefore !== undefined && itemAfter !== undefined ? [itemBefore, itemAfter, `${what} items`] : [before, after, what];
    const change = compareTypes(a, b);
    if (!change) return;
    const verdicts: Verdict[] = [];
    if (where.direction !== 'output') verdicts.push(inputVerdict(label, change.removed, change.added));
    if (where.direction !== 'input') verdicts.push(outputVerdict(label, change.removed, change.added, this.options));
    const worst = verdicts.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind))[0];
    if (worst) this.add(where, worst.kind, worst.message, { ...signatures, types: { before, after } });
  }

  private directionOf(model: string): Direction {
    const sides = this.directions.get(model);
    if (!sides || sides.size !== 1) return 'both'; // unreachable models get the stricter verdict
    return [...sides][0] ?? 'both';
  }
}

function inputVerdict(what: string, removed: TsType[], added: TsType[]): Verdict {
  if (removed.length > 0) return { kind: 'breaking', message: `${what} narrowed in a request type: no longer accepts ${list(removed)}${added.length ? `; now accepts ${list(added)}` : ''}` };
  return { kind: 'feature', message: `${what} widened in a request type: now accepts ${list(added)}` };
}

function outputVerdict(what: string, removed: TsType[], added: TsType[], options: DiffOptions): Verdict {
  // `string` → `'a' | 'b'` in a response narrows what callers receive: every new value is a string they handle.
  const narrowedFromPrimitive = removed.every((m) => added.some((n) => m.kind === 'primitive' && primitiveOf(n) === m.name));
  if (removed.length > 0 && !narrowedFromPrimitive) return { kind: 'breaking', message: `${what} lost ${list(removed)} in a response type${added.length ? `; gained ${list(added)}` : ''}` };
  if (added.some((m) => isPrimitiveMember(m, 'null'))) return { kind: 'breaking', message: `${what} may now be null in a response type` };
  if (removed.length > 0) return { kind: 'feature', message: `${what} narrowed in a response type to ${list(added)}` };
  return { kind: options.closedUnions ? 'breaking' : 'feature', message: `${what} may now be ${list(added)} in a response type` };
}

/** Where webhook and callback changes are grouped (the generated `src/webhooks.ts`). */
const WEBHOOKS_GROUP = 'Webhooks';

function eventLabel(w: WebhookIR): string {
  return `${w.source} event ${w.name}`;
}

function eventEndpoint(w: WebhookIR): string {
  return `${w.method.toUpperCase()}${w.expression ? ` ${w.expression}` : ''}`;
}

function list(members: TsType[]): string {
  return members.map(printType).join(', ');
}

/** Which side of the wire each model is reached from: request parameters and bodies, or responses, stream chunks and received events. */
export function modelDirections(ir: ClientIR): Map<string, Set<'input' | 'output'>> {
  const models = new Map(ir.models.map((m) => [m.name, m]));
  const result = new Map<string, Set<'input' | 'output'>>();
  const visit = (type: TsType, side: 'input' | 'output') => {
    const pending = [...collectRefs(type, new Set())];
    while (pending.length > 0) {
      const name = pending.pop()!;
      const model = models.get(name);
      const sides = result.get(name) ?? new Set();
      if (!model || sides.has(side)) continue;
      sides.add(side);
      result.set(name, sides);
      const inner = new Set<string>();
      for (const t of modelTypes(model)) collectRefs(t, inner);
      pending.push(...inner);
    }
  };
  for (const api of ir.apis) {
    for (const op of api.operations) {
      for (const arg of argumentsByKey(op).values()) visit(arg.type, 'input');
      visit(op.result.type, 'output');
      if (op.stream) visit(op.stream.chunkType, 'output');
    }
  }
  for (const hook of ir.webhooks) {
    visit(hook.payload.type, 'output');
    for (const header of hook.headers) visit(header.type, 'output');
  }
  return result;
}

/** Every type a model's declaration mentions. */
function modelTypes(model: ModelIR): TsType[] {
  return [...(model.type ? [model.type] : []), ...(model.additional ? [model.additional] : []), ...model.heritage, ...model.properties.map((p) => p.type)];
}

/** Keyed by class and operationId: an operation with two tags is a method of each class, and each can change apart. */
function operationsById(ir: ClientIR): Map<string, { className: string; op: OperationIR }> {
  const result = new Map<string, { className: string; op: OperationIR }>();
  for (const api of ir.apis) for (const op of api.operations) result.set(`${api.className}.${op.operationId}`, { className: api.className, op });
  return result;
}

/** A parameter or the request body, as the diff compares them. */
interface Argument extends Documented {
  /** `limit`, or `body`: how the change's path names it. */
  label: string;
  /** `query parameter limit`, `request body` */
  what: string;
  required: boolean;
  type: TsType;
  /** Declared type text, for signatures. */
  declared: string;
  /** Where the spec declares it: the parameter's entry, or the operation's request body. */
  pointer: string;
}

interface Documented {
  deprecated: boolean;
  description?: string | undefined;
}

function argumentsByKey(op: OperationIR): Map<string, Argument> {
  const args = new Map<string, Argument>(op.parameters.map((p) => [`${p.in}:${p.name}`, parameterArgument(p)]));
  const body = op.requestBody;
  if (body) {
    args.set('body', { label: 'body', what: 'request body', required: body.required, type: body.sent.type, declared: printType(body.sent.type), pointer: `${op.source}/requestBody`, deprecated: false, description: body.description });
  }
  return args;
}

function parameterArgument(p: ParameterIR): Argument {
  return { label: p.varName, what: `${p.in} parameter ${p.name}`, required: p.required, type: p.type, declared: printType(declaredType(p)), pointer: p.source, deprecated: p.deprecated, description: p.description };
}

function enumType(model: ModelIR): TsType {
  return { kind: 'union', members: model.enumValues.map((value) => ({ kind: 'literal', value })) };
}

function endpoint(op: OperationIR): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/** The media type of what the method resolves to (the event stream when that is all there is). */
function responseMediaType(op: OperationIR): string | undefined {
  return op.result.decode === 'none' ? op.stream?.mediaType : op.result.mediaType;
}

/** Whether the operation may be called without credentials (an empty requirement `{}`). */
function securityOptional(op: OperationIR): boolean {
  return op.security.some((alternative) => alternative.length === 0);
}

function operationSignature(op: OperationIR): string {
  const args = [...op.parameters.filter((p) => p.required && p.in !== 'cookie').map(parameterArgument), ...(op.requestBody ? [argumentsByKey(op).get('body')!] : [])].map(argumentSignature);
  if (op.optionsTypeName) args.push(`opts?: ${op.optionsTypeName}`);
  return `${op.methodName}(${args.join(', ')}): Promise<${printType(op.result.type)}>`;
}

function argumentSignature(arg: Argument): string {
  return `${arg.label}${arg.required ? '' : '?'}: ${arg.declared}`;
}

function propertySignature(p: PropertyIR): string {
  return `${propertyKey(p.name)}${p.required ? '' : '?'}: ${printType(p.type)}`;
}

function propertyPointer(model: ModelIR, wireName: string): string {
  return model.source + pointerOf(['properties', wireName]);
}
