// Server-Sent Events decoding as specified by the WHATWG HTML standard,
// section "Interpreting an event stream". Written for throughput: bytes are
// decoded once per chunk and lines are found with indexOf, never per character.
import { StreamError } from '../ApiError.js';
import { readBodyChunks } from './bytes.js';

export interface ServerSentEvent {
  /** Event type; "message" when the event had no `event:` field. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** Last event ID in effect when the event was dispatched ('' if none). */
  id: string;
  /** Reconnection time (ms) from the latest valid `retry:` field, if any. */
  retry: number | undefined;
}

export interface SseEndState {
  /** Input stopped inside an event (no blank line after it), or inside a line. */
  truncated: boolean;
  /** What that unfinished event would have been. The spec discards it; callers may inspect it. */
  discarded: ServerSentEvent | undefined;
}

export interface SseDecoderOptions {
  /**
   * Longest line, and longest event (its data lines together), in characters; 0 or absent
   * means no limit. A longer one throws StreamError instead of growing without bound.
   */
  maxLength?: number | undefined;
}

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;

export class SseDecoder {
  // The default TextDecoder drops one leading BOM, which is what the spec asks for,
  // and in streaming mode holds back a code point split across chunks.
  private readonly decoder = new TextDecoder('utf-8');
  /** Pieces of the line not yet terminated; joined once, when its end arrives. */
  private partial: string[] = [];
  /** The previous chunk ended in CR, so an LF starting the next one is part of that line end. */
  private skipLF = false;
  private dataLines: string[] = [];
  private eventType = '';
  private lastEventId = '';
  private retry: number | undefined;
  /** A field line was seen since the last dispatch. */
  private inEvent = false;
  private readonly maxLength: number;
  /** Characters held in `partial`, and in `dataLines`, checked against maxLength. */
  private partialLength = 0;
  private dataLength = 0;

  constructor(options: SseDecoderOptions = {}) {
    this.maxLength = options.maxLength || Infinity;
  }

  /** Decodes one chunk and returns the events it completed. */
  push(chunk: Uint8Array): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    const text = this.decoder.decode(chunk, { stream: true });
    if (text.length > 0) this.feed(text, events);
    return events;
  }

  /** Ends the input. Nothing is dispatched: an unfinished event is discarded, as specified. */
  end(): SseEndState {
    const tail = this.decoder.decode();
    if (tail) this.partial.push(tail);
    const line = this.partial.join('');
    this.partial = [];
    this.partialLength = 0;
    const truncated = line.length > 0 || this.inEvent;
    if (line.length > 0) this.processLine(line);
    const discarded = this.dataLines.length > 0 ? this.makeEvent() : undefined;
    this.dataLines = [];
    this.dataLength = 0;
    this.eventType = '';
    this.inEvent = false;
    this.skipLF = false;
    return { truncated, discarded };
  }

  private feed(text: string, events: ServerSentEvent[]): void {
    const length = text.length;
    let pos = 0;
    if (this.skipLF) {
      this.skipLF = false;
      if (text.charCodeAt(0) === LF) pos = 1;
    }
    // Next CR / LF at or after pos; -1 once none remain. Cached so each
    // character is scanned at most once per kind even with many lines.
    let nextCR = text.indexOf('\r', pos);
    let nextLF = text.indexOf('\n', pos);
    while (pos < length) {
      if (nextCR !== -1 && nextCR < pos) nextCR = text.indexOf('\r', pos);
      if (nextLF !== -1 && nextLF < pos) nextLF = text.indexOf('\n', pos);
      const end = nextCR === -1 ? nextLF : nextLF === -1 ? nextCR : Math.min(nextCR, nextLF);
      if (end === -1) {
        this.holdPartial(pos === 0 ? text : text.slice(pos));
        return;
      }
      let line = text.slice(pos, end);
      if (this.partial.length > 0) {
        this.holdPartial(line);
        line = this.partial.join('');
        this.partial = [];
        this.partialLength = 0;
      }
      this.checkLength(line.length, 'line');
      pos = end + 1;
      if (text.charCodeAt(end) === CR) {
        if (pos === length) this.skipLF = true;
        else if (text.charCodeAt(pos) === LF) pos++;
      }
      const event = this.processLine(line);
      if (event) events.push(event);
    }
  }

  private holdPartial(piece: string): void {
    this.partialLength += piece.length;
    this.checkLength(this.partialLength, 'line');
    this.partial.push(piece);
  }

  private checkLength(length: number, what: 'line' | 'event'): void {
    if (length > this.maxLength) {
      throw new StreamError(`Server-sent event ${what} longer than ${this.maxLength} characters (maxStreamEventLength)`);
    }
  }

  private processLine(line: string): ServerSentEvent | undefined {
    if (line.length === 0) return this.dispatch();
    if (line.charCodeAt(0) === COLON) return undefined; // comment
    const colon = line.indexOf(':');
    let field: string;
    let value: string;
    if (colon === -1) {
      field = line;
      value = '';
    } else {
      field = line.slice(0, colon);
      value = line.slice(line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1);
    }
    this.inEvent = true;
    switch (field) {
      case 'data':
        this.dataLength += value.length + 1;
        this.checkLength(this.dataLength, 'event');
        this.dataLines.push(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) this.retry = parseInt(value, 10);
        break;
      default:
        break; // unknown fields are ignored
    }
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    this.inEvent = false;
    if (this.dataLines.length === 0) {
      this.eventType = '';
      return undefined;
    }
    const event = this.makeEvent();
    this.dataLines = [];
    this.dataLength = 0;
    this.eventType = '';
    return event;
  }

  private makeEvent(): ServerSentEvent {
    const lines = this.dataLines;
    return {
      event: this.eventType || 'message',
      data: lines.length === 1 ? (lines[0] as string) : lines.join('\n'),
      id: this.lastEventId,
      retry: this.retry,
    };
  }
}

/**
 * Yields the events of a byte stream; the generator's return value tells
 * whether the input was cut mid-event. Stopping early (break, return, or the
 * signal aborting) cancels the body.
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
  options: SseDecoderOptions = {},
): AsyncGenerator<ServerSentEvent, SseEndState, undefined> {
  const decoder = new SseDecoder(options);
  for await (const chunk of readBodyChunks(body, signal)) {
    for (const event of decoder.push(chunk)) yield event;
  }
  return decoder.end();
}
