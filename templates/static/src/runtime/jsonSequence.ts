// Sequences of JSON texts in one response body, read item by item: JSON Lines (one text a line,
// `application/jsonl`, `application/x-ndjson`) and RFC 7464 JSON text sequences
// (`application/json-seq`: each text starts with the record separator 0x1E and ends with LF).
// Framing only finds the records; each is parsed with JSON.parse, never evaluated.
import { StreamError } from '../ApiError.js';
import { readBodyChunks } from './bytes.js';
import type { Redactor } from './redact.js';

export type JsonSequenceFormat = 'json-lines' | 'json-seq';

/** One JSON text of the body, not yet parsed. */
export interface JsonRecord {
  text: string;
  /** Its line (JSON Lines, blank lines counted) or record (json-seq, empty records not counted), from 1. */
  number: number;
  /** Its end was seen (json-seq: its LF, or the next record); false only for the last one, at the end of the body. */
  terminated: boolean;
}

export interface JsonSequenceOptions {
  /** Longest record, in characters; 0 or absent means no limit. A longer one throws StreamError. */
  maxLength?: number | undefined;
}

const RECORD_SEPARATOR = '\x1e';
/** Any character JSON does not count as whitespace. */
const NOT_BLANK = /[^ \t\r\n]/;

/** Splits the bytes of a JSON sequence into its records, whatever the chunk boundaries. */
export class JsonSequenceDecoder {
  // Streaming mode holds back a code point split across chunks; one leading BOM is dropped.
  private readonly decoder = new TextDecoder('utf-8');
  private partial: string[] = [];
  private partialLength = 0;
  private count = 0;
  /** json-seq: a record separator has been seen, so text is inside a record. */
  private inRecord = false;
  private readonly maxLength: number;

  constructor(
    readonly format: JsonSequenceFormat,
    options: JsonSequenceOptions = {},
  ) {
    this.maxLength = options.maxLength || Infinity;
  }

  /** Decodes one chunk and returns the records it completed (blank ones left out). */
  push(chunk: Uint8Array): JsonRecord[] {
    const records: JsonRecord[] = [];
    const text = this.decoder.decode(chunk, { stream: true });
    const delimiter = this.format === 'json-lines' ? '\n' : RECORD_SEPARATOR;
    let pos = 0;
    for (let end = text.indexOf(delimiter); end !== -1; end = text.indexOf(delimiter, pos)) {
      this.hold(text.slice(pos, end));
      pos = end + 1;
      this.close(this.takeHeld(), true, records);
    }
    if (pos < text.length) this.hold(pos === 0 ? text : text.slice(pos));
    return records;
  }

  /** Ends the input: the last record, when the body stopped inside one. */
  end(): JsonRecord | undefined {
    const tail = this.decoder.decode();
    if (tail) this.hold(tail);
    const records: JsonRecord[] = [];
    this.close(this.takeHeld(), false, records);
    return records[0];
  }

  /** Files the text that ended at a delimiter (or at the end of the body) as a record. */
  private close(text: string, delimited: boolean, records: JsonRecord[]): void {
    if (this.format === 'json-lines') {
      this.count++;
      const line = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (NOT_BLANK.test(line)) records.push({ text: line, number: this.count, terminated: delimited });
      return;
    }
    // json-seq: the text before a separator belongs to the record the previous one opened.
    const opened = this.inRecord;
    if (delimited) this.inRecord = true;
    if (!NOT_BLANK.test(text)) return;
    if (!opened) throw new StreamError('JSON text sequence has text before its first record separator (0x1E)');
    this.count++;
    // RFC 7464 ends every record with LF; one without it at the end of the body was cut short.
    records.push({ text, number: this.count, terminated: delimited || text.endsWith('\n') });
  }

  private hold(piece: string): void {
    if (piece.length === 0) return;
    this.partialLength += piece.length;
    if (this.partialLength > this.maxLength) {
      const what = this.format === 'json-lines' ? `line ${this.count + 1}` : `record ${this.count + 1}`;
      throw new StreamError(`Stream ${what} is longer than ${this.maxLength} characters (maxStreamEventLength)`);
    }
    this.partial.push(piece);
  }

  private takeHeld(): string {
    const text = this.partial.length === 1 ? this.partial[0]! : this.partial.join('');
    this.partial = [];
    this.partialLength = 0;
    return text;
  }
}

/**
 * The parsed JSON texts of a body. A text that is not JSON throws StreamError naming its line
 * (or record); a last one cut short by the end of the body says so (JSON Lines may leave out
 * the last LF when the line is whole). Stopping early (break,
 * return, or the signal aborting) cancels the body.
 */
export async function* readJsonSequence(
  body: ReadableStream<Uint8Array>,
  format: JsonSequenceFormat,
  redactor: Redactor,
  signal?: AbortSignal,
  options: JsonSequenceOptions = {},
): AsyncGenerator<unknown, void, undefined> {
  const decoder = new JsonSequenceDecoder(format, options);
  for await (const chunk of readBodyChunks(body, signal)) {
    for (const record of decoder.push(chunk)) yield parseRecord(record, format, redactor);
  }
  const last = decoder.end();
  if (last) yield parseRecord(last, format, redactor);
}

function parseRecord(record: JsonRecord, format: JsonSequenceFormat, redactor: Redactor): unknown {
  const where = `${format === 'json-lines' ? 'line' : 'record'} ${record.number}`;
  const cutShort = () => new StreamError(`Stream ended in the middle of ${where}`, { body: redactor.text(record.text) });
  let value: unknown;
  try {
    value = JSON.parse(record.text);
  } catch {
    if (!record.terminated) throw cutShort();
    // Masked before the message cuts the text, which could otherwise keep half a secret.
    const text = redactor.text(record.text);
    throw new StreamError(`Malformed JSON in stream ${where}: ${text.slice(0, 200)}`, { body: text, cause: redactor.syntaxError(record.text) });
  }
  // JSON Lines may leave out the last line's LF; json-seq may not (a number cut short still parses).
  if (!record.terminated && format === 'json-seq') throw cutShort();
  return value;
}
