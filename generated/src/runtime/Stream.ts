import { AbortError, StreamError } from '../ApiError.js';
import { Redactor } from './redact.js';
import { readJsonSequence, type JsonSequenceFormat } from './jsonSequence.js';
import { readServerSentEvents, type ServerSentEvent, type SseEndState } from './sse.js';

/** How a stream's body frames its items: server-sent events, JSON Lines, or RFC 7464 json-seq. */
export type StreamFormat = 'sse' | JsonSequenceFormat;

/** The format a response's Content-Type names, if it names one of the stream formats. */
export function streamFormatOf(contentType: string | null | undefined): StreamFormat | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/event-stream') return 'sse';
  if (type === 'application/json-seq') return 'json-seq';
  if (/^application\/(jsonl|x-ndjson|x-jsonlines|jsonlines|x-jsonl)$/.test(type)) return 'json-lines';
  return undefined;
}

export interface StreamOptions {
  /** The caller's signal: when it aborts, iteration rethrows its reason. */
  signal?: AbortSignal | undefined;
  /** Called once iteration is over, however it ended. */
  onClose?: (() => void) | undefined;
  /** Longest wait for the next event, in ms; 0 or absent waits forever. */
  idleTimeoutMs?: number | undefined;
  /** Longest line or event (SSE), line (JSON Lines) or record (json-seq), in characters; 0 or absent means no limit. */
  maxEventLength?: number | undefined;
  /** How the body frames its items; server-sent events when absent. */
  format?: StreamFormat | undefined;
  /** Masks the request's credentials in every StreamError. */
  redactor?: Redactor | undefined;
}

const NO_SECRETS = new Redactor([]);
/** What closing the SSE reader early returns: nothing was read to the end. */
const END_UNREAD: SseEndState = { truncated: false, discarded: undefined };

/**
 * The parsed JSON items of a streamed body: the chunks of a server-sent event stream (ending at
 * `data: [DONE]` or at the end of the body), or the texts of JSON Lines or a json-seq body.
 * It can be iterated once; leaving a `for await` early cancels the request.
 */
export class Stream<T> implements AsyncIterable<T> {
  private consumed = false;
  private abortedByUser = false;
  private idledOut = false;
  /** When the consumer started waiting for the event it asked for; undefined while it holds one. */
  private waitingSince: number | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly response: Response,
    readonly controller: AbortController,
    private readonly options: StreamOptions = {},
  ) {}

  /** Stops the stream; a running iteration ends quietly. */
  abort(): void {
    this.abortedByUser = true;
    this.controller.abort();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    if (this.consumed) throw new Error('Stream has already been consumed');
    this.consumed = true;
    const body = this.response.body;
    if (!body) throw new StreamError('Response has no body');
    // The readers cancel the body when the controller aborts or iteration stops early.
    const redactor = this.options.redactor ?? NO_SECRETS;
    const limits = { maxLength: this.options.maxEventLength };
    const format = this.options.format ?? 'sse';
    const items = format === 'sse'
      ? serverSentChunks(readServerSentEvents(body, this.controller.signal, limits), redactor)
      : readJsonSequence(body, format, redactor, this.controller.signal, limits);
    let completed = false;
    try {
      for (;;) {
        const next = await this.nextItem(items);
        if (next === 'aborted') return;
        if (next.done) {
          completed = true;
          return;
        }
        yield next.value as T;
      }
    } catch (error) {
      throw redactor.error(error);
    } finally {
      // Early exit (break, error, [DONE] before EOF): drop the connection.
      if (!completed) this.controller.abort();
      clearTimeout(this.idleTimer);
      await items.return(undefined).catch(() => undefined);
      this.options.onClose?.();
    }
  }

  /** The chunks as newline-delimited JSON bytes, e.g. to forward to a browser. */
  toReadableStream(): ReadableStream<Uint8Array> {
    const iterator = this[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return(undefined);
      },
    });
  }

  /** The next item or the end, as the consumer asks for it; failures become StreamError or AbortError. */
  private async nextItem(items: AsyncGenerator<unknown, void, undefined>): Promise<IteratorResult<unknown, void> | 'aborted'> {
    this.startWaiting();
    try {
      return await items.next();
    } catch (error) {
      if (this.idledOut) {
        throw new StreamError(`Stream idle: no event for ${this.options.idleTimeoutMs} ms (streamIdleTimeoutMs)`, { cause: error });
      }
      if (this.controller.signal.aborted) {
        const callerSignal = this.options.signal;
        if (callerSignal?.aborted) throw AbortError.fromSignal(callerSignal);
        if (this.abortedByUser) return 'aborted';
      }
      // Malformed items and the decoders' own limits (maxEventLength) are already StreamErrors.
      if (error instanceof StreamError) throw error;
      throw new StreamError('Stream connection failed before it finished', { cause: error });
    } finally {
      this.waitingSince = undefined;
    }
  }

  /**
   * Starts the idle clock: the stream aborts once idleTimeoutMs have passed since the consumer
   * asked for the next event. Bytes that complete no event (a slow drip, comments) do not
   * restart the clock. One timer serves many events: it is armed when none is pending and,
   * when it fires early, re-armed for the time left, so a fast stream costs no timer per event.
   */
  private startWaiting(): void {
    this.waitingSince = performance.now();
    const ms = this.options.idleTimeoutMs;
    if (ms && this.idleTimer === undefined) this.armIdleTimer(ms, ms);
  }

  private armIdleTimer(ms: number, delay: number): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.waitingSince === undefined) return; // the consumer holds an event; its next wait re-arms
      const left = this.waitingSince + ms - performance.now();
      if (left > 0) return this.armIdleTimer(ms, left);
      this.idledOut = true;
      this.controller.abort(new DOMException(`Stream idle for ${ms} ms`, 'TimeoutError'));
    }, delay);
  }
}

/** The parsed chunks of server-sent events, up to `data: [DONE]`; an `error` event throws. */
async function* serverSentChunks(events: AsyncGenerator<ServerSentEvent, SseEndState, undefined>, redactor: Redactor): AsyncGenerator<unknown, void, undefined> {
  try {
    for (;;) {
      const next = await events.next();
      if (next.done) return checkEnd(next.value);
      if (next.value.data === '[DONE]') return;
      yield parseChunk(next.value, redactor);
    }
  } finally {
    await events.return(END_UNREAD).catch(() => undefined);
  }
}

/** A clean end of the body ends the stream ([DONE] is optional); only a body cut mid-event is an error. */
function checkEnd(end: SseEndState): void {
  // Be lenient with a final "[DONE]" that lacks its blank line.
  if (end.discarded?.data === '[DONE]') return;
  if (end.truncated) throw new StreamError('Stream ended in the middle of an event');
}

function parseChunk(event: ServerSentEvent, redactor: Redactor): unknown {
  if (event.event === 'error') throw StreamError.fromEventData(parseOrText(event.data));
  let value: unknown;
  try {
    value = JSON.parse(event.data);
  } catch {
    // Masked before the message cuts the text, which could otherwise keep half a secret.
    const data = redactor.text(event.data);
    throw new StreamError(`Malformed JSON in stream chunk: ${data.slice(0, 200)}`, { body: data, cause: redactor.syntaxError(event.data) });
  }
  if (typeof value === 'object' && value !== null) {
    const error = (value as { error?: unknown }).error;
    if (typeof error === 'object' && error !== null) throw StreamError.fromEventData(value);
  }
  return value;
}

function parseOrText(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
