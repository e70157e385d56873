import { blobPart, isAsyncIterable, isBlob, isReadableStream, iterableToStream, toBytes } from './bytes.js';
import { buildFormData } from './multipart.js';
import { FORM_BODY, isJsonMediaType, serializeQueryParam, type ParamSpec } from './params.js';
import type { RequestSpec } from './types.js';
import { toSearchParams } from './url.js';

/** What fetch can send, named without the DOM library's `BodyInit` so Node-only projects can read the types. */
export type RequestBody = string | Blob | FormData | URLSearchParams | ReadableStream<Uint8Array>;

export interface PreparedBody {
  body: RequestBody | undefined;
  /** Content-Type to send unless the caller set one; undefined lets fetch decide. */
  contentType: string | undefined;
  /** A stream body can be sent only once, so the request must not be retried. */
  oneShot: boolean;
}

/**
 * Turns a request body into what fetch sends. One function per media type, referenced by the
 * generated code, so a bundle only carries the encoders its API classes use. `mediaType` is the
 * spec's, sent verbatim as Content-Type; each encoder has a default for when it is absent.
 */
export type BodyEncoder = (body: unknown, mediaType?: string) => PreparedBody | Promise<PreparedBody>;

/** For `application/json` and every `+json` type. */
export const jsonBody: BodyEncoder = (body, mediaType = 'application/json') => ({ body: JSON.stringify(body), contentType: mediaType, oneShot: false });

/** For `text/*` and XML: a string (or number, boolean) as given, or bytes as they are; never an object's `[object Object]`. */
export const textBody: BodyEncoder = (body, mediaType = 'text/plain; charset=utf-8') => {
  if (typeof body === 'object' && body !== null) return binaryBody(body, mediaType);
  return { body: String(body), contentType: mediaType, oneShot: false };
};

export const formBody: BodyEncoder = (body, mediaType) => ({
  body: body instanceof URLSearchParams ? body : toSearchParams(asRecord(body)),
  // fetch labels URLSearchParams itself when the spec gave no media type.
  contentType: mediaType,
  oneShot: false,
});

/** How one property of an `application/x-www-form-urlencoded` body is written (the spec's `encoding` object). */
export interface PropertyEncoding {
  /** A JSON media type sends the property as JSON text. */
  contentType?: string | undefined;
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | undefined;
  /** Defaults to true for `form`, false otherwise, as in OpenAPI. */
  explode?: boolean | undefined;
}

export type FormEncoding = Readonly<Record<string, PropertyEncoding>>;

/**
 * The encoder for a form body whose spec gives an `encoding` object: a listed property is
 * written as a query parameter of its style (params.ts), escaped as a form body escapes;
 * the others as formBody writes them (arrays repeat the name, objects as `name[key]`).
 */
export function urlEncodedBody(encoding: FormEncoding): BodyEncoder {
  return (body, mediaType = 'application/x-www-form-urlencoded') => {
    const pairs: string[] = [];
    for (const [name, value] of Object.entries(asRecord(body))) {
      if (value === undefined || value === null) continue;
      if (Object.prototype.hasOwnProperty.call(encoding, name)) pairs.push(...serializeQueryParam(asParam(name, value, encoding[name]!), FORM_BODY));
      else pairs.push(toSearchParams({ [name]: value }).toString());
    }
    return { body: pairs.filter(Boolean).join('&'), contentType: mediaType, oneShot: false };
  };
}

/** A form property as a query parameter; a content type other than JSON says nothing about the text. */
function asParam(name: string, value: unknown, encoding: PropertyEncoding): ParamSpec {
  const contentType = encoding.contentType !== undefined && isJsonMediaType(encoding.contentType) ? encoding.contentType : undefined;
  return { name, in: 'query', style: encoding.style, explode: encoding.explode, contentType, value };
}

export const multipartBody: BodyEncoder = async (body) => ({
  // fetch writes the Content-Type with the boundary itself.
  body: body instanceof FormData ? body : await buildFormData(asRecord(body)),
  contentType: undefined,
  oneShot: false,
});

/** For every other media type: bytes, a Blob, a stream or a string, sent as they are. */
export const binaryBody: BodyEncoder = (body, mediaType) => {
  // A wildcard (`image/*`, `*/*`) names no actual type, so the Blob's own type or octet-stream goes instead.
  const declared = mediaType === undefined || mediaType.includes('*') ? undefined : mediaType;
  const contentType = declared ?? ((isBlob(body) && body.type) || 'application/octet-stream');
  if (isBlob(body) || typeof body === 'string') return { body, contentType, oneShot: false };
  if (isReadableStream(body)) return { body, contentType, oneShot: true };
  if (isAsyncIterable(body)) return { body: iterableToStream(body), contentType, oneShot: true };
  if (!(body instanceof ArrayBuffer || ArrayBuffer.isView(body))) {
    throw new TypeError(`A ${declared ?? 'binary'} request body must be a string, Blob, Uint8Array, ArrayBuffer or ReadableStream, not ${describeValue(body)}`);
  }
  // A Blob copy of the bytes is reusable across retries and satisfies BodyInit's typing.
  return { body: new Blob([blobPart(toBytes(body))]), contentType, oneShot: false };
};

/**
 * Encodes the body in the media type the caller picked (`RequestOptions.contentType`),
 * else in the spec's first one.
 */
export function encodeRequestBody(spec: RequestSpec, contentType: string | undefined): PreparedBody | Promise<PreparedBody> {
  if (contentType === undefined || contentType === spec.mediaType) return (spec.encodeBody ?? jsonBody)(spec.body, spec.mediaType);
  const others = spec.otherMediaTypes ?? {};
  if (Object.prototype.hasOwnProperty.call(others, contentType)) return others[contentType]!(spec.body, contentType);
  const offered = [spec.mediaType, ...Object.keys(others)].filter((type) => type !== undefined);
  throw new TypeError(
    `${spec.method.toUpperCase()} ${spec.path} sends ${offered.length > 0 ? offered.map((type) => `"${type}"`).join(' or ') : 'its default media type'}, not contentType "${contentType}"`,
  );
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? (Array.isArray(value) ? 'an array' : 'a plain object') : `a ${typeof value}`;
}

function asRecord(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TypeError('Form and multipart bodies must be plain objects');
  }
  return body as Record<string, unknown>;
}
