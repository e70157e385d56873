// One ApiIR per tag (every tag of an operation, `DefaultApi` when untagged), holding an
// operation's meaning: parameters, body media types, responses by status, security, and its
// streaming and paging patterns.
import { camelize, MAX_TYPE_NAME, NameRegistry, toApiClassName, toMethodName, toVariableName } from '../naming.ts';
import type { MediaContent, NormalizedOperation, NormalizedParameter, NormalizedSpec } from '../normalize/normalize.ts';
import { refName, type Schema } from '../normalize/schema.ts';
import type { ExampleWriter } from './examples.ts';
import { T, union, type TypeMapper } from './typeExpr.ts';
import { reservedMethodNames, runtimeExportNames } from './runtimeNames.ts';
import { errorResponsesOf } from './errorResponses.ts';
import { paginationOf, resolveSchema } from './pagination.ts';
import type { ApiIR, MediaIR, OperationIR, ParameterIR, ParameterLocation, RequestBodyIR, ResultIR, StreamIR, TsType } from './types.ts';

export interface ApiContext {
  spec: NormalizedSpec;
  mapper: TypeMapper;
  examples: ExampleWriter;
  modelNames: Map<string, string>;
  /** Names taken by models, so `...Opts` interfaces never shadow one. */
  typeNames: NameRegistry;
  /** Class name as the tag spells it → the class name given (see decideApiClassNames). */
  classNames: Map<string, string>;
}

/**
 * API class names, one per tag (tags that camelize alike share a class), in operation order. A
 * name the runtime takes (tag `Base`) or that differs from a taken one only in case (`Pet`,
 * `PET`: their files would collide) gets a number, with a warning.
 */
export function decideApiClassNames(spec: NormalizedSpec): Map<string, string> {
  const registry = new NameRegistry(runtimeExportNames());
  const names = new Map<string, string>();
  for (const { op, tag, index } of spec.operations.flatMap((op) => tagsOf(op).map((tag, index) => ({ op, tag, index })))) {
    const wanted = toApiClassName(tag);
    if (names.has(wanted)) continue;
    const at = op.tags.length > 0 ? `${op.pointer}/tags/${index}` : op.pointer;
    if (wanted.length > MAX_TYPE_NAME) spec.diagnostics.error(at, `tag gives class ${wanted.slice(0, 40)}…, ${wanted.length} characters: longer than ${MAX_TYPE_NAME}, too long for a file name`, 'NAME_TOO_LONG');
    const name = registry.claim(wanted);
    if (name !== wanted) spec.diagnostics.warning(at, `class ${wanted} would clash with a class or runtime export spelled alike (file names ignore case on some systems); named ${name}`, 'CLASS_RENAMED');
    names.set(wanted, name);
  }
  return names;
}

/** An operation's tags; an untagged one is `DefaultApi`'s (undefined). */
function tagsOf(op: NormalizedOperation): Array<string | undefined> {
  return op.tags.length > 0 ? [...new Set(op.tags)] : [undefined];
}

/**
 * Each operation is a method of every class it is tagged with, as in openapi-generator's Ruby
 * client; it is built once, implemented by the first of those classes in name order (so a class
 * only borrows from classes sorted before it) and shared by the others.
 */
export function buildApis(ctx: ApiContext): ApiIR[] {
  const byClass = new Map<string, { tag: string; ops: NormalizedOperation[] }>();
  const classesOf = new Map<NormalizedOperation, string[]>();
  for (const op of ctx.spec.operations) {
    const classes = new Set<string>();
    for (const tag of tagsOf(op)) {
      const className = ctx.classNames.get(toApiClassName(tag))!;
      if (classes.has(className)) continue;
      classes.add(className);
      const entry = byClass.get(className) ?? { tag: tag ?? 'default', ops: [] };
      entry.ops.push(op);
      byClass.set(className, entry);
    }
    classesOf.set(op, [...classes].sort());
  }
  const members = new Map([...byClass.keys()].map((className) => [className, new ClassMembers(className, ctx.spec)]));
  const built = new Map<NormalizedOperation, OperationIR>();
  const apis: ApiIR[] = [];
  for (const [className, { tag, ops }] of [...byClass].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const operations = ops.map((op) => {
      const ir = built.get(op) ?? buildOperation(op, ctx, members.get(classesOf.get(op)![0]!)!, classesOf.get(op)![0]!);
      built.set(op, ir);
      if (ir.className !== className) members.get(className)!.claim(op, memberNames(ir));
      return ir;
    });
    apis.push({ className, tag, description: ctx.spec.tags.find((t) => t.name === tag)?.description, operations });
  }
  return apis;
}

/**
 * JSON media types: `application/json` and `+json` suffixes, parameters aside; and `*\/*` (the
 * client reads those as JSON). Not `json-seq` nor JSON Lines: those are sequences of JSON texts.
 */
export const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)|^\*\/\*$/i;

/**
 * The method names of one class. A method may not override what `BaseApi` or every object
 * has (`request`, `constructor`, `toString`): such a name gets a `call` prefix, with a warning.
 * Two operations whose methods or variants (`…WithHttpInfo`, `…Stream`, `…All`) share a name
 * are an error at the second one.
 */
class ClassMembers {
  private readonly taken = new Map<string, string>();

  constructor(
    private readonly className: string,
    private readonly spec: NormalizedSpec,
  ) {}

  methodName(op: NormalizedOperation): string {
    const wanted = toMethodName(op.operationId);
    if (!reservedMethodNames().has(wanted)) return wanted;
    const renamed = `call${camelize(wanted)}`;
    this.spec.diagnostics.warning(`${op.pointer}/operationId`, `method ${wanted} would override a member every ${this.className} has; named ${renamed}`, 'METHOD_RENAMED');
    return renamed;
  }

  claim(op: NormalizedOperation, names: string[]): void {
    for (const name of names) {
      const owner = this.taken.get(name);
      if (owner !== undefined && owner !== op.operationId) {
        this.spec.diagnostics.error(`${op.pointer}/operationId`, `operationId '${op.operationId}' needs method ${this.className}.${name}, which '${owner}' already names`, 'METHOD_NAME_CLASH');
      } else this.taken.set(name, op.operationId);
    }
  }
}

/** Runtime functions an API class calls in its methods and spec builders: no argument may shadow one. */
const RUNTIME_CALLS = ['jsonBody', 'textBody', 'formBody', 'urlEncodedBody', 'multipartBody', 'binaryBody', 'cursorPaging', 'pagePaging', 'offsetPaging', 'linkPaging', 'nextUrlPaging'];

function buildOperation(op: NormalizedOperation, ctx: ApiContext, members: ClassMembers, className: string): OperationIR {
  const methodName = members.methodName(op);
  const vars = new NameRegistry(['options', 'opts', ...RUNTIME_CALLS]);
  const typeOf = (s: Schema) => ctx.mapper.typeOf(s);

  const pathOrder = [...op.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const sorted = [...op.parameters].sort((a, b) => rank(a, pathOrder) - rank(b, pathOrder));
  const parameters = sorted.filter((p) => p.in !== 'cookie').map((p) => parameter(p, vars.claim(toVariableName(p.name)), op, ctx));
  const built = op.requestBody && op.requestBody.content.length > 0 ? buildBody(op.requestBody, vars, ctx) : undefined;
  const requestBody = built?.body;
  // Cookie parameters name their variables last, so they never take the name of a parameter clients knew before cookies were sent.
  for (const p of sorted) if (p.in === 'cookie') parameters.push(parameter(p, vars.claim(toVariableName(p.name)), op, ctx));

  const { result, json, streamed } = resultOf(op, typeOf);
  const stream: StreamIR | undefined = streamed?.sequence && {
    mediaType: streamed.mediaType,
    accept: acceptable([streamed.mediaType]),
    format: streamed.sequence.format,
    chunkType: typeOf(streamed.sequence.schemaIs === 'array' ? arrayItems(streamed.schema, ctx.spec) : streamed.schema),
    selectedByFlag: built !== undefined && propertyNames(built.sentSchema, ctx.spec).has('stream'),
  };
  const success = pickSuccess(op);
  const pagination = paginationOf(op, json, success?.headers ?? [], parameters, ctx);
  const errors = errorResponsesOf(op, methodName, success?.status, typeOf, ctx.typeNames);
  const optional = parameters.filter((p) => !p.required);
  const optionsTypeName = optional.length > 0 ? ctx.typeNames.claim(`${camelize(methodName)}Opts`) : undefined;
  const ir: OperationIR = {
    operationId: op.operationId,
    className,
    methodName,
    method: op.method,
    path: op.path,
    source: '#' + op.pointer,
    tags: op.tags,
    summary: op.summary,
    description: op.description,
    deprecated: op.deprecated,
    parameters,
    requestBody,
    responses: op.responses.map((r) => ({ status: r.status, description: r.description, media: r.content.map((c) => media(c, typeOf)) })),
    result,
    accept: acceptedMediaTypes(op),
    security: op.security,
    servers: op.servers,
    stream,
    pagination,
    errors,
    optionsTypeName,
  };
  members.claim(op, memberNames(ir));
  return ir;
}

/** The class members an operation adds: its method and variants. */
export function memberNames(op: OperationIR): string[] {
  const variants = methodVariants(op.methodName);
  return [op.methodName, variants.withHttpInfo, ...(op.stream ? [variants.stream] : []), ...(op.pagination ? [variants.all] : [])];
}

/** An operation's method and its variants: the `{ data, statusCode, headers }` one, the stream, every page. */
export function methodVariants(methodName: string) {
  return { withHttpInfo: `${methodName}WithHttpInfo`, stream: `${methodName}Stream`, all: `${methodName}All` };
}

function media(content: MediaContent, typeOf: (s: Schema) => TsType): MediaIR {
  return { mediaType: content.mediaType, type: typeOf(content.schema), encoding: content.encoding };
}

/** The body with every media type; the one the client sends is picked here, once. Also its schema, for the stream flag. */
function buildBody(requestBody: NonNullable<NormalizedOperation['requestBody']>, vars: NameRegistry, ctx: ApiContext): { body: RequestBodyIR; sentSchema: Schema } {
  const content = pickBody(requestBody.content)!;
  const all = requestBody.content.map((c) => media(c, (s) => ctx.mapper.typeOf(s)));
  const key = content.schema.$ref === undefined ? undefined : refName(content.schema.$ref);
  const modelName = key === undefined ? undefined : ctx.modelNames.get(key);
  const body: RequestBodyIR = {
    required: requestBody.required,
    description: requestBody.description,
    // Named after its model, as openapi-generator names it (`createChatCompletionRequest`).
    varName: vars.claim(modelName ? toVariableName(modelName) : 'body'),
    media: all,
    sent: all[requestBody.content.indexOf(content)]!,
    example: ctx.examples.write(content.schema),
  };
  return { body, sentSchema: content.schema };
}

/**
 * The success response: JSON, else text or binary, else nothing; and a stream of items if
 * offered (server-sent events before the other formats).
 */
function resultOf(op: NormalizedOperation, typeOf: (s: Schema) => TsType): { result: ResultIR; json: MediaContent | undefined; streamed: MediaContent | undefined } {
  const content = pickSuccess(op)?.content ?? [];
  const streamed = content.find((c) => c.sequence?.format === 'sse') ?? content.find((c) => c.sequence);
  const whole = content.filter((c) => !c.sequence);
  const json = whole.find((c) => JSON_TYPE.test(c.mediaType));
  const other = whole.find((c) => c !== json);
  if (json) return { json, streamed, result: { decode: 'json', mediaType: json.mediaType, type: typeOf(json.schema) } };
  if (other && /^text\//i.test(other.mediaType)) return { json, streamed, result: { decode: 'text', mediaType: other.mediaType, type: T.string } };
  if (other) return { json, streamed, result: { decode: 'binary', mediaType: other.mediaType, type: T.binary } };
  return { json, streamed, result: { decode: 'none', type: T.void } };
}

/** One item of a sequence its schema describes as an array; unknown when the array's items are not given. */
function arrayItems(schema: Schema, spec: NormalizedSpec): Schema {
  return resolveSchema(schema, spec)?.items ?? {};
}

/** A media type Accept can carry as written: type/subtype and simple parameters (no commas, quotes or line breaks). */
const ACCEPTABLE = /^[\w!#$&^.+*-]+\/[\w!#$&^.+*-]+(\s*;\s*[\w!#$&^.+-]+=[\w!#$&^.+-]+)*$/;

/**
 * The media types the plain method asks for in Accept: those the success responses declare,
 * in spec order, each once; streams of items are asked for by the `...Stream` method instead.
 */
function acceptedMediaTypes(op: NormalizedOperation): string[] {
  const success = pickSuccess(op);
  const responses = op.responses.filter((r) => r === success || /^2(\d\d|XX)$/i.test(r.status));
  return acceptable(responses.flatMap((r) => r.content.filter((c) => !c.sequence).map((c) => c.mediaType)));
}

/**
 * The media types Accept can carry, each once (media types ignore case). One whose parameters
 * it cannot carry (quotes, commas, a hostile line break) is sent without them; one whose type
 * it cannot carry is left out.
 */
function acceptable(mediaTypes: string[]): string[] {
  const seen = new Set<string>();
  const carried = mediaTypes.map((type) => type.trim()).map((type) => (ACCEPTABLE.test(type) ? type : type.split(';')[0]!.trim()));
  return carried.filter((type) => ACCEPTABLE.test(type) && !seen.has(type.toLowerCase()) && seen.add(type.toLowerCase()));
}

/**
 * Whether the runtime can write every value of a path or header parameter's schema into a path
 * segment or header (scalars; lists in headers). When not (a schema of `{}` or an object), the
 * client takes `string | number | boolean`, with a warning.
 */
function carriable(p: NormalizedParameter, op: NormalizedOperation, ctx: ApiContext): boolean {
  if (p.in !== 'path' && p.in !== 'header') return true;
  const fits = (schema: Schema, listAllowed: boolean, depth = 0): boolean => {
    const key = schema.$ref === undefined ? undefined : refName(schema.$ref);
    const s = key === undefined ? schema : ctx.spec.schemas.get(key);
    if (!s || depth > 8) return false;
    if (s !== schema) return fits(s, listAllowed, depth + 1);
    if (s.enum !== undefined || s.const !== undefined) return true;
    const members = s.oneOf ?? s.anyOf;
    if (members && !s.type) return members.every((m) => fits(m, listAllowed, depth + 1));
    if (s.type === 'array') return listAllowed && s.items !== undefined && fits(s.items, false, depth + 1);
    return typeof s.type === 'string' && ['string', 'number', 'integer', 'boolean'].includes(s.type) && s.format !== 'binary';
  };
  if (fits(p.schema, p.in === 'header')) return true;
  ctx.spec.diagnostics.warning(ctx.spec.pointers.get(p.schema) ?? op.pointer, `${p.in} parameter '${p.name}' has a schema whose values a ${p.in} cannot carry; typed string | number | boolean`, 'PARAMETER_SCHEMA_UNSUPPORTED');
  return false;
}

function rank(p: NormalizedParameter, pathOrder: Array<string | undefined>): number {
  const order = { path: 0, query: 1, header: 2, cookie: 3 }[p.in];
  return order * 1000 + (p.in === 'path' ? Math.max(0, pathOrder.indexOf(p.name)) : 0);
}

const DEFAULT_STYLE: Record<ParameterLocation, string> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };

function parameter(p: NormalizedParameter, varName: string, op: NormalizedOperation, ctx: ApiContext): ParameterIR {
  const style = p.style ?? DEFAULT_STYLE[p.in];
  const dflt = p.schema.default;
  const example = ctx.examples.write(p.schema);
  return {
    name: p.name,
    in: p.in,
    varName,
    source: '#' + (p.pointer ?? op.pointer),
    style,
    explode: p.explode ?? style === 'form',
    allowReserved: p.allowReserved === true,
    contentMediaType: p.contentMediaType,
    required: p.required,
    deprecated: p.deprecated,
    description: p.description,
    type: p.in === 'path' ? withoutNull(ctx.mapper.typeOf(p.schema)) : ctx.mapper.typeOf(p.schema),
    carriable: p.in === 'cookie' || carriable(p, op, ctx),
    default: typeof dflt === 'string' || typeof dflt === 'number' || typeof dflt === 'boolean' ? dflt : undefined,
    // A bare `'string'` placeholder says less than the parameter's name.
    example: example.kind === 'scalar' && example.value === 'string' ? { kind: 'scalar', value: `${p.name}_example` } : example,
  };
}

/** A path segment is never null on the wire, so a nullable path parameter is typed without it. */
function withoutNull(type: TsType): TsType {
  return type.kind === 'union' ? union(type.members.filter((m) => !(m.kind === 'primitive' && m.name === 'null'))) : type;
}

const BODY_PREFERENCE = [JSON_TYPE, /^multipart\/form-data/i, /^application\/x-www-form-urlencoded/i];

function pickBody(content: MediaContent[]): MediaContent | undefined {
  for (const pattern of BODY_PREFERENCE) {
    const hit = content.find((c) => pattern.test(c.mediaType));
    if (hit) return hit;
  }
  return content[0];
}

/** The first 2xx response (then 2XX, then default), as openapi-generator picks it. */
function pickSuccess(op: NormalizedOperation) {
  const sorted = [...op.responses].sort((a, b) => (a.status < b.status ? -1 : 1));
  return sorted.find((r) => /^2\d\d$/.test(r.status)) ?? sorted.find((r) => /^2XX$/i.test(r.status)) ?? sorted.find((r) => r.status === 'default');
}

/** Property names of a schema, through references and allOf members. */
function propertyNames(schema: Schema, spec: NormalizedSpec, seen = new Set<Schema>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(schema)) return names;
  seen.add(schema);
  const key = schema.$ref === undefined ? undefined : refName(schema.$ref);
  const target = key === undefined ? schema : spec.schemas.get(key);
  if (!target) return names;
  if (target !== schema) return propertyNames(target, spec, seen);
  for (const name of Object.keys(target.properties ?? {})) names.add(name);
  for (const member of target.allOf ?? []) for (const name of propertyNames(member, spec, seen)) names.add(name);
  return names;
}
