import { blobPart, collectBytes, isAsyncIterable, isBlob, isReadableStream, streamFileName, toBytes } from './bytes.js';

export type FileData = Blob | Uint8Array | ArrayBuffer | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface ToFileOptions {
  type?: string | undefined;
}

/** Wraps bytes, a Blob or a stream in a File so an upload carries a file name and content type. */
export async function toFile(data: FileData, name: string, options: ToFileOptions = {}): Promise<File> {
  if (isBlob(data)) return new File([data], name, { type: options.type ?? data.type });
  const bytes = isReadableStream(data) || isAsyncIterable(data) ? await collectBytes(data) : blobPart(toBytes(data));
  return new File([bytes], name, { type: options.type ?? '' });
}

/**
 * Builds multipart/form-data from a plain object. Streams are buffered into
 * Blobs so the body can be re-sent on retry. No Content-Type is set here:
 * fetch adds it together with the boundary.
 */
export async function buildFormData(fields: Record<string, unknown>): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) await appendField(form, name, value);
  return form;
}

async function appendField(form: FormData, name: string, value: unknown): Promise<void> {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) await appendField(form, name, item);
  } else if (isBlob(value)) {
    const fileName = (value as { name?: unknown }).name;
    if (typeof fileName === 'string' && fileName) form.append(name, value, fileName);
    else form.append(name, value);
  } else if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    form.append(name, new Blob([blobPart(toBytes(value))]));
  } else if (isReadableStream(value) || isAsyncIterable(value)) {
    const blob = new Blob([await collectBytes(value)]);
    const fileName = streamFileName(value);
    if (fileName) form.append(name, blob, fileName);
    else form.append(name, blob);
  } else if (value instanceof Date) {
    form.append(name, value.toISOString());
  } else if (typeof value === 'object') {
    form.append(name, JSON.stringify(value));
  } else {
    form.append(name, String(value));
  }
}
