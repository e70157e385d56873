// Swagger 2.0 becomes OpenAPI 3.0 in the load stage, so every later stage sees 3.x only.
// The converter is swagger2openapi (see README, "Swagger 2.0"); its diagnostics are mapped back:
// a pointer into the converted document is located on the line of the original 2.0 file.
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { fileError, type DiagnosticCode, type Locator } from '../diagnostics.ts';
import { SpecError } from '../errors.ts';
import { parsePointer, pointerOf } from '../pointer.ts';

/** Converting a 2.0 document may take this long (ms) before the run stops. */
export const SWAGGER2_TIMEOUT_MS = 60_000;
const WORKER = new URL('./swagger2Worker.cjs', import.meta.url);

export function isSwagger2(document: Record<string, unknown>): boolean {
  return document['swagger'] !== undefined && document['openapi'] === undefined;
}

/** The 3.0 form of a 2.0 document; a converter failure is one located error. */
export function convertSwagger2(document: Record<string, unknown>, file: string, locate: Locator): Record<string, unknown> {
  const refuse = (code: DiagnosticCode, message: string) => new SpecError([fileError(code, file, message, locate(''))]);
  if (document['swagger'] !== '2.0') throw refuse('UNSUPPORTED_VERSION', `only Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 are supported (found swagger ${JSON.stringify(document['swagger'])})`);
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER, { workerData: { document, port: port2, flag }, transferList: [port2], resourceLimits: { maxOldGenerationSizeMb: 2048 } });
  try {
    const woke = Atomics.wait(flag, 0, 0, SWAGGER2_TIMEOUT_MS);
    const reply = receiveMessageOnPort(port1)?.message as { openapi?: Record<string, unknown>; error?: string } | undefined;
    if (woke === 'timed-out') throw refuse('SWAGGER2_CONVERSION', `converting Swagger 2.0 to OpenAPI 3.0 took longer than ${SWAGGER2_TIMEOUT_MS / 1000} s`);
    if (!reply?.openapi) throw refuse('SWAGGER2_CONVERSION', `cannot convert Swagger 2.0 to OpenAPI 3.0: ${firstLine(reply?.error ?? 'the converter stopped')}`);
    return reply.openapi;
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/**
 * A locator for the converted document: its pointer is mapped to where the same thing is written
 * in the 2.0 document (nearest existing ancestor when the converter moved it).
 */
export function swagger2Locator(original: Record<string, unknown>, converted: Record<string, unknown>, locateOriginal: Locator): Locator {
  return (pointer) => locateOriginal(originalPointer(parsePointer(pointer), original, converted));
}

/** Where a pointer into the converted document was written in the 2.0 document. */
export function originalPointer(path: string[], original: Record<string, unknown>, converted: Record<string, unknown>): string {
  const [head, kind, ...rest] = path;
  if (head === 'components') {
    const moved = COMPONENT_HOMES[kind ?? ''];
    return moved ? pointerOf([moved, ...withoutMediaType(rest.slice(0, 1), rest.slice(1))]) : '';
  }
  if (head === 'servers') return pointerOf(['host']);
  if (head === 'paths' && path.length >= 3) {
    const [, route, method, section, ...inner] = path as [string, string, string, string | undefined, ...string[]];
    const at = [head, route, method];
    if (section === 'requestBody') return pointerOf([...at, 'parameters']);
    if (section === 'parameters' && inner.length > 0) return pointerOf([...at, ...originalParameter(converted, original, [...at, section], inner)]);
    if (section === 'responses' && inner.length > 0) return pointerOf([...at, section, ...withoutMediaType(inner.slice(0, 1), inner.slice(1))]);
    return pointerOf(path);
  }
  return pointerOf(path);
}

const COMPONENT_HOMES: Record<string, string> = {
  schemas: 'definitions',
  parameters: 'parameters',
  requestBodies: 'parameters',
  responses: 'responses',
  securitySchemes: 'securityDefinitions',
};

/** A 3.0 response's `content/<media type>/schema/...` was the 2.0 response's `schema/...`. */
function withoutMediaType(head: string[], inner: string[]): string[] {
  return inner[0] === 'content' && inner.length >= 3 ? [...head, ...inner.slice(2)] : [...head, ...inner];
}

/** Body and form parameters leave the list, so a 3.0 parameter is found in 2.0 by its name and place. */
function originalParameter(converted: Record<string, unknown>, original: Record<string, unknown>, listPath: string[], inner: string[]): string[] {
  const [index, ...below] = inner as [string, ...string[]];
  const wanted = valueAt(converted, [...listPath, index]) as { name?: unknown; in?: unknown } | undefined;
  const list = valueAt(original, listPath);
  const found = Array.isArray(list) ? list.findIndex((p: { name?: unknown; in?: unknown } | null) => p?.name === wanted?.name && p?.in === wanted?.in) : -1;
  if (found < 0) return ['parameters'];
  // A 2.0 parameter holds its schema's keywords itself.
  return ['parameters', String(found), ...(below[0] === 'schema' ? below.slice(1) : below)];
}

function valueAt(document: unknown, path: string[]): unknown {
  let node = document;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
