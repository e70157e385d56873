import { AbortError, StreamError } from '../ApiError.js';
import { Redactor } from './redact.js';
import { SseDecoder, type ServerSentEvent, type SseEndState } from './sse.js';

export interface StreamOptions {
  /** The caller's signal: when it aborts, iteration rethrows its reason. */
  signal?: AbortSignal | undefined;
  /** Called once iteration is over, however it ended. */
  onClose?: (() => void) | undefined;
  /** Longest wait for the next event, in ms; 0 or absent waits forever. */
  idleTimeoutMs?: number | undefined;
  /** Longest line or event, in characters; 0 or absent means no limit. */
  maxEventLength?: number | undefined;
  /** Masks the request's credentials in every StreamError. */
  redactor?: Redactor | undefined;
}

const NO_SECRETS = new Redactor([]);

/**
 * Parsed JSON chunks of a server-sent event stream, ending at `data: [DONE]` or at the end of the body.
 * It can be iterated once; leaving a `for await` early cancels the request.
 */
export class Stream<T> implements AsyncIterable<T> {
  private consumed = false;
  private abortedByUser = false;
  private idledOut = false;

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
    // Reads here rather than through readServerSentEvents so that the end
    // state (cut mid-event?) and abort handling sit next to each other.
    const reader = body.getReader();
    const decoder = new SseDecoder({ maxLength: this.options.maxEventLength });
    const redactor = this.options.redactor ?? NO_SECRETS;
    const signal = this.controller.signal;
    // Covers a Response whose body is not already tied to the controller.
    const onAbort = () => void reader.cancel(signal.reason).catch(() => undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    let completed = false;
    // The idle clock runs from when the consumer asks for the next event until one arrives.
    let waitingSince = performance.now();
    try {
      for (;;) {
        const chunk = await this.read(reader, waitingSince);
        if (chunk === 'aborted') return;
        if (chunk === undefined) {
          completed = true;
          return checkEnd(decoder.end());
        }
        for (const event of decoder.push(chunk)) {
          if (event.data === '[DONE]') {
            completed = true;
            return;
          }
          yield parseChunk<T>(event, redactor);
          waitingSince = performance.now();
        }
      }
    } catch (error) {
      throw redactor.error(error);
    } finally {
      signal.removeEventListener('abort', onAbort);
      // Early exit (break, error, [DONE] before EOF): drop the connection.
      if (!completed) this.controller.abort();
      await reader.cancel().catch(() => undefined);
      reader.releaseLock();
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

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>, waitingSince: number): Promise<Uint8Array | undefined | 'aborted'> {
    let result: ReadableStreamReadResult<Uint8Array> | undefined;
    let failure: unknown;
    const idleTimer = this.startIdleTimer(waitingSince);
    try {
      result = await reader.read();
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(idleTimer);
    }
    if (this.idledOut) {
      throw new StreamError(`Stream idle: no event for ${this.options.idleTimeoutMs} ms (streamIdleTimeoutMs)`, { cause: failure });
    }
    // An abort can surface as a rejected read or, after cancel(), as a plain end.
    if (this.controller.signal.aborted) {
      const callerSignal = this.options.signal;
      if (callerSignal?.aborted) throw AbortError.fromSignal(callerSignal);
      if (this.abortedByUser) return 'aborted';
    }
    if (!result) throw new StreamError('Stream connection failed before it finished', { cause: failure });
    return result.done ? undefined : result.value;
  }

  /**
   * Aborts the stream once idleTimeoutMs have passed since the consumer asked for the next
   * event. Bytes that complete no event (a slow drip, comments) do not restart the clock.
   */
  private startIdleTimer(waitingSince: number): ReturnType<typeof setTimeout> | undefined {
    const ms = this.options.idleTimeoutMs;
    if (!ms) return undefined;
    return setTimeout(() => {
      this.idledOut = true;
      this.controller.abort(new DOMException(`Stream idle for ${ms} ms`, 'TimeoutError'));
    }, Math.max(0, waitingSince + ms - performance.now()));
  }
}

/** A clean end of the body ends the stream ([DONE] is optional); only a body cut mid-event is an error. */
function checkEnd(end: SseEndState): void {
  // Be lenient with a final "[DONE]" that lacks its blank line.
  if (end.discarded?.data === '[DONE]') return;
  if (end.truncated) throw new StreamError('Stream ended in the middle of an event');
}

function parseChunk<T>(event: ServerSentEvent, redactor: Redactor): T {
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
  return value as T;
}

function parseOrText(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
