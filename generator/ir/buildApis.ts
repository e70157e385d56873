// One ApiIR per tag (first tag of each operation, `DefaultApi` when untagged), holding a
// method per operation with its parameters, body, response and streaming/paging shape.
import { camelize, MAX_TYPE_NAME, NameRegistry, objectLiteralKey, propertyKey, quote, toApiClassName, toMethodName, toVariableName } from '../naming.ts';
import type { MediaContent, NormalizedOperation, NormalizedParameter, NormalizedSpec } from '../normalize/normalize.ts';
import { refName, type Schema } from '../normalize/schema.ts';
import { docType } from './docType.ts';
import type { ExampleWriter } from './examples.ts';
import { docLines, headingAnchor, markdown, markdownCode, tableCell } from './text.ts';
import { collectRefs, printType, T, union, type TsType, type TypeMapper } from './typeExpr.ts';
import { reservedMethodNames, runtimeExportNames } from './runtimeNames.ts';
import type { ApiIR, OperationIR, OptsTypeIR, ParamIR } from './types.ts';

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
  for (const op of spec.operations) {
    const wanted = toApiClassName(op.tags[0]);
    if (names.has(wanted)) continue;
    const at = op.tags.length > 0 ? `${op.pointer}/tags/0` : op.pointer;
    if (wanted.length > MAX_TYPE_NAME) spec.diagnostics.error(at, `tag gives class ${wanted.slice(0, 40)}…, ${wanted.length} characters: longer than ${MAX_TYPE_NAME}, too long for a file name`);
    const name = registry.claim(wanted);
    if (name !== wanted) spec.diagnostics.warning(at, `class ${wanted} would clash with a class or runtime export spelled alike (file names ignore case on some systems); named ${name}`);
    names.set(wanted, name);
  }
  return names;
}

export function buildApis(ctx: ApiContext): ApiIR[] {
  const byClass = new Map<string, { tag: string; ops: NormalizedOperation[] }>();
  for (const op of ctx.spec.operations) {
    const className = ctx.classNames.get(toApiClassName(op.tags[0]))!;
    const entry = byClass.get(className) ?? { tag: op.tags[0] ?? 'default', ops: [] };
    entry.ops.push(op);
    byClass.set(className, entry);
  }
  const apis: ApiIR[] = [];
  for (const [className, { tag, ops }] of [...byClass].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const refs = new Set<string>();
    const members = new ClassMembers(className, ctx.spec);
    const operations = ops.map((op) => buildOperation(op, ctx, refs, members));
    const tagInfo = ctx.spec.tags.find((t) => t.name === tag);
    apis.push({
      className,
      tag,
      docLines: docLines(`${tag} operations.`),
      description: markdown(tagInfo?.description),
      operations,
      modelImports: [...refs].sort(),
      usesStream: operations.some((o) => o.stream),
      bodyEncoders: [...new Set(operations.map((o) => o.body?.encoder ?? '').filter(Boolean))].sort(),
      optionTypes: operations.flatMap((o) => (o.opts ? [o.opts] : [])),
    });
  }
  return apis;
}

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\b|^\*\/\*$/i;

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
    this.spec.diagnostics.warning(`${op.pointer}/operationId`, `method ${wanted} would override a member every ${this.className} has; named ${renamed}`);
    return renamed;
  }

  claim(op: NormalizedOperation, names: string[]): void {
    for (const name of names) {
      const owner = this.taken.get(name);
      if (owner !== undefined && owner !== op.operationId) {
        this.spec.diagnostics.error(`${op.pointer}/operationId`, `operationId '${op.operationId}' needs method ${this.className}.${name}, which '${owner}' already names`);
      } else this.taken.set(name, op.operationId);
    }
  }
}

function buildOperation(op: NormalizedOperation, ctx: ApiContext, refs: Set<string>, members: ClassMembers): OperationIR {
  const methodName = members.methodName(op);
  const vars = new NameRegistry(['options', 'opts']);
  const typeOf = (s: Schema): TsType => {
    const t = ctx.mapper.typeOf(s);
    collectRefs(t, refs);
    return t;
  };

  const params = op.parameters.filter((p) => p.in !== 'cookie');
  const pathOrder = [...op.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  params.sort((a, b) => rank(a, pathOrder) - rank(b, pathOrder));
  const irParams = params.map((p) => param(p, vars.claim(toVariableName(p.name)), carriedType(p, op, typeOf(p.schema), ctx)));

  const bodyContent = pickBody(op.requestBody?.content ?? []);
  const body = op.requestBody && bodyContent ? bodyParam(op.requestBody, bodyContent, vars, typeOf, ctx) : undefined;

  const positional = irParams.filter((p) => p.required);
  const optional = irParams.filter((p) => !p.required);
  if (body) positional.push(body);
  let opts: OptsTypeIR | undefined;
  if (optional.length > 0) {
    opts = { name: ctx.typeNames.claim(`${camelize(methodName)}Opts`), params: optional };
    for (const p of optional) p.accessor = `opts?.${p.varName}`;
  }

  const { json, sse, responseType, returnType, mediaType } = responseOf(op, typeOf);
  let responseMediaType = mediaType;
  let stream: OperationIR['stream'];
  if (sse) {
    stream = {
      methodName: `${methodName}Stream`,
      chunkType: printType(typeOf(sse.schema)),
      only: responseType === 'void',
      flagProperty: body !== undefined && propertyNames(bodyContent!.schema, ctx.spec).has('stream'),
    };
    if (stream.only) responseMediaType = sse.mediaType;
  }

  const pathParams = irParams.filter((p) => p.location === 'path');
  const queryParams = irParams.filter((p) => p.location === 'query');
  const bearer = op.security.filter((name) => ctx.spec.securitySchemes.some((s) => s.name === name && s.type === 'http' && s.scheme === 'bearer'));
  const callArgs = [...positional.map((p) => p.varName), ...(opts ? ['opts'] : [])];
  // A body that selects streaming by a flag is declared non-streaming, so every variant accepts it.
  const declType = (p: ParamIR) => (p.isBody && stream?.flagProperty ? `${p.tsType} & { stream?: false | null }` : p.tsType);
  const exampleDecls = positional.map((p) => `const ${p.varName}: ${declType(p)} = ${exampleFor(p, op, ctx)};`);
  const exampleTypes = new Set<string>();
  for (const p of positional) collectRefs(ctx.mapper.typeOf(schemaOfParam(p, op, bodyContent)), exampleTypes);
  if (opts) {
    const inner = opts.params.map((p) => `  ${p.varName}: ${exampleFor(p, op, ctx)},`);
    exampleDecls.push(`const opts: ${opts.name} = {\n${inner.join('\n')}\n};`);
    exampleTypes.add(opts.name);
  }
  const argsOf = (typeOfArg: (p: ParamIR) => string) =>
    [...positional.map((p) => `${p.varName}${p.required ? '' : '?'}: ${typeOfArg(p)}`), ...(opts ? [`opts?: ${opts.name}`] : []), 'options?: RequestOptions'].join(', ');
  const args = argsOf((p) => p.tsType);
  const mainReturn = stream?.only ? `Stream<${stream.chunkType}>` : returnType;
  const pagination = paginationOf(op, json, queryParams, methodName, ctx, refs);
  members.claim(op, [methodName, `${methodName}WithHttpInfo`, ...(stream ? [stream.methodName] : []), ...(pagination ? [pagination.methodName] : [])]);

  return {
    operationId: op.operationId,
    methodName,
    withHttpInfoName: `${methodName}WithHttpInfo`,
    httpMethod: op.method.toUpperCase(),
    path: op.path,
    pathLiteral: quote(op.path),
    pathMarkdown: tableCell(op.path),
    docLines: docLines([op.summary, op.description].filter(Boolean).join('\n\n'), [
      ...positional.map((p) => `@param ${p.varName} ${oneLine(paramDescription(p, op))}`.trimEnd()),
      ...(opts ? ['@param opts Optional parameters.'] : []),
      '@param options Per-request options: signal, timeoutMs, maxRetries, headers.',
      ...(op.deprecated ? ['@deprecated'] : []),
    ]),
    summary: tableCell(op.summary ?? firstSentence(op.description)),
    description: markdown(op.description ?? op.summary),
    deprecated: op.deprecated,
    positional,
    opts,
    pathParams,
    queryParams,
    headerParams: irParams.filter((p) => p.location === 'header'),
    body,
    returnType,
    responseType,
    responseMediaType: tableCell(responseMediaType),
    authLiteral: bearer.length ? `[${bearer.map(quote).join(', ')}]` : '',
    auth: op.security.map((name) => ({ name: tableCell(name), anchor: headingAnchor(name) })),
    stream,
    pagination,
    anchor: methodName.toLowerCase(),
    docSignature: markdownCode(`Promise<${mainReturn}> ${methodName}(${args})`),
    docWithHttpInfoSignature: markdownCode(`Promise<ApiResponse<${mainReturn}>> ${methodName}WithHttpInfo(${argsOf(declType)})`),
    exampleImports: [...exampleTypes].sort(),
    exampleDecls,
    exampleCall: callArgs.join(', '),
    hasParams: positional.length > 0 || opts !== undefined,
    docReturnType: responseType === 'void' ? 'void (empty response body)' : json ? docType(ctx.mapper.typeOf(json.schema)) : `**${returnType}**`,
    requestContentType: tableCell(bodyContent?.mediaType),
  };
}

function bodyParam(
  requestBody: NonNullable<NormalizedOperation['requestBody']>,
  content: MediaContent,
  vars: NameRegistry,
  typeOf: (s: Schema) => TsType,
  ctx: ApiContext,
): NonNullable<OperationIR['body']> {
  const key = content.schema.$ref === undefined ? undefined : refName(content.schema.$ref);
  const modelName = key === undefined ? undefined : ctx.modelNames.get(key);
  // Named after its model, as openapi-generator names it (`createChatCompletionRequest`).
  const varName = vars.claim(modelName ? toVariableName(modelName) : 'body');
  const bodyType = bodyTypeOf(content.mediaType);
  return {
    ...paramShape(varName, varName, 'body', requestBody.required, typeOf(content.schema), requestBody.description),
    bodyType,
    mediaType: content.mediaType,
    encoder: bodyType === 'json' ? '' : `${bodyType}Body`,
  };
}

/** The success response: JSON, else text or binary, else nothing; and an event stream if offered. */
function responseOf(op: NormalizedOperation, typeOf: (s: Schema) => TsType) {
  const success = pickSuccess(op);
  const json = success?.content.find((c) => JSON_TYPE.test(c.mediaType));
  const sse = success?.content.find((c) => /^text\/event-stream/i.test(c.mediaType));
  const other = success?.content.find((c) => c !== json && c !== sse);
  if (json) return { json, sse, responseType: 'json' as const, returnType: printType(typeOf(json.schema)), mediaType: json.mediaType };
  if (other && /^text\//i.test(other.mediaType)) return { json, sse, responseType: 'text' as const, returnType: 'string', mediaType: other.mediaType };
  if (other) return { json, sse, responseType: 'binary' as const, returnType: 'Blob', mediaType: other.mediaType };
  return { json, sse, responseType: 'void' as const, returnType: 'void', mediaType: '' };
}

const SCALAR: TsType = { k: 'union', of: [T.string, T.number, T.boolean] };

/**
 * The type a path or header parameter is declared with: its schema's, when the runtime can
 * write every value of it into a path segment or header (scalars; lists in headers); else
 * `string | number | boolean` (a schema of `{}` or an object), with a warning.
 */
function carriedType(p: NormalizedParameter, op: NormalizedOperation, schemaType: TsType, ctx: ApiContext): TsType {
  if (p.in !== 'path' && p.in !== 'header') return schemaType;
  // A path segment is never null on the wire, so a nullable path parameter is typed without it.
  const type = p.in === 'path' && schemaType.k === 'union' ? union(schemaType.of.filter((part) => printType(part) !== 'null')) : schemaType;
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
  if (fits(p.schema, p.in === 'header')) return type;
  ctx.spec.diagnostics.warning(ctx.spec.pointers.get(p.schema) ?? op.pointer, `${p.in} parameter '${p.name}' has a schema whose values a ${p.in} cannot carry; typed string | number | boolean`);
  return SCALAR;
}

function rank(p: NormalizedParameter, pathOrder: Array<string | undefined>): number {
  const order = { path: 0, query: 1, header: 2, cookie: 3 }[p.in];
  return order * 1000 + (p.in === 'path' ? Math.max(0, pathOrder.indexOf(p.name)) : 0);
}

function param(p: NormalizedParameter, varName: string, type: TsType): ParamIR {
  const shape = paramShape(p.name, varName, p.in, p.required, type, p.description, p.deprecated);
  const dflt = p.schema.default;
  if (dflt !== undefined && (typeof dflt === 'string' || typeof dflt === 'number' || typeof dflt === 'boolean')) {
    shape.notes = tableCell([shape.notes, `[default to ${String(dflt)}]`].filter(Boolean).join(' '));
  }
  return shape;
}

function paramShape(wireName: string, varName: string, location: ParamIR['location'], required: boolean, type: TsType, description?: string, deprecated = false): ParamIR {
  return {
    wireName,
    key: objectLiteralKey(wireName),
    varName,
    location,
    isBody: location === 'body',
    required,
    tsType: printType(type),
    accessor: varName,
    docLines: docLines(description, deprecated ? ['@deprecated'] : []),
    description: tableCell(description),
    docType: docType(type),
    notes: required ? '' : '[optional]',
  };
}

const BODY_PREFERENCE = [JSON_TYPE, /^multipart\/form-data/i, /^application\/x-www-form-urlencoded/i];

function pickBody(content: MediaContent[]): MediaContent | undefined {
  for (const pattern of BODY_PREFERENCE) {
    const hit = content.find((c) => pattern.test(c.mediaType));
    if (hit) return hit;
  }
  return content[0];
}

function bodyTypeOf(mediaType: string): string {
  if (JSON_TYPE.test(mediaType)) return 'json';
  if (/^multipart\/form-data/i.test(mediaType)) return 'multipart';
  if (/^application\/x-www-form-urlencoded/i.test(mediaType)) return 'form';
  if (/^text\/|^application\/(sdp|xml)/i.test(mediaType)) return 'text';
  return 'binary';
}

/** The first 2xx response (then 2XX, then default), as openapi-generator picks it. */
function pickSuccess(op: NormalizedOperation) {
  const sorted = [...op.responses].sort((a, b) => (a.status < b.status ? -1 : 1));
  return sorted.find((r) => /^2\d\d$/.test(r.status)) ?? sorted.find((r) => /^2XX$/i.test(r.status)) ?? sorted.find((r) => r.status === 'default');
}

function paginationOf(op: NormalizedOperation, json: MediaContent | undefined, query: ParamIR[], methodName: string, ctx: ApiContext, refs: Set<string>): OperationIR['pagination'] {
  const cursor = query.find((p) => p.wireName === 'after');
  if (op.method !== 'get' || !cursor || cursor.required || !json?.schema.$ref) return undefined;
  const key = refName(json.schema.$ref);
  const page = key === undefined ? undefined : ctx.spec.schemas.get(key);
  const data = page?.properties?.data;
  if (!page?.properties?.has_more || !data || !data.items) return undefined;
  const item = ctx.mapper.typeOf(data.items);
  collectRefs(item, refs);
  return { methodName: `${methodName}All`, itemType: printType(item), cursorParam: cursor.varName };
}

function exampleFor(p: ParamIR, op: NormalizedOperation, ctx: ApiContext): string {
  if (p.location === 'body') {
    const content = pickBody(op.requestBody?.content ?? []);
    return content ? ctx.examples.write(content.schema) : 'undefined';
  }
  const schema = op.parameters.find((x) => x.name === p.wireName)?.schema ?? {};
  const written = ctx.examples.write(schema);
  return written === quote('string') ? quote(`${p.wireName}_example`) : written;
}

function firstSentence(text: string | undefined): string {
  return (text ?? '').split(/(?<=\.)\s/)[0] ?? '';
}

function schemaOfParam(p: ParamIR, op: NormalizedOperation, body: MediaContent | undefined): Schema {
  if (p.location === 'body') return body?.schema ?? {};
  return op.parameters.find((x) => x.name === p.wireName && x.in === p.location)?.schema ?? {};
}

function paramDescription(p: ParamIR, op: NormalizedOperation): string {
  if (p.location === 'body') return op.requestBody?.description ?? '';
  return op.parameters.find((x) => x.name === p.wireName && x.in === p.location)?.description ?? '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
