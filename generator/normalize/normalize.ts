// Stage 2: the loaded document becomes a NormalizedSpec: references checked, 3.0 and 3.1
// folded together, operations listed in a fixed order, inline schemas lifted to named
// components the way openapi-generator lifts them. Problems are collected, not thrown.
import { Diagnostics } from '../diagnostics.ts';
import { SpecError } from '../errors.ts';
import { parsePointer, pointerOf } from '../pointer.ts';
import type { LoadedSpec } from '../load/loadSpec.ts';
import { checkNames } from './checks.ts';
import { flattenInlineSchemas } from './flattenInline.ts';
import { isOpenApi32, mediaContentOf, operationsOf, querystringParameters, tagDescription, warnTagHierarchy, type MediaSequence } from './openapi32.ts';
import { operationIdFromPath, renameDuplicateOperations } from './operationIds.ts';
import { checkRef, normalizeSchema, textField, type SchemaContext } from './normalizeSchema.ts';
import { isPlainObject, rawComponentSchemas, type Schema } from './schema.ts';
import { readWebhooks, type NormalizedWebhook } from './webhooks.ts';
import { readDocumentServers, readSecurity, warnCredentialsInClear, readSecuritySchemes, readServers, type SecurityRequirements, type SecurityScheme, type Server } from './securityServers.ts';

export type { NormalizedWebhook } from './webhooks.ts';
export type { OAuthFlow, SecurityRequirements, SecurityScheme, Server, ServerVariable } from './securityServers.ts';

// openapi-generator walks a path's operations in this order; so do we.
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface NormalizedParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  deprecated: boolean;
  style?: string;
  explode?: boolean;
  /** Query only: reserved characters are sent unencoded. */
  allowReserved?: boolean;
  /** A `content`-encoded parameter's media type (its value is sent as, e.g., JSON text). */
  contentMediaType?: string;
  schema: Schema;
  /** Where the operation lists it (`.../parameters/0`, maybe a `$ref`); absent for an undeclared path parameter. */
  pointer?: string;
}

export interface MediaContent {
  mediaType: string;
  schema: Schema;
  encoding?: Record<string, unknown>;
  /** Set for a response read item by item (see mediaContentOf). */
  sequence?: MediaSequence;
}

export interface NormalizedResponse {
  status: string;
  description?: string;
  content: MediaContent[];
  /** Declared response headers, lower case (`link` marks Link-header paging). */
  headers?: string[];
}

export interface NormalizedOperation {
  pointer: string;
  path: string;
  method: string;
  operationId: string;
  tags: string[];
  summary?: string;
  description?: string;
  deprecated: boolean;
  parameters: NormalizedParameter[];
  requestBody?: { required: boolean; description?: string; content: MediaContent[] };
  responses: NormalizedResponse[];
  /** The operation's own security, else the document's ([] means none needed). */
  security: SecurityRequirements;
  /** The operation's own servers, else its path's; [] means the document's. */
  servers: Server[];
  /** The operation's `x-pagination` extension as written, checked where the IR reads it. */
  xPagination?: { value: unknown; pointer: string };
  /** The operation's `callbacks` as written, read by readCallbacks (webhooks.ts). */
  callbacks?: { value: unknown; segments: Array<string | number> };
}

export interface NormalizedSpec {
  file: string;
  openapi: string;
  info: { title: string; version: string; description?: string };
  /** Package options the spec itself asks for, from its root `x-codegen-options`. */
  packageOptions: SpecPackageOptions;
  /** The npm package name the spec asks for in its root `x-package-name`. */
  packageName?: string | undefined;
  servers: Server[];
  tags: Array<{ name: string; description?: string }>;
  securitySchemes: SecurityScheme[];
  operations: NormalizedOperation[];
  /** The root `webhooks` (3.1+) and the operations' `callbacks`: requests the API sends. */
  webhooks: NormalizedWebhook[];
  /** Component schemas in spec order, then the lifted inline ones in the order they were found. */
  schemas: Map<string, Schema>;
  /** For lifted schemas: the pointer where the schema was written inline. */
  inlineOrigins: Map<string, string>;
  pointers: Map<object, string>;
  diagnostics: Diagnostics;
}

/** The options a spec may set for the package it becomes (the caller's options win). */
export interface SpecPackageOptions {
  /** Environment variable the client reads for the access token when none is configured. */
  apiKeyEnv?: string;
  /** Environment variable the client reads for the base URL when none is configured. */
  baseUrlEnv?: string;
  /** https URL of the package's source repository (package.json `repository`, `homepage`, `bugs`). */
  repository?: string;
  /** Module name of the docs headings (`PetstoreClient.PetApi`); default one made from the package name. */
  moduleName?: string;
  /** How ApiError reads an error body: `common` (default: `message`, `error`, `detail`, ...) or `openai` (OpenAI's `error` object only). */
  errorShape?: string;
}

const ERROR_SHAPES = ['common', 'openai'];

/** Each option with the check its value must pass and what that check asks for. */
export const PACKAGE_OPTION_RULES: Record<keyof SpecPackageOptions, { valid: (value: string) => boolean; expected: string }> = {
  apiKeyEnv: { valid: isEnvName, expected: 'an environment variable name (letters, digits and _, not starting with a digit)' },
  baseUrlEnv: { valid: isEnvName, expected: 'an environment variable name (letters, digits and _, not starting with a digit)' },
  repository: { valid: isRepositoryUrl, expected: 'an https URL without query or fragment' },
  moduleName: { valid: isModuleName, expected: 'an identifier starting with a capital letter (letters and digits)' },
  errorShape: { valid: isErrorShape, expected: `one of ${ERROR_SHAPES.join(', ')}` },
};

function isModuleName(value: string): boolean {
  return /^[A-Z][A-Za-z0-9]{0,199}$/.test(value);
}

function isErrorShape(value: string): boolean {
  return ERROR_SHAPES.includes(value);
}

function isEnvName(value: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value);
}

function isRepositoryUrl(value: string): boolean {
  return /^https:\/\/[A-Za-z0-9.-]+(:[0-9]+)?(\/[A-Za-z0-9._~-]+)+$/.test(value);
}

export function normalize(loaded: LoadedSpec): NormalizedSpec {
  const doc = loaded.document;
  const diagnostics = new Diagnostics(loaded.file, loaded.locate);
  const ctx: SchemaContext = { document: doc, diagnostics, pointers: new Map(), written: new Map(), expanding: new Set(), expanded: new Map(), hoisted: new Map(), targets: new Map(), parametersAt: new Map(), responsesAt: new Map() };

  const openapi = String(doc.openapi ?? doc.swagger ?? '');
  if (!/^3\.[012]\./.test(openapi)) {
    diagnostics.error(doc.openapi === undefined ? '' : '/openapi', `only OpenAPI 3.0, 3.1 and 3.2 are supported (found ${JSON.stringify(openapi || 'no version')})`, 'UNSUPPORTED_VERSION');
    throw new SpecError(diagnostics.errors);
  }
  const info = isPlainObject(doc.info) ? doc.info : {};
  if (!isPlainObject(doc.info)) diagnostics.error('/info', 'info is required', 'MISSING_FIELD');
  const title = textField(info, 'title', '/info', diagnostics);
  const infoDescription = textField(info, 'description', '/info', diagnostics);
  // `version: 1.0` is a number in YAML; it still reads as a version.
  const version = typeof info.version === 'number' ? String(info.version) : textField(info, 'version', '/info', diagnostics);

  const components = new Map<string, Schema>();
  const rawSchemas = rawComponentSchemas(doc);
  for (const [name, raw] of Object.entries(rawSchemas)) {
    components.set(name, normalizeSchema(raw, ['components', 'schemas', name], ctx));
  }

  const securitySchemes = readSecuritySchemes(doc, diagnostics);
  const globalSecurity = readSecurity(doc.security, '/security', securitySchemes, diagnostics) ?? [];
  const operations = readOperations(doc, ctx, securitySchemes, globalSecurity);
  const webhooks = readWebhooks(doc, operations, ctx);
  for (const { name, schema } of ctx.hoisted.values()) if (schema) components.set(name, schema);
  const { schemas, inlineOrigins } = flattenInlineSchemas({ operations, webhooks, components, pointers: ctx.pointers, written: ctx.written });
  for (const [ref, { name }] of ctx.hoisted) inlineOrigins.set(name, ref.slice(1));

  const spec: NormalizedSpec = {
    file: loaded.file,
    openapi,
    info: {
      title: title ?? 'API',
      version: version ?? '0.0.0',
      description: infoDescription,
    },
    packageOptions: readPackageOptions(doc['x-codegen-options'], diagnostics),
    packageName: readPackageName(doc['x-package-name'], diagnostics),
    servers: readDocumentServers(doc, diagnostics),
    tags: readTags(doc.tags, diagnostics),
    securitySchemes,
    operations,
    webhooks,
    schemas,
    inlineOrigins,
    pointers: ctx.pointers,
    diagnostics,
  };
  renameDuplicateOperations(spec, doc);
  checkNames(spec);
  warnCredentialsInClear(spec.servers, spec.operations, diagnostics);
  if (diagnostics.errors.length > 0) throw new SpecError(diagnostics.items.filter((d) => d.severity === 'error'));
  return spec;
}

/** Where a model's schema is: its component, or the inline spot it was lifted from. */
export function schemaPointer(spec: NormalizedSpec, key: string): string {
  return spec.inlineOrigins.get(key) ?? pointerOf(['components', 'schemas', key]);
}

function readTags(raw: unknown, diagnostics: Diagnostics): NormalizedSpec['tags'] {
  if (!Array.isArray(raw)) return [];
  warnTagHierarchy(raw, diagnostics);
  return raw.flatMap((t, i) => {
    if (!isPlainObject(t)) return [];
    const name = textField(t, 'name', `/tags/${i}`, diagnostics);
    return name === undefined ? [] : [{ name, description: tagDescription(t, `/tags/${i}`, diagnostics) }];
  });
}

/** An HTTP header name: RFC 9110's token. Anything else would make every call throw. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** An npm package name: lower case, optionally scoped, at most 214 characters. */
export const NPM_PACKAGE_NAME = /^(@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/;

function readPackageName(raw: unknown, diagnostics: Diagnostics): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && raw.length <= 214 && NPM_PACKAGE_NAME.test(raw)) return raw;
  diagnostics.error('/x-package-name', 'x-package-name must be an npm package name (lower case letters, digits, -, ., _ and ~, optionally @scope/)', 'PACKAGE_OPTION_INVALID');
  return undefined;
}

function readPackageOptions(raw: unknown, diagnostics: Diagnostics): SpecPackageOptions {
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) {
    diagnostics.error('/x-codegen-options', 'x-codegen-options must be an object', 'WRONG_TYPE');
    return {};
  }
  const options: SpecPackageOptions = {};
  for (const [key, value] of Object.entries(raw)) {
    const at = pointerOf(['x-codegen-options', key]);
    if (!Object.hasOwn(PACKAGE_OPTION_RULES, key)) {
      diagnostics.warning(at, `unknown option ${JSON.stringify(key)} ignored (known: ${Object.keys(PACKAGE_OPTION_RULES).join(', ')})`, 'PACKAGE_OPTION_UNKNOWN');
      continue;
    }
    const name = key as keyof SpecPackageOptions;
    if (typeof value === 'string' && PACKAGE_OPTION_RULES[name].valid(value)) options[name] = value;
    else diagnostics.error(at, `${name} must be ${PACKAGE_OPTION_RULES[name].expected}`, 'PACKAGE_OPTION_INVALID');
  }
  return options;
}

/** 3.1 and later: paths and responses are optional. */
export function isOpenApi31OrLater(doc: Record<string, unknown>): boolean {
  return /^3\.[12]\./.test(String(doc.openapi));
}

function readOperations(doc: Record<string, unknown>, ctx: SchemaContext, schemes: SecurityScheme[], globalSecurity: SecurityRequirements): NormalizedOperation[] {
  const operations: NormalizedOperation[] = [];
  // 3.1 made paths optional: a document of webhooks or components only has no operations.
  if (doc.paths === undefined && isOpenApi31OrLater(doc)) return operations;
  if (!isPlainObject(doc.paths)) {
    ctx.diagnostics.error(doc.paths === undefined ? '' : '/paths', 'paths must be an object', 'WRONG_TYPE');
    return operations;
  }
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    // The Paths object allows extensions beside the paths (`x-codegen-contextRoot` in real specs).
    if (path.startsWith('x-')) continue;
    const itemAt = ['paths', path];
    let item = rawItem;
    if (isPlainObject(item) && typeof item.$ref === 'string') item = checkRef(item.$ref, pointerOf([...itemAt, '$ref']), ctx);
    if (!isPlainObject(item)) {
      ctx.diagnostics.error(pointerOf(itemAt), 'a path item must be an object', 'WRONG_TYPE');
      continue;
    }
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    const pathServers = readServers(item.servers, [...itemAt, 'servers'], doc, ctx.diagnostics);
    for (const { method, op, segments } of operationsOf(item, itemAt, ctx)) {
      if (!isPlainObject(op)) {
        ctx.diagnostics.error(pointerOf(segments), 'an operation must be an object', 'WRONG_TYPE');
        continue;
      }
      operations.push(readOperation(path, method, op, segments, shared, ctx, schemes, globalSecurity, pathServers));
    }
  }
  return operations;
}

function readOperation(
  path: string,
  method: string,
  op: Record<string, unknown>,
  segments: Array<string | number>,
  sharedParameters: unknown[],
  ctx: SchemaContext,
  schemes: SecurityScheme[],
  globalSecurity: SecurityRequirements,
  pathServers: Server[] | undefined,
): NormalizedOperation {
  const at = pointerOf(segments);
  let operationId = textField(op, 'operationId', at, ctx.diagnostics) ?? '';
  if (!operationId) {
    operationId = operationIdFromPath(path, method);
    ctx.diagnostics.warning(at, `operation has no operationId; named '${operationId}'`, 'OPERATION_ID_MISSING');
  }
  const parameters = operationParameters(op, segments, sharedParameters, ctx);
  for (const name of path.match(/\{[^}]*\}/g) ?? []) {
    const bare = name.slice(1, -1);
    if (parameters.has(`path:${bare}`)) continue;
    // Real specs forget these on one method of a path; the template still says it is a string.
    ctx.diagnostics.warning(at, `path parameter '${bare}' of '${path}' is not declared; taken as a required string`, 'PATH_PARAMETER_UNDECLARED');
    parameters.set(`path:${bare}`, { name: bare, in: 'path', required: true, deprecated: false, schema: { type: 'string' } });
  }

  return {
    pointer: at,
    path,
    method,
    operationId,
    tags: readOperationTags(op.tags, `${at}/tags`, ctx.diagnostics),
    summary: textField(op, 'summary', at, ctx.diagnostics),
    description: textField(op, 'description', at, ctx.diagnostics),
    deprecated: op.deprecated === true,
    parameters: [...parameters.values()],
    requestBody: readRequestBody(op.requestBody, [...segments, 'requestBody'], ctx),
    responses: readResponses(op.responses, [...segments, 'responses'], ctx),
    security: readSecurity(op.security, `${at}/security`, schemes, ctx.diagnostics) ?? globalSecurity,
    servers: readServers(op.servers, [...segments, 'servers'], ctx.document, ctx.diagnostics) ?? pathServers ?? [],
    ...(op['x-pagination'] === undefined ? {} : { xPagination: { value: op['x-pagination'], pointer: `${at}/x-pagination` } }),
    ...(op.callbacks === undefined ? {} : { callbacks: { value: op.callbacks, segments: [...segments, 'callbacks'] } }),
  };
}

/** A path item's parameters, then the operation's (which override those of the same name and place), by `in:name`. */
export function operationParameters(op: Record<string, unknown>, segments: Array<string | number>, sharedParameters: unknown[], ctx: SchemaContext): Map<string, NormalizedParameter> {
  const parameters = new Map<string, NormalizedParameter>();
  const addParameters = (list: unknown, base: Array<string | number>) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      ctx.diagnostics.error(pointerOf(base), 'parameters must be a list', 'WRONG_TYPE');
      return;
    }
    list.forEach((raw, i) => {
      const pointer = pointerOf([...base, i]);
      for (const p of readParameters(raw, [...base, i], ctx)) parameters.set(`${p.in}:${p.name}`, { ...p, pointer });
    });
  };
  addParameters(sharedParameters, [...segments.slice(0, -1), 'parameters']);
  addParameters(op.parameters, [...segments, 'parameters']);
  return parameters;
}

function readOperationTags(raw: unknown, at: string, diagnostics: Diagnostics): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((t) => typeof t === 'string')) {
    diagnostics.error(at, 'tags must be a list of strings', 'WRONG_TYPE');
    return [];
  }
  return raw;
}

/** Follows a `$ref` on a parameter, body or response object (not a schema). */
export function deref(raw: unknown, segments: Array<string | number>, ctx: SchemaContext): { value: unknown; segments: Array<string | number> } {
  let value = raw;
  let where = segments;
  for (let hops = 0; isPlainObject(value) && typeof value.$ref === 'string' && hops < 16; hops++) {
    const ref: string = value.$ref;
    value = checkRef(ref, pointerOf([...where, '$ref']), ctx);
    where = parsePointer(ref);
  }
  return { value, segments: where };
}

/** A parameter; a 3.2 `in: querystring` one stands for several query parameters. */
export function readParameters(raw: unknown, segments: Array<string | number>, ctx: SchemaContext): NormalizedParameter[] {
  const { value, segments: where } = deref(raw, segments, ctx);
  if (!isPlainObject(value)) return [];
  const at = pointerOf(where);
  let read = ctx.parametersAt.get(at);
  if (read === undefined) {
    if (value.in === 'querystring' && isOpenApi32(ctx.document)) read = querystringParameters(value, where, ctx);
    else read = [readParameter(value, where, at, ctx)].filter((p) => p !== undefined);
    ctx.parametersAt.set(at, read);
  }
  return read;
}

/** The parameter written at `at` (`where`), its reference already followed. */
function readParameter(value: Record<string, unknown>, where: Array<string | number>, at: string, ctx: SchemaContext): NormalizedParameter | undefined {
  const location = value.in;
  if (location !== 'path' && location !== 'query' && location !== 'header' && location !== 'cookie') {
    ctx.diagnostics.error(`${at}/in`, `parameter 'in' must be path, query, header or cookie`, 'PARAMETER_LOCATION_INVALID');
    return undefined;
  }
  if (typeof value.name !== 'string') {
    ctx.diagnostics.error(`${at}/name`, 'parameter needs a name', 'MISSING_FIELD');
    return undefined;
  }
  if (value.name === '') {
    // Left over from converted collections (`name: ""` beside a placeholder example): nothing can be sent under it.
    ctx.diagnostics.warning(`${at}/name`, 'a parameter with an empty name cannot be sent; it is left out', 'MISSING_FIELD');
    return undefined;
  }
  if (location === 'header' && !HEADER_NAME.test(value.name)) {
    ctx.diagnostics.error(`${at}/name`, `${JSON.stringify(value.name)} is not a valid HTTP header name (letters, digits and !#$%&'*+.^_\`|~- only)`, 'HEADER_NAME_INVALID');
    return undefined;
  }
  if (location === 'header' && value.name === '__proto__') {
    // Node's fetch (undici) silently drops a header of that name, however it is given.
    ctx.diagnostics.error(`${at}/name`, `a header named __proto__ cannot be sent: fetch in Node.js drops it`, 'HEADER_NAME_INVALID');
    return undefined;
  }
  let schema: Schema = {};
  let contentMediaType: string | undefined;
  if (value.schema !== undefined) schema = normalizeSchema(value.schema, [...where, 'schema'], ctx);
  else if (isPlainObject(value.content)) {
    const [mediaType, media] = Object.entries(value.content)[0] ?? [];
    contentMediaType = mediaType;
    if (isPlainObject(media) && media.schema !== undefined) schema = normalizeSchema(media.schema, [...where, 'content', mediaType!, 'schema'], ctx);
  }
  return {
    name: value.name,
    in: location,
    required: location === 'path' ? true : value.required === true,
    description: textField(value, 'description', at, ctx.diagnostics),
    deprecated: value.deprecated === true,
    style: typeof value.style === 'string' ? value.style : undefined,
    explode: typeof value.explode === 'boolean' ? value.explode : undefined,
    ...(location === 'query' && value.allowReserved === true ? { allowReserved: true } : {}),
    ...(contentMediaType === undefined ? {} : { contentMediaType }),
    schema,
  };
}

function readContent(raw: unknown, segments: Array<string | number>, ctx: SchemaContext, side: 'request' | 'response'): MediaContent[] {
  if (!isPlainObject(raw)) return [];
  return Object.entries(raw).flatMap(([mediaType, media]) => {
    const m = isPlainObject(media) ? media : {};
    const read = mediaContentOf(mediaType, m, [...segments, mediaType], ctx, side);
    if (read === undefined) return [];
    const content: MediaContent = { mediaType, schema: read.schema, encoding: isPlainObject(m.encoding) ? m.encoding : undefined };
    if (read.sequence) content.sequence = read.sequence;
    return [content];
  });
}

export function readRequestBody(raw: unknown, segments: Array<string | number>, ctx: SchemaContext): NormalizedOperation['requestBody'] {
  if (raw === undefined) return undefined;
  const { value, segments: where } = deref(raw, segments, ctx);
  if (!isPlainObject(value)) return undefined;
  return {
    required: value.required === true,
    description: textField(value, 'description', pointerOf(where), ctx.diagnostics),
    content: readContent(value.content, [...where, 'content'], ctx, 'request'),
  };
}

export function readResponses(raw: unknown, segments: Array<string | number>, ctx: SchemaContext): NormalizedResponse[] {
  // 3.1 made responses optional: such an operation answers with nothing typed.
  if (raw === undefined && isOpenApi31OrLater(ctx.document)) return [];
  if (!isPlainObject(raw)) {
    ctx.diagnostics.error(pointerOf(segments), 'an operation needs responses', 'MISSING_FIELD');
    return [];
  }
  return Object.entries(raw).map(([status, response]) => {
    const { value, segments: where } = deref(response, [...segments, status], ctx);
    if (value === response) return { status, ...readResponse(value, where, pointerOf(where), ctx) };
    // A referenced response is read once (see SchemaContext.responsesAt); each use gets its own copy.
    const at = pointerOf(where);
    let read = ctx.responsesAt.get(at);
    if (read === undefined) {
      read = readResponse(value, where, at, ctx);
      ctx.responsesAt.set(at, read);
    }
    return { status, description: read.description, content: read.content.map((c) => ({ ...c })), headers: [...(read.headers ?? [])] };
  });
}

function readResponse(value: unknown, where: Array<string | number>, at: string, ctx: SchemaContext): Omit<NormalizedResponse, 'status'> {
  const r = isPlainObject(value) ? value : {};
  return {
    description: textField(r, 'description', at, ctx.diagnostics),
    content: readContent(r.content, [...where, 'content'], ctx, 'response'),
    headers: isPlainObject(r.headers) ? Object.keys(r.headers).map((name) => name.toLowerCase()) : [],
  };
}
