// One ApiIR per tag (first tag of each operation, `DefaultApi` when untagged), holding a
// method per operation with its parameters, body, response and streaming/paging shape.
import { camelize, NameRegistry, propertyKey, quote, toApiClassName, toMethodName, toVariableName } from '../naming.ts';
import type { MediaContent, NormalizedOperation, NormalizedParameter, NormalizedSpec } from '../normalize/normalize.ts';
import { refName, type Schema } from '../normalize/schema.ts';
import { docType } from './docType.ts';
import type { ExampleWriter } from './examples.ts';
import { markdown, markdownCode, docLines, tableCell } from './text.ts';
import { collectRefs, printType, type TsType, type TypeMapper } from './typeExpr.ts';
import type { ApiIR, OperationIR, OptsTypeIR, ParamIR } from './types.ts';

export interface ApiContext {
  spec: NormalizedSpec;
  mapper: TypeMapper;
  examples: ExampleWriter;
  modelNames: Map<string, string>;
  /** Names taken by models, so `...Opts` interfaces never shadow one. */
  typeNames: NameRegistry;
}

export function buildApis(ctx: ApiContext): ApiIR[] {
  const byClass = new Map<string, { tag: string; ops: NormalizedOperation[] }>();
  for (const op of ctx.spec.operations) {
    const className = toApiClassName(op.tags[0]);
    const entry = byClass.get(className) ?? { tag: op.tags[0] ?? 'default', ops: [] };
    entry.ops.push(op);
    byClass.set(className, entry);
  }
  const apis: ApiIR[] = [];
  for (const [className, { tag, ops }] of [...byClass].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const refs = new Set<string>();
    const operations = ops.map((op) => buildOperation(op, ctx, refs));
    const tagInfo = ctx.spec.tags.find((t) => t.name === tag);
    apis.push({
      className,
      tag,
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

function buildOperation(op: NormalizedOperation, ctx: ApiContext, refs: Set<string>): OperationIR {
  const methodName = toMethodName(op.operationId);
  const vars = new NameRegistry(['options', 'opts']);
  const typeOf = (s: Schema): TsType => {
    const t = ctx.mapper.typeOf(s);
    collectRefs(t, refs);
    return t;
  };

  const params = op.parameters.filter((p) => p.in !== 'cookie');
  const pathOrder = [...op.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  params.sort((a, b) => rank(a, pathOrder) - rank(b, pathOrder));
  const irParams = params.map((p) => param(p, vars.claim(toVariableName(p.name)), typeOf(p.schema)));

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

  return {
    operationId: op.operationId,
    methodName,
    withHttpInfoName: `${methodName}WithHttpInfo`,
    httpMethod: op.method.toUpperCase(),
    path: op.path,
    pathLiteral: quote(op.path),
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
    responseMediaType,
    authLiteral: bearer.length ? `[${bearer.map(quote).join(', ')}]` : '',
    authNames: op.security,
    stream,
    pagination: paginationOf(op, json, queryParams, methodName, ctx, refs),
    anchor: methodName.toLowerCase(),
    docSignature: markdownCode(`Promise<${mainReturn}> ${methodName}(${args})`),
    docWithHttpInfoSignature: markdownCode(`Promise<ApiResponse<${mainReturn}>> ${methodName}WithHttpInfo(${argsOf(declType)})`),
    exampleImports: [...exampleTypes].sort(),
    exampleDecls,
    exampleCall: callArgs.join(', '),
    hasParams: positional.length > 0 || opts !== undefined,
    docReturnType: responseType === 'void' ? 'void (empty response body)' : json ? docType(ctx.mapper.typeOf(json.schema)) : `**${returnType}**`,
    requestContentType: bodyContent?.mediaType ?? '',
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
    key: propertyKey(wireName),
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
