import { blobPart, isAsyncIterable, isBlob, isReadableStream, iterableToStream, toBytes } from './bytes.js';
import { buildFormData } from './multipart.js';
import type { BodyType } from './types.js';
import { toSearchParams } from './url.js';

export interface PreparedBody {
  body: BodyInit | undefined;
  /** Content-Type to send unless the caller set one; undefined lets fetch decide. */
  contentType: string | undefined;
  /** A stream body can be sent only once, so the request must not be retried. */
  oneShot: boolean;
}

export async function prepareBody(body: unknown, bodyType: BodyType = 'json'): Promise<PreparedBody> {
  if (body === undefined) return { body: undefined, contentType: undefined, oneShot: false };
  switch (bodyType) {
    case 'json':
      return { body: JSON.stringify(body), contentType: 'application/json', oneShot: false };
    case 'text':
      return { body: String(body), contentType: 'text/plain; charset=utf-8', oneShot: false };
    case 'form':
      return { body: body instanceof URLSearchParams ? body : toSearchParams(asRecord(body)), contentType: undefined, oneShot: false };
    case 'multipart':
      return { body: body instanceof FormData ? body : await buildFormData(asRecord(body)), contentType: undefined, oneShot: false };
    case 'binary':
      return binaryBody(body);
  }
}

function binaryBody(body: unknown): PreparedBody {
  const octets = 'application/octet-stream';
  if (isBlob(body)) return { body, contentType: body.type || octets, oneShot: false };
  if (typeof body === 'string') return { body, contentType: octets, oneShot: false };
  if (isReadableStream(body)) return { body, contentType: octets, oneShot: true };
  if (isAsyncIterable(body)) return { body: iterableToStream(body), contentType: octets, oneShot: true };
  // A Blob copy of the bytes is reusable across retries and satisfies BodyInit's typing.
  return { body: new Blob([blobPart(toBytes(body))]), contentType: octets, oneShot: false };
}

function asRecord(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TypeError('Form and multipart bodies must be plain objects');
  }
  return body as Record<string, unknown>;
}
