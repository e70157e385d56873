// JSON Lines and RFC 7464 json-seq bodies read item by item (runtime/jsonSequence.ts): table
// tests over every split of the bytes, then the Stream over HTTP (idle timeout, abort, format).
import { describe, expect, it } from 'vitest';
import { StreamError } from '../../templates/static/src/ApiError.js';
import { JsonSequenceDecoder, readJsonSequence, type JsonSequenceFormat } from '../../templates/static/src/runtime/jsonSequence.js';
import { Redactor } from '../../templates/static/src/runtime/redact.js';
import type { RequestSpec } from '../../templates/static/src/runtime/types.js';
import { collect, collectUntilError } from '../support/async.js';
import { pause } from '../support/http.js';
import { BEARER, expectAbortError } from './api.js';
import { splitAt } from './fixtures.js';
import { useServer } from './serve.js';

const enc = new TextEncoder();
const RS = '\x1e';

function bodyOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** The items of `text` read as `format`, the bytes cut at `offsets`; or the error's message. */
async function read(format: JsonSequenceFormat, text: string | Uint8Array, offsets: number[] = [], maxLength = 0): Promise<unknown[] | string> {
  const bytes = typeof text === 'string' ? enc.encode(text) : text;
  try {
    return await collect(readJsonSequence(bodyOf(splitAt(bytes, offsets)), format, new Redactor([]), undefined, { maxLength }));
  } catch (error) {
    expect(error).toBeInstanceOf(StreamError);
    return (error as Error).message;
  }
}

/** Every single split point gives the same result as the whole body. */
async function expectEverySplit(format: JsonSequenceFormat, text: string, expected: unknown[] | string): Promise<void> {
  const bytes = enc.encode(text);
  expect(await read(format, bytes)).toEqual(expected);
  for (let at = 1; at < bytes.length; at++) expect([at, await read(format, bytes, [at])]).toEqual([at, expected]);
}

const ITEMS = [{ id: 1, text: 'héllo 👋' }, { id: 2, text: '日本語' }, [1, 2], 'a string', 42, null];
const lines = (eol: string) => ITEMS.map((item) => JSON.stringify(item)).join(eol) + eol;

describe('JSON Lines', () => {
  const table: Array<[string, string, unknown[] | string]> = [
    ['LF', lines('\n'), ITEMS],
    ['CRLF', lines('\r\n'), ITEMS],
    ['blank and whitespace-only lines skipped', `\n{"a":1}\n\n  \t\r\n{"a":2}\n\n`, [{ a: 1 }, { a: 2 }]],
    ['a last line without its LF', '{"a":1}\n{"a":2}', [{ a: 1 }, { a: 2 }]],
    ['a leading byte order mark', '\uFEFF{"a":1}\n', [{ a: 1 }]],
    ['no lines at all', '', []],
    ['a last line cut short', '{"a":1}\n\n{"a":', 'Stream ended in the middle of line 3'],
    ['malformed JSON, named by its line (blank lines counted)', '{"a":1}\n\nnot json\n{"a":2}\n', 'Malformed JSON in stream line 3: not json'],
    ['a line of code is text, never run', '{"a":1}\n(() => { globalThis.pwned = 1 })()\n', 'Malformed JSON in stream line 2: (() => { globalThis.pwned = 1 })()'],
    ['json-seq separators are not JSON Lines', `${RS}{"a":1}\n`, `Malformed JSON in stream line 1: ${RS}{"a":1}`],
  ];
  for (const [name, text, expected] of table) {
    it(`${name}: the same at every split point`, async () => {
      await expectEverySplit('json-lines', text, expected);
      expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    });
  }

  it('gives the same items for every pair of split points', async () => {
    const bytes = enc.encode(lines('\r\n'));
    for (let a = 1; a < bytes.length; a += 3) for (let b = a; b < bytes.length; b += 5) expect(await read('json-lines', bytes, [a, b])).toEqual(ITEMS);
  });

  it('refuses a line longer than maxLength, in one chunk or gathered from many', async () => {
    const text = '{"a":1}\n{"b":"' + 'x'.repeat(100) + '"}\n';
    const message = 'Stream line 2 is longer than 50 characters (maxStreamEventLength)';
    expect(await read('json-lines', text, [], 50)).toBe(message);
    expect(await read('json-lines', text, [10, 20, 30, 40, 50, 60, 70], 50)).toBe(message);
    expect(await read('json-lines', text, [], 200)).toEqual([{ a: 1 }, { b: 'x'.repeat(100) }]);
  });

  it('numbers the lines it completes, across chunks', () => {
    const decoder = new JsonSequenceDecoder('json-lines');
    expect(decoder.push(enc.encode('{"a":1}\n\n{"a"'))).toEqual([{ text: '{"a":1}', number: 1, terminated: true }]);
    expect(decoder.push(enc.encode(':2}\r\n[3]'))).toEqual([{ text: '{"a":2}', number: 3, terminated: true }]);
    expect(decoder.end()).toEqual({ text: '[3]', number: 4, terminated: false });
  });
});

describe('json-seq (RFC 7464)', () => {
  const records = ITEMS.map((item) => `${RS}${JSON.stringify(item)}\n`).join('');
  const table: Array<[string, string, unknown[] | string]> = [
    ['records framed by 0x1E and LF', records, ITEMS],
    ['a pretty-printed record spanning lines', `${RS}{\n  "a": [\n    1\n  ]\n}\n${RS}2\n`, [{ a: [1] }, 2]],
    ['empty records and blank text skipped', `${RS}${RS}\n${RS}{"a":1}\n${RS}  \n${RS}{"a":2}\r\n`, [{ a: 1 }, { a: 2 }]],
    ['no records at all', '', []],
    ['text before the first separator', `{"a":1}\n${RS}{"a":2}\n`, 'JSON text sequence has text before its first record separator (0x1E)'],
    ['a last record cut short', `${RS}{"a":1}\n${RS}{"a":`, 'Stream ended in the middle of record 2'],
    ['a last number without its LF (it may have been cut)', `${RS}1\n${RS}123`, 'Stream ended in the middle of record 2'],
    ['malformed JSON, named by its record', `${RS}{"a":1}\n${RS}{oops}\n${RS}3\n`, 'Malformed JSON in stream record 2: {oops}\n'],
  ];
  for (const [name, text, expected] of table) {
    it(`${name}: the same at every split point`, async () => {
      await expectEverySplit('json-seq', text, expected);
    });
  }

  it('refuses a record longer than maxLength', async () => {
    const text = `${RS}{"a":1}\n${RS}"${'y'.repeat(80)}"\n`;
    expect(await read('json-seq', text, [12, 40], 40)).toBe('Stream record 2 is longer than 40 characters (maxStreamEventLength)');
  });
});

describe('a JSON Lines or json-seq stream over HTTP', () => {
  const serve = useServer({ accessToken: 'sk-secret-token' });
  const spec = (streamFormat?: JsonSequenceFormat, accept?: string): RequestSpec => ({ method: 'GET', path: '/items', responseType: 'void', streamFormat, accept, security: BEARER });

  it('reads the items as the spec declares the format, and sends its Accept', async () => {
    const { server, api } = await serve(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write('{"n":1}\n{"n"');
      await pause(5);
      res.end(':2}\n');
    });
    const stream = await api.stream(spec('json-lines', 'application/x-ndjson'));
    expect(await collect(stream)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(server.requests[0]!.headers.accept).toBe('application/x-ndjson');
  });

  it("reads the body as the response's Content-Type frames it", async () => {
    const { api } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json-seq' });
      res.end(`${RS}{"n":1}\n${RS}{"n":2}\n`);
    });
    expect(await collect(await api.stream(spec('json-lines')))).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('throws a StreamError naming the line, without the credential the line echoes', async () => {
    const { api } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/jsonl' });
      res.end('{"n":1}\nBearer sk-secret-token\n');
    });
    const { items, error } = await collectUntilError(await api.stream(spec()));
    expect(items).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toBe('Malformed JSON in stream line 2: Bearer [redacted]');
    expect(JSON.stringify((error as StreamError).body)).not.toContain('sk-secret');
  });

  it('times out when no item completes within streamIdleTimeoutMs', async () => {
    const { api } = await serve(
      async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        res.write('{"n":1}\n{"n":');
        await pause(2_000);
        res.end('2}\n');
      },
      { streamIdleTimeoutMs: 100 },
    );
    const { items, error } = await collectUntilError(await api.stream(spec()));
    expect(items).toEqual([{ n: 1 }]);
    expect((error as Error).message).toMatch(/^Stream idle: no event for 100 ms/);
  });

  it("stops with the caller's AbortError when its signal aborts", async () => {
    const { api } = await serve(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write('{"n":1}\n');
      await pause(2_000);
      res.end();
    });
    const controller = new AbortController();
    const stream = await api.stream(spec(), { signal: controller.signal });
    const reason = new Error('enough');
    await expectAbortError(
      (async () => {
        for await (const item of stream) {
          expect(item).toEqual({ n: 1 });
          controller.abort(reason);
        }
      })(),
      reason,
    );
  });
});
