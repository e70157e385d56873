// Generated from the spec's webhooks and callbacks by openai-ts-codegen. Do not edit: regenerate.
// The requests the API sends to your server, typed: each event's payload, a handler type per
// event and a dispatcher. A body is read with JSON.parse (never evaluated) within a byte limit;
// its payload is typed as the spec says, not validated against it.
import type { WebhookBatchCompleted } from './models/WebhookBatchCompleted.js';

/**
 * A batch finished.
 *
 * The API calls this when every request of a batch has been processed.
 * Sent as POST by the API (webhook batch_completed).
 */
export type BatchCompletedWebhookPayload = WebhookBatchCompleted;

/** Every event the API sends, by name, with its payload's type. */
export interface WebhookEvents {
  batch_completed: BatchCompletedWebhookPayload;
}

export type WebhookEventName = keyof WebhookEvents;

/** What a handler is given besides the payload. */
export interface WebhookContext<E extends WebhookEventName = WebhookEventName> {
  event: E;
  /** The request's headers, names in lower case. */
  headers: Readonly<Record<string, string>>;
}

/** Handles one event; the receiver answers with a 2xx status once the returned promise resolves. */
export type WebhookHandler<E extends WebhookEventName> = (payload: WebhookEvents[E], context: WebhookContext<E>) => void | Promise<void>;

/** A handler of BatchCompletedWebhookPayload. */
export type BatchCompletedWebhookHandler = WebhookHandler<'batch_completed'>;

/** A handler for any of the events, each optional. */
export type WebhookHandlers = { [E in WebhookEventName]?: WebhookHandler<E> };

/** How each event's body is read. */
const WEBHOOK_BODIES: Readonly<Record<WebhookEventName, 'json' | 'text' | 'binary' | 'none'>> = Object.freeze({
  batch_completed: 'json',
});

/** The largest body parseWebhook reads unless told otherwise: 1 MiB. */
export const DEFAULT_WEBHOOK_MAX_BYTES = 1_048_576;

export interface WebhookParseOptions {
  /** Refuse a larger body (bytes; default DEFAULT_WEBHOOK_MAX_BYTES). */
  maxBytes?: number;
}

/** A body that cannot be read as its event's payload: unknown event, too large, not UTF-8, not JSON. */
export class WebhookError extends Error {
  override readonly name = 'WebhookError';

  constructor(
    message: string,
    readonly event: string,
  ) {
    super(message);
  }
}

/** Whether the API sends an event of that name. */
export function isWebhookEvent(event: string): event is WebhookEventName {
  return Object.hasOwn(WEBHOOK_BODIES, event);
}

/** The typed payload of one event's request body; throws WebhookError when it cannot be read. */
export function parseWebhook<E extends WebhookEventName>(event: E, body: string | Uint8Array, options: WebhookParseOptions = {}): WebhookEvents[E] {
  if (!isWebhookEvent(event)) throw new WebhookError(`unknown webhook event ${JSON.stringify(event)}`, event);
  const maxBytes = options.maxBytes ?? DEFAULT_WEBHOOK_MAX_BYTES;
  if (exceeds(body, maxBytes)) throw new WebhookError(`the body of webhook event ${JSON.stringify(event)} is larger than ${maxBytes} bytes`, event);
  const typed = (value: unknown) => value as WebhookEvents[E];
  const decode = WEBHOOK_BODIES[event];
  if (decode === 'none') return typed(undefined);
  if (decode === 'binary') return typed(typeof body === 'string' ? new TextEncoder().encode(body) : body.slice());
  let text: string;
  try {
    text = typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new WebhookError(`the body of webhook event ${JSON.stringify(event)} is not UTF-8 text`, event);
  }
  if (decode === 'text') return typed(text);
  try {
    return typed(JSON.parse(text));
  } catch {
    throw new WebhookError(`the body of webhook event ${JSON.stringify(event)} is not JSON`, event);
  }
}

/** Whether a body is longer than maxBytes in UTF-8, without encoding a string that is clearly too long or short. */
function exceeds(body: string | Uint8Array, maxBytes: number): boolean {
  if (typeof body !== 'string') return body.byteLength > maxBytes;
  // A UTF-16 code unit is 1 to 3 bytes of UTF-8.
  if (body.length > maxBytes) return true;
  if (body.length * 3 <= maxBytes) return false;
  return new TextEncoder().encode(body).byteLength > maxBytes;
}

/** Headers as Node.js (`IncomingHttpHeaders`) or fetch (`Headers`) gives them. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Reads the body of `event` and calls its handler. Resolves to false, reading nothing, when the
 * event is unknown or has no handler; throws WebhookError when the body cannot be read.
 */
export async function dispatchWebhook(handlers: WebhookHandlers, event: string, body: string | Uint8Array, options: WebhookParseOptions & { headers?: WebhookHeaders } = {}): Promise<boolean> {
  if (!isWebhookEvent(event)) return false;
  const handler = handlers[event] as ((payload: unknown, context: WebhookContext) => void | Promise<void>) | undefined;
  if (handler === undefined) return false;
  const payload = parseWebhook(event, body, options);
  await handler(payload, { event, headers: lowerCaseHeaders(options.headers) });
  return true;
}

function lowerCaseHeaders(headers: WebhookHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  const entries = typeof Headers !== 'undefined' && headers instanceof Headers ? [...headers.entries()] : Object.entries(headers as Record<string, string | readonly string[] | undefined>);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    Object.defineProperty(out, name.toLowerCase(), { value: typeof value === 'string' ? value : value.join(', '), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
