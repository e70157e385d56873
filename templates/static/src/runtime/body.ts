import { blobPart, isAsyncIterable, isBlob, isReadableStream, iterableToStream, toBytes } from './bytes.js';
import { buildFormData } from './multipart.js';
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
 * generated code, so a bundle only carries the encoders its API classes use.
 */
export type BodyEncoder = (body: unknown) => PreparedBody | Promise<PreparedBody>;

export const jsonBody: BodyEncoder = (body) => ({ body: JSON.stringify(body), contentType: 'application/json', oneShot: false });

export const textBody: BodyEncoder = (body) => ({ body: String(body), contentType: 'text/plain; charset=utf-8', oneShot: false });

export const formBody: BodyEncoder = (body) => ({
  body: body instanceof URLSearchParams ? body : toSearchParams(asRecord(body)),
  contentType: undefined,
  oneShot: false,
});

export const multipartBody: BodyEncoder = async (body) => ({
  // fetch writes the Content-Type with the boundary itself.
  body: body instanceof FormData ? body : await buildFormData(asRecord(body)),
  contentType: undefined,
  oneShot: false,
});

export const binaryBody: BodyEncoder = (body) => {
  const octets = 'application/octet-stream';
  if (isBlob(body)) return { body, contentType: body.type || octets, oneShot: false };
  if (typeof body === 'string') return { body, contentType: octets, oneShot: false };
  if (isReadableStream(body)) return { body, contentType: octets, oneShot: true };
  if (isAsyncIterable(body)) return { body: iterableToStream(body), contentType: octets, oneShot: true };
  // A Blob copy of the bytes is reusable across retries and satisfies BodyInit's typing.
  return { body: new Blob([blobPart(toBytes(body))]), contentType: octets, oneShot: false };
};

function asRecord(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TypeError('Form and multipart bodies must be plain objects');
  }
  return body as Record<string, unknown>;
}
