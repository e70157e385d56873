// Stage 4: ClientIR → ClientView, every string the templates print: identifiers and keys, type
// expressions, doc comment lines, Markdown cells and anchors, signatures and examples. It reads
// the IR alone, never the spec.
import { defaultServerUrl } from '../normalize/securityServers.ts';
import { NameRegistry, objectLiteralKey, propertyKey, quote, camelize } from '../naming.ts';
import { JSON_TYPE, memberNames, methodVariants } from '../ir/buildApis.ts';
import { collectRefs, T, union } from '../ir/typeExpr.ts';
import type { ApiIR, ClientIR, ExampleValue, MediaIR, ModelIR, OperationIR, ParameterIR, PropertyIR, StreamIR, TsType } from '../ir/types.ts';
import { errorsView, fieldPathLiteral, pagingExampleOf, paginationView } from './errorsAndPaging.ts';
import { exampleText } from './exampleText.ts';
import { readmeWalkthroughs } from './readmeWalkthroughs.ts';
import { accessTokenExample, authorizationMarkdown, configurationExample, configurationLines, securityLiteral, securitySchemesLiteral, securityView, serverDocs, serversChoosable, serversLiteral, serverVariablesExample } from './securityServers.ts';
import { NON_STREAMING_BODY, signatureOf } from './signatures.ts';
import { docLines, escapePipes, headingAnchor, lineComment, markdown, markdownCode, tableCell } from './text.ts';
import { docType, intersectionMember, printType } from './typeText.ts';
import { callbacksMarkdown, webhooksView } from './webhooks.ts';
import type { DocsContext } from '../render/render.ts';
import type { ApiView, ClientView, ModelView, OperationView, OptsTypeView, ParamView, PropertyView, StreamView } from './types.ts';

/** What every docs page shows of the client (render needs it before the view: models are rendered first). */
export function docsContext(ir: ClientIR): DocsContext {
  return { moduleName: ir.moduleName, packageName: ir.packageName, basePath: tableCell(defaultServerUrl(ir.servers[0])) };
}

/** The view of the client; `onApi` is given each API class's view as soon as it is built (render then makes its files at once). */
export function buildView(ir: ClientIR, onApi?: (api: ApiView) => void): ClientView {
  const basePath = defaultServerUrl(ir.servers[0]);
  const apis = ir.apis.map((api) => {
    const view = apiView(api, ir);
    onApi?.(view);
    return view;
  });
  return {
    packageName: ir.packageName,
    packageVersion: ir.packageVersion,
    moduleName: ir.moduleName,
    packageDescription: `TypeScript client for the ${ir.info.title}`,
    title: tableCell(ir.info.title),
    apiVersion: tableCell(ir.info.version),
    description: markdown(ir.info.description),
    basePath: tableCell(basePath),
    basePathLiteral: quote(basePath),
    apiKeyEnv: ir.apiKeyEnv,
    baseUrlEnv: ir.baseUrlEnv,
    apiKeyEnvLiteral: optionalLiteral(ir.apiKeyEnv),
    baseUrlEnvLiteral: optionalLiteral(ir.baseUrlEnv),
    userAgentLiteral: quote(`${ir.packageName}/${ir.packageVersion}`),
    errorMessageFieldsLiteral: fieldPathsLiteral(ERROR_MESSAGE_FIELDS[ir.errorShape]),
    openaiConventions: ir.errorShape === 'openai',
    accessTokenExample: accessTokenExample(ir.apiKeyEnv),
    repository: ir.repository === undefined ? undefined : repositoryLinks(ir.repository),
    securitySchemes: ir.securitySchemes.map(securityView),
    securitySchemesLiteral: securitySchemesLiteral(ir.securitySchemes),
    configurationLines: configurationLines(ir),
    serversLiteral: serversLiteral(ir.servers),
    serversChoosable: serversChoosable(ir.servers),
    servers: serverDocs(ir.servers),
    serverVariablesExample: serverVariablesExample(ir.servers),
    readme: readmeWalkthroughs(ir),
    apis,
    pagingExample: pagingExampleOf(apis),
    models: ir.models.map((model) => ({ name: model.name, ir: model })),
    webhooks: webhooksView(ir),
  };
}

/**
 * Where ApiError finds an error body's message, per errorShape: OpenAI's `error.message` (or a bare
 * `message`) only, or also the other common shapes: RFC 9457's `detail`, a string `error`, `title`.
 */
const ERROR_MESSAGE_FIELDS: Record<ClientIR['errorShape'], ReadonlyArray<string | readonly string[]>> = {
  openai: [['error', 'message'], 'message'],
  common: [['error', 'message'], 'message', 'detail', 'error', 'title'],
};

function fieldPathsLiteral(paths: ReadonlyArray<string | readonly string[]>): string {
  return `[${paths.map(fieldPathLiteral).join(', ')}]`;
}

function optionalLiteral(text: string | undefined): string {
  return text === undefined ? 'undefined' : quote(text);
}

function repositoryLinks(url: string): ClientView['repository'] {
  const base = url.replace(/\.git$/, '');
  return { gitUrl: `git+${base}.git`, homepage: `${base}#readme`, issues: `${base}/issues` };
}

// ── APIs ──────────────────────────────────────────────────────────────────

function apiView(api: ApiIR, ir: ClientIR): ApiView {
  const operations = api.operations.map((op) => operationView(op, ir));
  // The class's code holds the operations it implements; those of several tags it takes from their first class.
  const implemented = api.operations.filter((op) => op.className === api.className);
  const implementedOperations = operations.filter((_, i) => api.operations[i]!.className === api.className);
  const imports = new Set<string>();
  for (const op of implemented) for (const type of operationTypes(op)) collectRefs(type, imports);
  return {
    className: api.className,
    tag: api.tag,
    docLines: docLines(`${api.tag} operations.`),
    description: markdown(api.description),
    operations,
    implementedOperations,
    borrowed: borrowedMembers(api),
    modelImports: [...imports].sort(),
    usesStream: implementedOperations.some((o) => o.stream),
    bodyEncoders: [...new Set(implementedOperations.flatMap((o) => o.body?.encoderNames ?? []))].sort(),
    pagingFactories: [...new Set(implementedOperations.flatMap((o) => (o.pagination ? [o.pagination.factory] : [])))].sort(),
    optionTypes: implementedOperations.flatMap((o) => (o.opts ? [o.opts] : [])),
    usesSecurity: implementedOperations.some((o) => o.securityLiteral !== ''),
    errorTypes: implementedOperations.flatMap((o) => (o.errors ? [o.errors] : [])),
  };
}

/** The methods a class shares with the class implementing them, grouped by that class. */
function borrowedMembers(api: ApiIR): ApiView['borrowed'] {
  const byOwner = new Map<string, string[]>();
  for (const op of api.operations) {
    if (op.className === api.className) continue;
    byOwner.set(op.className, [...(byOwner.get(op.className) ?? []), ...memberNames(op)]);
  }
  return [...byOwner].sort(([a], [b]) => (a < b ? -1 : 1)).map(([owner, names]) => ({ owner, names, pickedNames: names.map(quote).join(' | ') }));
}

/** Every type an operation's methods mention: its parameters' (as the spec types them), body, result, stream and pages. */
function operationTypes(op: OperationIR): TsType[] {
  return [
    ...sentParameters(op).map((p) => p.type),
    // Every offered media type's type: the body argument takes any of them.
    ...(op.requestBody ? op.requestBody.media.map((m) => m.type) : []),
    op.result.type,
    ...(op.stream ? [op.stream.chunkType] : []),
    ...(op.pagination ? [op.pagination.itemType] : []),
    ...(op.errors ? op.errors.responses.map((r) => r.type) : []),
  ];
}

/** Every parameter is sent, cookies included (a browser's fetch drops a Cookie header; Node sends it). */
function sentParameters(op: OperationIR): ParameterIR[] {
  return op.parameters;
}

/** What a path segment or header takes when it cannot carry the schema's values. */
const SCALAR: TsType = { kind: 'union', members: [T.string, T.number, T.boolean] };

function operationView(op: OperationIR, ir: ClientIR): OperationView {
  const variants = methodVariants(op.methodName);
  const args: Arg[] = sentParameters(op).map((p) => ({ view: paramView(p, op.optionsTypeName !== undefined && !p.required), description: p.description, type: p.type, example: p.example }));
  const params = args.map((a) => a.view);
  const body = op.requestBody && bodyView(op.requestBody);
  const positionalArgs = args.filter((a) => a.view.required);
  // The argument takes any offered media type's type, so the example imports each.
  if (op.requestBody && body) positionalArgs.push({ view: body, description: op.requestBody.description, type: union(op.requestBody.media.map((m) => m.type)), example: op.requestBody.example });
  const positional = positionalArgs.map((a) => a.view);
  const optionalArgs = args.filter((a) => !a.view.required);
  const opts: OptsTypeView | undefined = op.optionsTypeName === undefined ? undefined : { name: op.optionsTypeName, params: optionalArgs.map((a) => a.view) };
  const stream = op.stream && streamView(op.stream, variants.stream, op.result.decode === 'none');
  const returnType = printType(op.result.type);
  const mainReturn = stream?.only ? `Stream<${stream.chunkType}>` : returnType;
  const signature = signatureOf(positional, opts?.name, stream?.flagProperty === true);
  const pagination = op.pagination && paginationView(op.pagination, variants.all);
  const errors = op.errors && errorsView(op.errors, op.methodName);
  return {
    operationId: op.operationId,
    callbacks: callbacksMarkdown(op, ir),
    methodName: op.methodName,
    withHttpInfoName: variants.withHttpInfo,
    httpMethod: op.method.toUpperCase(),
    path: op.path,
    pathLiteral: quote(op.path),
    pathMarkdown: tableCell(op.path),
    docLines: docLines([op.summary, op.description].filter(Boolean).join('\n\n'), [
      ...positionalArgs.map((a) => `@param ${a.view.varName} ${oneLine(a.description ?? '')}`.trimEnd()),
      ...(opts ? ['@param opts Optional parameters.'] : []),
      '@param options Per-request options: signal, timeoutMs, maxRetries, headers.',
      ...(errors ? [`@throws {${errors.typeName}} the error responses the spec declares, narrowed by \`status\``] : []),
      ...(op.deprecated ? ['@deprecated'] : []),
    ]),
    summary: tableCell(op.summary ?? firstSentence(op.description)),
    description: markdown(op.description ?? op.summary),
    deprecated: op.deprecated,
    positional,
    opts,
    pathParams: params.filter((p) => p.location === 'path'),
    queryParams: params.filter((p) => p.location === 'query'),
    headerParams: params.filter((p) => p.location === 'header'),
    wireParams: params,
    body,
    returnType,
    responseType: op.result.decode === 'none' ? 'void' : op.result.decode,
    acceptLiteral: acceptLiteral(op.accept),
    responseMediaType: tableCell(stream?.only ? op.stream!.mediaType : op.result.mediaType ?? ''),
    securityLiteral: securityLiteral(op.security),
    authorizationMarkdown: authorizationMarkdown(op.security),
    serversLiteral: op.servers.length === 0 ? '' : serversLiteral(op.servers, '    '),
    configurationExample: configurationExample(op, ir.securitySchemes, ir.apiKeyEnv),
    stream,
    pagination,
    errors,
    anchor: op.methodName.toLowerCase(),
    signature,
    specBuilderName: `spec_${op.methodName}`,
    docSignature: markdownCode(`Promise<${mainReturn}> ${op.methodName}(${signature.params})`),
    docWithHttpInfoSignature: markdownCode(`Promise<ApiResponse<${mainReturn}>> ${variants.withHttpInfo}(${signature.plainParams})`),
    ...exampleView(positionalArgs, opts && { name: opts.name, args: optionalArgs }, stream?.flagProperty === true),
    hasParams: positional.length > 0 || opts !== undefined,
    docReturnType: op.result.decode === 'none' ? 'void (empty response body)' : op.result.decode === 'json' ? docType(op.result.type) : `**${returnType}**`,
    requestContentType: tableCell(requestMediaTypes(op).join(', ')),
  };
}

/** The RequestSpec's `accept`; '' leaves the runtime's default. */
function acceptLiteral(mediaTypes: string[]): string {
  return mediaTypes.length > 0 ? quote(mediaTypes.join(', ')) : '';
}

/** How each stream format is named where the docs and comments speak of its items. */
const STREAM_WORDING: Record<StreamIR['format'], string> = {
  sse: 'server-sent events, one parsed chunk at a time',
  'json-lines': 'JSON Lines, one parsed item a line',
  'json-seq': 'a JSON text sequence (RFC 7464), one parsed item a record',
};

function streamView(stream: StreamIR, methodName: string, only: boolean): StreamView {
  return {
    methodName,
    chunkType: printType(stream.chunkType),
    only,
    flagProperty: stream.selectedByFlag,
    acceptLiteral: acceptLiteral(stream.accept),
    // Server-sent events are the runtime's default framing.
    formatLiteral: stream.format === 'sse' ? '' : quote(stream.format),
    wording: STREAM_WORDING[stream.format],
  };
}

/** The request media types, the one sent by default first. */
function requestMediaTypes(op: OperationIR): string[] {
  const body = op.requestBody;
  return body ? [body.sent.mediaType, ...body.media.filter((m) => m !== body.sent).map((m) => m.mediaType)] : [];
}

/** The schemes an operation may use, each once, in the order the spec lists them. */
export function securitySchemeNames(op: OperationIR): string[] {
  return [...new Set(op.security.flatMap((alternative) => alternative.map((s) => s.scheme)))];
}

/** An argument of the method: its view and the meaning the docs example and comment need. */
interface Arg {
  view: ParamView;
  description: string | undefined;
  /** The type the spec gives (a path or header value may be declared wider). */
  type: TsType;
  example: ExampleValue;
}

/** The docs example: argument declarations (typed as the method declares them), the types they import, the call. */
function exampleView(positional: Arg[], opts: { name: string; args: Arg[] } | undefined, streamFlag: boolean) {
  const imports = new Set<string>();
  for (const a of positional) collectRefs(a.type, imports);
  const decls = positional.map(({ view: p, example }) => `const ${p.varName}: ${p.tsType}${p.isBody && streamFlag ? NON_STREAMING_BODY : ''} = ${exampleText(example)};`);
  if (opts) {
    const inner = opts.args.map(({ view: p, example }) => `  ${p.varName}: ${exampleText(example)},`);
    decls.push(`const opts: ${opts.name} = {\n${inner.join('\n')}\n};`);
    imports.add(opts.name);
  }
  return { exampleImports: [...imports].sort(), exampleDecls: decls, exampleCall: [...positional.map((a) => a.view.varName), ...(opts ? ['opts'] : [])].join(', ') };
}

/** The type the method declares a parameter with. */
export function declaredType(p: ParameterIR): TsType {
  return p.carriable ? p.type : SCALAR;
}

function paramView(p: ParameterIR, inOpts: boolean): ParamView {
  const type = declaredType(p);
  const notes = [p.required ? '' : '[optional]', p.default === undefined ? '' : `[default to ${String(p.default)}]`].filter(Boolean).join(' ');
  return {
    ...paramShape(p.name, p.varName, p.in, p.required, type, p.description, p.deprecated),
    accessor: inOpts ? `opts?.${p.varName}` : p.varName,
    notes: tableCell(notes),
    paramSpecLiteral: paramSpecLiteral(p, inOpts ? `opts?.${p.varName}` : p.varName),
  };
}

const DEFAULT_STYLE: Record<ParameterIR['in'], string> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };

/** The runtime's ParamSpec (runtime/params.ts) for a parameter; the defaults are left out to keep the output small. */
function paramSpecLiteral(p: ParameterIR, accessor: string): string {
  const fields = [`name: ${quote(p.name)}`, `in: ${quote(p.in)}`];
  if (p.contentMediaType !== undefined) fields.push(`contentType: ${quote(p.contentMediaType)}`);
  else {
    if (p.style !== DEFAULT_STYLE[p.in]) fields.push(`style: ${quote(p.style)}`);
    if (p.explode !== (p.style === 'form')) fields.push(`explode: ${String(p.explode)}`);
  }
  if (p.allowReserved) fields.push('allowReserved: true');
  return `{ ${[...fields, `value: ${accessor}`].join(', ')} }`;
}

function bodyView(body: NonNullable<OperationIR['requestBody']>): NonNullable<OperationView['body']> {
  const sent = mediaView(body.sent);
  const others = body.media.filter((m) => m !== body.sent).map(mediaView);
  // The caller may send any offered media type (RequestOptions.contentType), so the argument takes each one's type.
  const tsType = [...new Set([sent, ...others].map((m) => m.tsType))].join(' | ');
  return {
    ...paramShape(body.varName, body.varName, 'body', body.required, body.sent.type, body.description),
    tsType,
    bodyType: sent.family,
    mediaType: body.sent.mediaType,
    mediaTypeLiteral: sentMediaTypeLiteral(body.sent.mediaType, sent.family),
    encoder: sent.encoder,
    // The sent JSON type needs no import (the runtime's default); a further JSON type names jsonBody.
    encoderNames: [...(sent.encoder === '' ? [] : [sent.encoderName]), ...others.map((m) => m.encoderName)],
    otherMediaTypesLiteral: others.length === 0 ? '' : `{ ${others.map((m) => `${quote(m.mediaType)}: ${m.encoder || m.encoderName}`).join(', ')} }`,
  };
}

/**
 * The media type the RequestSpec names, verbatim; '' where the encoder's default is better:
 * application/json (the runtime's default, so the OpenAI client's bodies stay as they were) and
 * a wildcard such as `*\/*`, which is no Content-Type (binaryBody replaces wildcards itself).
 */
function sentMediaTypeLiteral(mediaType: string, family: string): string {
  if (family === 'json' && mediaType === 'application/json') return '';
  if (family !== 'binary' && mediaType.includes('*')) return '';
  return quote(mediaType);
}

/** The arguments a raw (neither JSON nor form) body accepts: what binaryBody and textBody send. */
const RAW_BODY = 'string | Blob | Uint8Array | ReadableStream<Uint8Array>';

/** One request media type: the argument type it takes and the runtime encoder (an expression, and the name to import). */
function mediaView(media: MediaIR): { mediaType: string; family: string; tsType: string; encoder: string; encoderName: string } {
  const family = bodyTypeOf(media);
  const tsType = family === 'text' || family === 'binary' ? RAW_BODY : printType(media.type);
  if (family === 'json') return { mediaType: media.mediaType, family, tsType, encoder: '', encoderName: 'jsonBody' };
  if (family === 'form' && media.encoding !== undefined) {
    return { mediaType: media.mediaType, family, tsType, encoder: `urlEncodedBody(${formEncodingLiteral(media.encoding)})`, encoderName: 'urlEncodedBody' };
  }
  return { mediaType: media.mediaType, family, tsType, encoder: `${family}Body`, encoderName: `${family}Body` };
}

/** The spec's `encoding` object as the runtime's FormEncoding: per property its contentType, style and explode. */
function formEncodingLiteral(encoding: Record<string, unknown>): string {
  const entries = Object.entries(encoding).map(([property, raw]) => {
    const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const fields: string[] = [];
    if (typeof given.contentType === 'string') fields.push(`contentType: ${quote(given.contentType)}`);
    if (typeof given.style === 'string' && FORM_STYLES.includes(given.style)) fields.push(`style: ${quote(given.style)}`);
    if (typeof given.explode === 'boolean') fields.push(`explode: ${String(given.explode)}`);
    return `${objectLiteralKey(property)}: { ${fields.join(', ')} }`;
  });
  return `{ ${entries.join(', ')} }`;
}

const FORM_STYLES = ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'];

function paramShape(wireName: string, varName: string, location: ParamView['location'], required: boolean, type: TsType, description?: string, deprecated = false): ParamView {
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
    paramSpecLiteral: '',
  };
}

/** The runtime's body encoder family for a media type: JSON, multipart, form, text (text and XML) or raw bytes. */
function bodyTypeOf(media: MediaIR): string {
  if (JSON_TYPE.test(media.mediaType)) return 'json';
  if (/^multipart\/form-data/i.test(media.mediaType)) return 'multipart';
  if (/^application\/x-www-form-urlencoded/i.test(media.mediaType)) return 'form';
  // A `format: binary` body declared as text is bytes, sent as they are.
  if (media.type.kind === 'primitive' && media.type.name === 'binary') return 'binary';
  if (/^text\/|^application\/(sdp|xml)\b|\+xml\b/i.test(media.mediaType)) return 'text';
  return 'binary';
}

function firstSentence(text: string | undefined): string {
  return (text ?? '').split(/(?<=\.)\s/)[0] ?? '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ── models ────────────────────────────────────────────────────────────────

/** A model's view: a function of its IR node alone (render keys a model's files by that node). */
export function modelView(model: ModelIR): ModelView {
  const refs = new Set<string>();
  for (const type of [...model.heritage, ...model.properties.map((p) => p.type), ...(model.additional ? [model.additional] : []), ...(model.type ? [model.type] : [])]) collectRefs(type, refs);
  refs.delete(model.name);
  const keys = new NameRegistry();
  const tsType = model.type ? printType(model.type) : '';
  return {
    name: model.name,
    schemaKey: model.schemaKey,
    source: model.source,
    sourceComment: lineComment(model.source),
    inline: model.inline,
    kind: model.kind,
    isInterface: model.kind === 'interface',
    isIntersection: model.kind === 'intersection',
    isAlias: model.kind === 'alias',
    isEnum: model.kind === 'enum',
    docLines: docLines(model.description, model.deprecated ? ['@deprecated'] : []),
    description: markdown(model.description),
    deprecated: model.deprecated,
    heritage: model.heritage.map(intersectionMember),
    properties: model.properties.map(propertyView),
    indexSignature: model.additional && printType(model.additional),
    tsType,
    enumMembers: model.enumValues.map((v) => ({ key: keys.claim(enumKey(v)), literal: quote(v), literalMarkdown: escapePipes(quote(v)) })),
    tsTypeMarkdown: tsType, // shown in a code span; literals inside were quoted, so no backtick
    imports: [...refs].sort(),
    example: exampleText(model.example),
    docKind: model.kind === 'enum' ? 'enum' : model.kind === 'alias' ? 'type alias' : 'object',
  };
}

function propertyView(p: PropertyIR): PropertyView {
  const notes = [p.required ? '' : '[optional]', p.readonly ? '[readonly]' : '', p.deprecated ? '[deprecated]' : '', p.default === undefined ? '' : `[default to ${String(p.default)}]`].filter(Boolean).join(' ');
  return {
    wireName: p.name,
    wireNameMarkdown: tableCell(p.name),
    key: propertyKey(p.name),
    tsType: printType(p.type),
    optional: !p.required,
    readonly: p.readonly,
    docLines: docLines(p.description, p.deprecated ? ['@deprecated'] : []),
    description: tableCell(p.description),
    docType: docType(p.type),
    notes: tableCell(notes),
  };
}

function enumKey(value: string): string {
  // SHOUTING_CASE values read better as PascalCase keys: US_STORAGE → UsStorage.
  const key = camelize(/^[A-Z0-9_]+$/.test(value) ? value.toLowerCase() : value);
  if (key === '') return 'Empty';
  return /^[0-9]/.test(key) ? `Value${key}` : key;
}
