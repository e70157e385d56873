// Reading response bodies from an untrusted server: never more than a set number of bytes,
// counted after decompression, so neither a huge body nor a gzip bomb can exhaust memory.
import { ApiError } from '../ApiError.js';
import { blobPart } from './bytes.js';
import { headersToRecord } from './headers.js';
import type { Redactor } from './redact.js';
import type { ResponseType } from './types.js';

/** An error body is only ever shown, so a small prefix of it is enough. */
export const MAX_ERROR_BODY_BYTES = 1024 * 1024;

interface BoundedBytes {
  chunks: Uint8Array[];
  /** The body ended within the limit; false means it was cut at `limit` bytes and cancelled. */
  complete: boolean;
}

/** Reads at most `limit` bytes (0 = no limit); a longer body is cut there and cancelled. */
export async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<BoundedBytes> {
  const chunks: Uint8Array[] = [];
  if (!body) return { chunks, complete: true };
  const max = limit === 0 ? Infinity : limit;
  const reader = body.getReader();
  let size = 0;
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      if (size + r.value.byteLength > max) {
        chunks.push(r.value.subarray(0, max - size));
        await reader.cancel().catch(() => undefined);
        return { chunks, complete: false };
      }
      size += r.value.byteLength;
      chunks.push(r.value);
    }
    return { chunks, complete: true };
  } finally {
    reader.releaseLock();
  }
}

/** The body as `type` asks, refusing one larger than `limit` bytes. */
export async function readBody(response: Response, type: ResponseType, limit: number, redactor: Redactor): Promise<unknown> {
  if (type === 'void') {
    await response.body?.cancel();
    return undefined;
  }
  const { chunks, complete } = await readAtMost(response.body, limit);
  if (!complete) {
    throw new ApiError(`${response.status} response body is larger than maxResponseBytes (${limit} bytes)`, {
      status: response.status,
      headers: headersToRecord(response.headers),
    });
  }
  if (type === 'binary') return new Blob(chunks.map(blobPart), { type: response.headers.get('content-type') ?? '' });
  const text = decodeText(chunks);
  return type === 'text' ? text : parseJsonBody(response, text, redactor);
}

function parseJsonBody(response: Response, text: string, redactor: Redactor): unknown {
  if (text === '') {
    // 204 and 205 mean "no content"; any other status promised the JSON the method is typed with.
    if (response.status === 204 || response.status === 205) return undefined;
    throw new ApiError(`${response.status} response has an empty body where JSON was expected`, {
      status: response.status,
      headers: headersToRecord(response.headers),
    });
  }
  try {
    // Plain JSON.parse keeps unknown fields and defines "__proto__" as an
    // ordinary own key, so a hostile body cannot reach Object.prototype.
    return JSON.parse(text);
  } catch {
    throw new ApiError(`${response.status} response body is not valid JSON`, {
      status: response.status,
      body: redactor.text(text),
      headers: headersToRecord(response.headers),
      cause: redactor.syntaxError(text),
    });
  }
}

/**
 * Builds the typed error for a non-2xx answer from at most MAX_ERROR_BODY_BYTES of its body,
 * masking the call's credentials before the text is parsed or cut for the message.
 */
export async function errorFromResponse(response: Response, limit: number, redactor: Redactor): Promise<ApiError> {
  let text = '';
  try {
    const bodyLimit = limit === 0 ? MAX_ERROR_BODY_BYTES : Math.min(limit, MAX_ERROR_BODY_BYTES);
    const { chunks, complete } = await readAtMost(response.body, bodyLimit);
    text = redactor.text(decodeText(chunks)) + (complete ? '' : '…');
  } catch {
    // An unreadable (or timed-out) error body still deserves the status-based error.
  }
  let body: unknown = text === '' ? undefined : text;
  try {
    // Parsed, then masked again: JSON escapes (`\/`, `\u0041`) can hide a secret from the text pass.
    if (text) body = redactor.value(JSON.parse(text));
  } catch {
    // Not JSON: keep the text.
  }
  return ApiError.fromResponse(response.status, body, response.headers);
}

function decodeText(chunks: Uint8Array[]): string {
  // Streaming decode: no copy of the whole body, and a code point split across chunks survives.
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
