// OpenAPI 3.x parameter serialization: each `style` × `explode` of the specification's
// style table, for path, query, header and cookie parameters, plus `allowReserved` and
// `content`-encoded parameters. The generated code describes its parameters as plain
// data (ParamSpec) and this module turns them into URL pieces and header values.
import { assertValidHeader } from './headers.js';

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';
export type ParamStyle = 'form' | 'simple' | 'label' | 'matrix' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

// Every optional field accepts undefined, so generated code compiles under exactOptionalPropertyTypes.
export interface ParamSpec {
  /** The wire name, as the spec writes it. */
  name: string;
  in: ParamLocation;
  /** Defaults: `form` for query and cookie, `simple` for path and header. */
  style?: ParamStyle | undefined;
  /** Defaults to true for `form`, false for every other style. */
  explode?: boolean | undefined;
  /** Query only: RFC 3986 reserved characters (`:/?#[]@!$&'()*+,;=`) are sent unencoded, except `#`. */
  allowReserved?: boolean | undefined;
  /** The media type of a `content` parameter (e.g. `application/json`); style and explode are then ignored. */
  contentType?: string | undefined;
  /** undefined and null leave the parameter out (a path parameter is then missing: TypeError). */
  value: unknown;
}

/** The serialized parameters of one request, ready for the URL and the headers. */
export interface SerializedParams {
  /** Path parameter name → its expansion, percent-encoded (`blue`, `.blue`, `;color=blue`). */
  path: Record<string, string>;
  /** Encoded `key=value` pairs, in parameter order, to be joined with `&`. */
  query: string[];
  /** Lower-case header name → value. */
  headers: Record<string, string>;
  /** Encoded `name=value` pairs of the cookie parameters, for one Cookie header (see withCookies). */
  cookies: string[];
}

const STYLES_BY_LOCATION: Record<ParamLocation, readonly ParamStyle[]> = {
  path: ['simple', 'label', 'matrix'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
};

const DEFAULT_STYLE: Record<ParamLocation, ParamStyle> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };

/** Names and values of an object parameter, or the items of an array parameter, as strings. */
type Shape = { kind: 'primitive'; value: string } | { kind: 'array'; items: string[] } | { kind: 'object'; entries: Array<[string, string]> };

/** Serializes every parameter; throws TypeError for a style its location does not allow. */
export function serializeParams(params: readonly ParamSpec[]): SerializedParams {
  const out: SerializedParams = { path: Object.create(null) as Record<string, string>, query: [], headers: {}, cookies: [] };
  for (const param of params) {
    if (isAbsent(param.value)) continue;
    switch (param.in) {
      case 'path':
        out.path[param.name] = serializePathParam(param);
        break;
      case 'query':
        out.query.push(...serializeQueryParam(param));
        break;
      case 'header': {
        const value = serializeHeaderParam(param);
        if (value !== undefined) out.headers[param.name.toLowerCase()] = value;
        break;
      }
      case 'cookie':
        out.cookies.push(...serializeCookieParam(param));
        break;
      default:
        throw new TypeError(`Parameter "${printable(param.name)}": unknown location "${printable(String(param.in))}"`);
    }
  }
  return out;
}

/**
 * Adds cookie pairs to the merged (lower-case) headers: after a Cookie header the caller set
 * (default or per-call headers), so a session cookie of theirs is kept, not replaced.
 */
export function withCookies(headers: Record<string, string>, cookies: readonly string[]): Record<string, string> {
  if (cookies.length === 0) return headers;
  const given = headers['cookie'];
  headers['cookie'] = [...(given === undefined || given === '' ? [] : [given]), ...cookies].join('; ');
  return headers;
}

/** Path: simple `blue`, label `.blue`, matrix `;color=blue`; never empty nor a dot segment. */
export function serializePathParam(param: ParamSpec): string {
  const shape = shapeOf(param);
  if (shape === undefined) throw new TypeError(`Missing path parameter "${printable(param.name)}"`);
  const style = styleOf(param);
  const explode = explodeOf(param, style);
  const name = encodeStrict(param.name);
  let expansion: string;
  if (style === 'label') {
    expansion = `.${joinShape(shape, explode, '.', '=', '.')}`;
  } else if (style === 'matrix') {
    expansion = matrixExpansion(name, shape, explode);
  } else {
    expansion = joinShape(shape, explode, ',', '=', ',');
  }
  if (expansion === '' || DOT_SEGMENT.test(expansion)) {
    throw new TypeError(`Path parameter "${printable(param.name)}" must not be empty, "." or ".."`);
  }
  return expansion;
}

/** How query-style pairs are escaped: in a URL, or in an `application/x-www-form-urlencoded` body. */
export interface QueryEscaping {
  /** Encodes one name or value. */
  encode: (text: string) => string;
  /** What goes between pipeDelimited items. */
  pipe: string;
}

export const URL_QUERY: QueryEscaping = { encode: encodeStrict, pipe: '%7C' };

/** A form body writes a space as `+`, as URLSearchParams does, and pipeDelimited items as `a|b` (OpenAPI's example). */
export const FORM_BODY: QueryEscaping = { encode: (text) => encodeStrict(text).replace(/%20/g, '+'), pipe: '|' };

/** Query: the `key=value` pairs of one parameter, already percent-encoded (a form body's property with FORM_BODY). */
export function serializeQueryParam(param: ParamSpec, escaping: QueryEscaping = URL_QUERY): string[] {
  const encode = param.allowReserved ? encodeAllowingReserved : escaping.encode;
  const name = escaping.encode(param.name);
  if (param.contentType !== undefined) return [`${name}=${encode(contentValue(param))}`];
  const style = styleOf(param);
  if (style === 'deepObject') return deepObjectPairs(param.name, param.value, escaping.encode, encode);
  const shape = shapeOf(param, encode);
  if (shape === undefined) return [];
  if (explodeOf(param, style) || shape.kind === 'primitive') return formPairs(name, shape);
  const delimiter = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? escaping.pipe : ',';
  return [`${name}=${joinShape(shape, false, delimiter, delimiter, delimiter)}`];
}

/** Header (`simple`): `blue`, `blue,black,brown`, `R,100,G,200,B,150` or exploded `R=100,G=200,B=150`; not percent-encoded. */
export function serializeHeaderParam(param: ParamSpec): string | undefined {
  let value: string | undefined;
  if (param.contentType !== undefined) {
    value = contentValue(param);
  } else {
    const style = styleOf(param);
    const shape = shapeOf(param, asIs);
    value = shape === undefined ? undefined : joinShape(shape, explodeOf(param, style), ',', '=', ',');
  }
  if (value !== undefined) assertValidHeader(param.name, value);
  return value;
}

/** Cookie (`form`): the `name=value` pairs for the one Cookie header, values percent-encoded. */
export function serializeCookieParam(param: ParamSpec): string[] {
  const name = encodeStrict(param.name);
  if (param.contentType !== undefined) return [`${name}=${encodeStrict(contentValue(param))}`];
  const style = styleOf(param);
  const shape = shapeOf(param);
  if (shape === undefined) return [];
  if (explodeOf(param, style)) return formPairs(name, shape);
  return [`${name}=${joinShape(shape, false, ',', ',', ',')}`];
}

// URL parsers treat "." / ".." (and their %2E spellings) as dot-segments and
// resolve them away, so encoding alone cannot keep them in the path: reject.
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

/**
 * RFC 3986 percent-encoding of everything but the unreserved characters (`A-Z a-z 0-9 - . _ ~`).
 * encodeURIComponent leaves `!'()*` alone, which RFC 3986 reserves.
 */
export function encodeStrict(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `allowReserved`: reserved characters and existing `%XX` escapes stay as they are (RFC 6570's
 * `{+var}`), except `#`, which would end the URL's query; everything else is percent-encoded.
 */
export function encodeAllowingReserved(text: string): string {
  return text
    .split(/(%[0-9A-Fa-f]{2})/)
    .map((part, i) => (i % 2 === 1 ? part : encodeURI(part).replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/#/g, '%23')))
    .join('');
}

function asIs(text: string): string {
  return text;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

function styleOf(param: ParamSpec): ParamStyle {
  const style = param.style ?? DEFAULT_STYLE[param.in];
  if (!STYLES_BY_LOCATION[param.in].includes(style)) {
    throw new TypeError(`Parameter "${printable(param.name)}": style "${printable(String(style))}" is not allowed in ${param.in}`);
  }
  return style;
}

function explodeOf(param: ParamSpec, style: ParamStyle): boolean {
  return param.explode ?? style === 'form';
}

/** One scalar as text: dates as ISO strings; nested objects have no serialization in these styles. */
function scalarText(param: ParamSpec, value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    throw new TypeError(`Parameter "${printable(param.name)}": a nested object or array has no ${styleOf(param)} serialization`);
  }
  return String(value);
}

/** The value's shape with each name and value encoded; undefined when absent or an empty list or object (RFC 6570). */
function shapeOf(param: ParamSpec, encode: (text: string) => string = encodeStrict): Shape | undefined {
  const value = param.value;
  if (isAbsent(value)) return undefined;
  if (param.contentType !== undefined) return { kind: 'primitive', value: encode(contentValue(param)) };
  if (Array.isArray(value)) {
    const items = value.filter((item) => !isAbsent(item)).map((item) => encode(scalarText(param, item)));
    return items.length === 0 ? undefined : { kind: 'array', items };
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => !isAbsent(item))
      .map(([key, item]): [string, string] => [encode(key), encode(scalarText(param, item))]);
    return entries.length === 0 ? undefined : { kind: 'object', entries };
  }
  return { kind: 'primitive', value: encode(scalarText(param, value)) };
}

/** Exploded `form`: `name=item` per array item, `key=value` per object entry. */
function formPairs(name: string, shape: Shape): string[] {
  if (shape.kind === 'array') return shape.items.map((item) => `${name}=${item}`);
  if (shape.kind === 'object') return shape.entries.map(([key, value]) => `${key}=${value}`);
  return [`${name}=${shape.value}`];
}

/** `;color=blue`, `;color=blue,black` or exploded `;color=blue;color=black` / `;R=100;G=200`; an empty value is `;color`. */
function matrixExpansion(name: string, shape: Shape, explode: boolean): string {
  const pair = (key: string, value: string) => (value === '' ? `;${key}` : `;${key}=${value}`);
  if (explode && shape.kind === 'object') return shape.entries.map(([key, value]) => pair(key, value)).join('');
  if (explode && shape.kind === 'array') return shape.items.map((item) => pair(name, item)).join('');
  return pair(name, joinShape(shape, false, ',', ',', ','));
}

/**
 * The shape as one string: array items joined by `itemDelimiter`; object entries as
 * `key{pairDelimiter}value` joined by `entryDelimiter` when exploded, else as alternating
 * keys and values joined by `flatDelimiter`.
 */
function joinShape(shape: Shape, explode: boolean, itemDelimiter: string, pairDelimiter: string, flatDelimiter: string): string {
  if (shape.kind === 'primitive') return shape.value;
  if (shape.kind === 'array') return shape.items.join(itemDelimiter);
  if (explode) return shape.entries.map(([key, value]) => `${key}${pairDelimiter}${value}`).join(itemDelimiter);
  return shape.entries.flat().join(flatDelimiter);
}

/** `color[R]=100&color[G]=200`, nested objects as further brackets, arrays repeating their key. */
function deepObjectPairs(key: string, value: unknown, encodeKey: (text: string) => string, encode: (text: string) => string): string[] {
  if (isAbsent(value)) return [];
  if (Array.isArray(value)) return value.flatMap((item) => deepObjectPairs(key, item, encodeKey, encode));
  if (typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([sub, item]) => deepObjectPairs(`${key}[${sub}]`, item, encodeKey, encode));
  }
  return [`${encodeKey(key)}=${encode(value instanceof Date ? value.toISOString() : String(value))}`];
}

/** A `content` parameter's value: JSON for `application/json` and every `+json` type, else its text. */
function contentValue(param: ParamSpec): string {
  if (isJsonMediaType(param.contentType ?? '')) return JSON.stringify(param.value) ?? '';
  return scalarText(param, param.value);
}

/** `application/json` and every `+json` type, parameters aside. */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(?:[^;]*\+)?json\s*(?:;|$)/i.test(mediaType);
}

/** Spec-given names in error messages, with control and non-ASCII characters masked. */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}
