// Byte helpers shared by request bodies and file uploads. No Node APIs: Node
// streams are recognised structurally (async iterables, `pipe`).

export function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

export function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return (
    (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) ||
    (typeof value === 'object' && value !== null && typeof (value as { getReader?: unknown }).getReader === 'function')
  );
}

export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

/** Node `fs.ReadStream` exposes the file path; its last segment is a sensible upload name. */
export function streamFileName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { pipe, path } = value as { pipe?: unknown; path?: unknown };
  if (typeof pipe !== 'function' || typeof path !== 'string') return undefined;
  return path.split(/[\\/]/).pop() || undefined;
}

const encoder = new TextEncoder();

export function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return encoder.encode(chunk);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError(`Expected bytes or a string, got ${typeof chunk}`);
}

/**
 * A view backed by a plain ArrayBuffer, which is what Blob/fetch accept
 * (a SharedArrayBuffer-backed view is copied).
 */
export function blobPart(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}

/** Reads a ReadableStream or async iterable of byte chunks to the end. */
export async function collectBytes(source: ReadableStream<Uint8Array> | AsyncIterable<unknown>): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  if (isReadableStream(source)) {
    // getReader rather than for-await: not every browser makes ReadableStream async-iterable.
    const reader = source.getReader();
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(toBytes(r.value));
    } finally {
      reader.releaseLock();
    }
  } else {
    for await (const chunk of source) chunks.push(toBytes(chunk));
  }
  return concat(chunks);
}

function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const c of chunks) length += c.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Wraps an async iterable (e.g. a Node Readable) as a web ReadableStream, pulling lazily. */
export function iterableToStream(source: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(toBytes(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * The chunks of a response body. Stopping early (break, return, an error, or the signal
 * aborting) cancels the body, so the connection is not left open.
 */
export async function* readBodyChunks(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = body.getReader();
  const onAbort = () => {
    reader.cancel(signal?.reason).catch(() => undefined);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let finished = false;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) break;
      yield value;
    }
    finished = true;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
