// OpenAPI 3.2 folded into the form 3.0 and 3.1 already normalize to, so later stages need no
// change: the `query` method and `additionalOperations` become operations like any other,
// an `in: querystring` parameter written as a form becomes its query parameters, and a
// sequential media type's `itemSchema` (server-sent events, JSON Lines, json-seq) becomes the
// stream's item type. What cannot be honoured yet is left out with a located warning, never
// silently.
import type { Diagnostics } from '../diagnostics.ts';
import { parsePointer, pointerOf, resolvePointer } from '../pointer.ts';
import { HTTP_METHODS, type NormalizedParameter } from './normalize.ts';
import { normalizeSchema, textField, type SchemaContext } from './normalizeSchema.ts';
import { isPlainObject, type Schema } from './schema.ts';

type Segments = Array<string | number>;

export function isOpenApi32(doc: Record<string, unknown>): boolean {
  return /^3\.2\./.test(String(doc.openapi));
}

export interface PathOperation {
  method: string;
  op: unknown;
  segments: Segments;
}

/**
 * A path item's operations in a fixed order: openapi-generator's methods, then (3.2) `query`,
 * then `additionalOperations` in spec order. A method fetch cannot send, or one spelled so
 * that it cannot be written safely into code, is left out with a warning.
 */
export function operationsOf(item: Record<string, unknown>, itemAt: Segments, ctx: SchemaContext): PathOperation[] {
  const found: PathOperation[] = HTTP_METHODS.filter((m) => item[m] !== undefined).map((method) => ({ method, op: item[method], segments: [...itemAt, method] }));
  if (!isOpenApi32(ctx.document)) return found;
  if (item.query !== undefined) found.push({ method: 'query', op: item.query, segments: [...itemAt, 'query'] });
  const extra = item.additionalOperations;
  if (extra === undefined) return found;
  if (!isPlainObject(extra)) {
    ctx.diagnostics.warning(pointerOf([...itemAt, 'additionalOperations']), 'additionalOperations must be an object of operations by HTTP method; left out', 'FEATURE_UNSUPPORTED');
    return found;
  }
  for (const [method, op] of Object.entries(extra)) {
    const at = [...itemAt, 'additionalOperations', method];
    const problem = additionalMethodProblem(method);
    if (problem) ctx.diagnostics.warning(pointerOf(at), `${problem}; this operation is left out`, 'FEATURE_UNSUPPORTED');
    else found.push({ method, op, segments: at });
  }
  return found;
}

/** Methods fetch refuses to send (Fetch standard's forbidden methods). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

function additionalMethodProblem(method: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(method)) return `additional operation method ${JSON.stringify(method)} is not a plain HTTP method name (letters, digits, - and _)`;
  const upper = method.toUpperCase();
  if ((HTTP_METHODS as readonly string[]).includes(method.toLowerCase()) || upper === 'QUERY') return `method ${method} has its own field (${method.toLowerCase()}) and may not appear in additionalOperations`;
  if (FORBIDDEN_METHODS.has(upper)) return `method ${method} cannot be sent by fetch`;
  if (method !== upper) return `method ${method} would be sent as ${upper} (the client sends methods in upper case)`;
  return undefined;
}

/**
 * An `in: querystring` parameter (the whole query string, 3.2) as the query parameters it
 * stands for, when it is written as a form (`application/x-www-form-urlencoded`) of an object:
 * each property is a form-style query parameter, which serializes the same way. Any other form
 * is left out with a warning.
 */
export function querystringParameters(value: Record<string, unknown>, where: Segments, ctx: SchemaContext): NormalizedParameter[] {
  const at = pointerOf(where);
  const leftOut = (why: string): NormalizedParameter[] => {
    const required = value.required === true ? ' (it is required: calls will lack it)' : '';
    ctx.diagnostics.warning(at, `querystring parameter ${JSON.stringify(String(value.name ?? ''))} ${why}; it is left out${required}`, 'FEATURE_UNSUPPORTED');
    return [];
  };
  const content = isPlainObject(value.content) ? value.content : {};
  const form = Object.entries(content).find(([type]) => /^application\/x-www-form-urlencoded\b/i.test(type));
  if (!form) return leftOut('is not a form (application/x-www-form-urlencoded), the only querystring the client can write');
  const [mediaType, media] = form;
  const mediaAt: Segments = [...where, 'content', mediaType];
  const resolved = isPlainObject(media) ? followRef(media.schema, [...mediaAt, 'schema'], ctx.document) : undefined;
  const schema = resolved?.value;
  if (!resolved || !isPlainObject(schema) || !isPlainObject(schema.properties)) return leftOut('does not describe an object with properties');
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
    ctx.diagnostics.warning(pointerOf([...resolved.segments, 'additionalProperties']), 'a querystring object with other keys than its properties: only the properties can be passed', 'FEATURE_UNSUPPORTED');
  }
  const requiredKeys = Array.isArray(schema.required) ? schema.required : [];
  const encoding = isPlainObject(media) && isPlainObject(media.encoding) ? media.encoding : {};
  return Object.entries(schema.properties).map(([name, raw]) => {
    const propertyAt = [...resolved.segments, 'properties', name];
    const encoded = isPlainObject(encoding[name]) ? encoding[name] : {};
    const property = isPlainObject(raw) ? raw : {};
    return {
      name,
      in: 'query' as const,
      required: value.required === true && requiredKeys.includes(name),
      description: textField(property, 'description', pointerOf(propertyAt), ctx.diagnostics),
      deprecated: property.deprecated === true,
      style: typeof encoded.style === 'string' ? encoded.style : 'form',
      explode: typeof encoded.explode === 'boolean' ? encoded.explode : true,
      schema: normalizeSchema(raw, propertyAt, ctx),
    };
  });
}

/** How a response body frames a sequence of items: server-sent events, JSON Lines, RFC 7464 json-seq. */
export type SequenceFormat = 'sse' | 'json-lines' | 'json-seq';

/** A response body read item by item: its framing, and whether the media's schema is one item's or the whole sequence's, as an array. */
export interface MediaSequence {
  format: SequenceFormat;
  schemaIs: 'item' | 'array';
}

const SEQUENCE_TYPES: Array<[RegExp, SequenceFormat]> = [
  [/^text\/event-stream\s*(;|$)/i, 'sse'],
  [/^application\/(jsonl|jsonlines|x-jsonl|x-jsonlines|x-ndjson)\s*(;|$)/i, 'json-lines'],
  [/^application\/json-seq\s*(;|$)/i, 'json-seq'],
];

function sequenceFormatOf(mediaType: string): SequenceFormat | undefined {
  return SEQUENCE_TYPES.find(([pattern]) => pattern.test(mediaType))?.[1];
}

/**
 * The schema a media type is generated from and, for a response that is a sequence of items,
 * how they come. A 3.2 `itemSchema` types each item: for `text/event-stream` the JSON `data`
 * of each event, for JSON Lines and json-seq each JSON text. Without one (3.0, 3.1), an event
 * stream's schema is read as each event's data (the convention OpenAI's spec follows), and a
 * JSON Lines or json-seq `schema` of `type: array` as the whole sequence (its `items` are the
 * items, as in 3.2), a string schema as plain bytes, any other as each item. Request bodies
 * of items, and other sequences (multipart), are not typed item by item yet: `undefined`
 * leaves the media type out, with a warning, where reading it as one body would be wrong.
 */
export function mediaContentOf(mediaType: string, media: Record<string, unknown>, segments: Segments, ctx: SchemaContext, side: 'request' | 'response'): { schema: Schema; sequence?: MediaSequence } | undefined {
  const whole = () => (media.schema === undefined ? {} : normalizeSchema(media.schema, [...segments, 'schema'], ctx));
  const items = isOpenApi32(ctx.document) ? media.itemSchema : undefined;
  const itemAt = [...segments, 'itemSchema'];
  const format = side === 'response' ? sequenceFormatOf(mediaType) : undefined;
  if (format && items !== undefined) {
    const schema = format === 'sse' ? eventDataSchema(items, itemAt, ctx) : normalizeSchema(items, itemAt, ctx);
    return { schema, sequence: { format, schemaIs: 'item' } };
  }
  if (format === 'sse') return { schema: whole(), sequence: { format, schemaIs: 'item' } };
  if (format) {
    const written = followRef(media.schema, [...segments, 'schema'], ctx.document)?.value;
    const type = isPlainObject(written) ? written.type : undefined;
    if (type === 'string') return { schema: whole() };
    return { schema: whole(), sequence: { format, schemaIs: type === 'array' ? 'array' : 'item' } };
  }
  if (items === undefined) return { schema: whole() };
  if (/json|event-stream/i.test(mediaType) && media.schema === undefined) {
    ctx.diagnostics.warning(pointerOf(itemAt), `a ${side} of ${mediaType} items is not generated item by item yet (only responses are); this media type is left out`, 'FEATURE_UNSUPPORTED');
    return undefined;
  }
  ctx.diagnostics.warning(pointerOf(itemAt), `${mediaType} items are not typed one by one yet; the content is read as a whole`, 'FEATURE_UNSUPPORTED');
  return { schema: whole() };
}

/** One event's `data`, as JSON: its `contentSchema`, or the data schema itself when it is not a string. */
function eventDataSchema(raw: unknown, segments: Segments, ctx: SchemaContext): Schema {
  const item = followRef(raw, segments, ctx.document);
  const members = item && isPlainObject(item.value) ? (['oneOf', 'anyOf'] as const).find((k) => Array.isArray((item.value as Record<string, unknown>)[k])) : undefined;
  if (item && members) {
    const list = (item.value as Record<string, unknown[]>)[members]!;
    const union: Schema = { [members]: list.map((m, i) => eventDataSchema(m, [...item.segments, members, i], ctx)) };
    ctx.pointers.set(union, pointerOf(item.segments));
    return union;
  }
  const data = item && isPlainObject(item.value) && isPlainObject(item.value.properties) ? followRef(item.value.properties.data, [...item.segments, 'properties', 'data'], ctx.document) : undefined;
  if (data && isPlainObject(data.value)) {
    if (data.value.contentSchema !== undefined) return normalizeSchema(data.value.contentSchema, [...data.segments, 'contentSchema'], ctx);
    if (data.value.type !== undefined && data.value.type !== 'string') return normalizeSchema(data.value, data.segments, ctx);
    if (typeof data.value.contentMediaType === 'string' && /json/i.test(data.value.contentMediaType)) return {};
  }
  ctx.diagnostics.warning(pointerOf(data?.segments ?? segments), "the events' data is not declared as JSON (a contentSchema, or contentMediaType application/json); the stream's chunks are typed unknown and parsed as JSON", 'FEATURE_UNSUPPORTED');
  return {};
}

/** A raw value and where it is written, after following local `$ref`s (at most a few). */
function followRef(raw: unknown, segments: Segments, document: unknown): { value: unknown; segments: Segments } | undefined {
  let value = raw;
  let where = segments;
  for (let hops = 0; isPlainObject(value) && typeof value.$ref === 'string'; hops++) {
    if (hops >= 16 || !value.$ref.startsWith('#')) return undefined;
    where = parsePointer(value.$ref);
    value = resolvePointer(document, value.$ref);
  }
  return value === undefined ? undefined : { value, segments: where };
}

/**
 * 3.2's tag `summary` stands in for a missing description; `parent` and `kind` (navigation
 * hierarchy and grouping) have nothing to shape in a client: one warning says so, at the first.
 */
export function tagDescription(tag: Record<string, unknown>, at: string, diagnostics: Diagnostics): string | undefined {
  return textField(tag, 'description', at, diagnostics) ?? textField(tag, 'summary', at, diagnostics);
}

export function warnTagHierarchy(tags: unknown[], diagnostics: Diagnostics): void {
  const i = tags.findIndex((t) => isPlainObject(t) && (t.parent !== undefined || t.kind !== undefined));
  if (i < 0) return;
  const tag = tags[i] as Record<string, unknown>;
  diagnostics.warning(pointerOf(['tags', i, tag.parent !== undefined ? 'parent' : 'kind']), 'tag parent and kind are not reflected in the client yet: each tag is its own API class and documentation page', 'FEATURE_UNSUPPORTED');
}

/** A server URL; a relative one is resolved against the 3.2 document's `$self`, its base URI, when that is absolute. */
export function serverUrl(url: string, doc: Record<string, unknown>, diagnostics: Diagnostics): string {
  const self = doc.$self;
  if (self === undefined || !isOpenApi32(doc)) return url;
  if (typeof self !== 'string' || !URL.canParse(self)) {
    diagnostics.warning('/$self', '$self must be an absolute URI; relative server URLs stay as written', 'FEATURE_UNSUPPORTED');
    return url;
  }
  return URL.canParse(url) ? url : new URL(url, self).href;
}
