import { describe, expect, it } from 'vitest';
import { BadRequestError, StreamError } from '../../templates/static/src/ApiError.js';
import type { RequestSpec } from '../../templates/static/src/runtime/types.js';
import { collect, collectUntilError } from '../support/async.js';
import { pause, sse, type Handler } from '../support/http.js';
import { BEARER, expectAbortError, TestApi } from './api.js';
import { CHUNKS, LINE_ENDINGS, recordedBytes, splitAt } from './fixtures.js';
import { useServer } from './serve.js';
import { jsonBody } from '../../templates/static/src/runtime/body.js';

const chat: RequestSpec = {
  method: 'POST',
  path: '/chat/completions',
  body: { model: 'm', stream: true },
  encodeBody: jsonBody,
  responseType: 'json',
  security: BEARER,
};

const serve = useServer({ accessToken: 'sk-test' });



describe('requestStream over HTTP', () => {
  it('yields parsed chunks in order and stops at [DONE]', async () => {
    const { server, api } = await serve((_req, res) => {
      sse(res);
      res.end(new TextDecoder().decode(recordedBytes('\n')));
    });
    const stream = await api.stream(chat);
    expect(stream.response.status).toBe(200);
    expect(await collect(stream)).toEqual(CHUNKS);
    const req = server.requests[0]!;
    expect(req.headers.accept).toBe('text/event-stream');
    expect(req.headers.authorization).toBe('Bearer sk-test');
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body.toString())).toEqual({ model: 'm', stream: true });
  });

  for (const eol of LINE_ENDINGS) {
    it(`delivers every chunk once, in order, when split at every byte offset (${JSON.stringify(eol)})`, async () => {
      const bytes = recordedBytes(eol);
      let split = 0;
      const { server } = await serve(async (_req, res) => {
        sse(res);
        for (const part of splitAt(bytes, [split])) {
          res.write(part);
          await pause(2);
        }
        res.end();
      });
      // Counts the body reads so the test can show the split reached the client.
      let reads = 0;
      const countingFetch: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        const counter = new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            if (chunk.byteLength > 0) reads++;
            controller.enqueue(chunk);
          },
        });
        return new Response(response.body!.pipeThrough(counter), response);
      };
      const api = new TestApi({ basePath: server.baseUrl, fetch: countingFetch, accessToken: 'sk-test' });
      let splitReads = 0;
      for (split = 0; split <= bytes.length; split++) {
        reads = 0;
        expect(await collect(await api.stream(chat)), `split at ${split}`).toEqual(CHUNKS);
        if (reads >= 2) splitReads++;
      }
      // Timing decides how TCP delivers the parts; most must arrive apart.
      expect(splitReads).toBeGreaterThan(bytes.length / 4);
    });
  }

  it('raises StreamError when the connection is cut mid-stream', async () => {
    const { api } = await serve(async (_req, res) => {
      sse(res);
      res.write(`data: ${JSON.stringify(CHUNKS[0])}\n\n`);
      await new Promise((r) => setTimeout(r, 20));
      res.socket?.destroy();
    });
    const { items, error } = await collectUntilError(await api.stream(chat));
    expect(items).toEqual([CHUNKS[0]]);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as StreamError).cause).toBeDefined();
  });

  it('ends quietly when the server closes the body cleanly without [DONE] (OpenAI-compatible servers)', async () => {
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end(`data: ${JSON.stringify(CHUNKS[0])}\n\ndata: ${JSON.stringify(CHUNKS[1])}\n\n`);
    });
    const { items, error } = await collectUntilError(await api.stream(chat));
    expect(items).toEqual([CHUNKS[0], CHUNKS[1]]);
    expect(error).toBeUndefined();
  });

  it('ends quietly when a clean body carries no event at all', async () => {
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end(': keep-alive\n\n');
    });
    expect(await collectUntilError(await api.stream(chat))).toEqual({ items: [], error: undefined });
  });

  it('raises StreamError when the stream ends in the middle of an event', async () => {
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end('data: {"partial":');
    });
    const { items, error } = await collectUntilError(await api.stream(chat));
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(StreamError);
  });

  it('raises StreamError after the whole events when the body is cut inside the next one', async () => {
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end(`data: ${JSON.stringify(CHUNKS[0])}\n\ndata: ${JSON.stringify(CHUNKS[1])}\n`);
    });
    const { items, error } = await collectUntilError(await api.stream(chat));
    expect(items).toEqual([CHUNKS[0]]);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toBe('Stream ended in the middle of an event');
  });

  it('ends quietly for an empty stream and accepts a final [DONE] without its blank line', async () => {
    let body = '';
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end(body);
    });
    expect(await collect(await api.stream(chat))).toEqual([]);
    body = `data: {"n":1}\n\ndata: [DONE]\n`;
    expect(await collect(await api.stream(chat))).toEqual([{ n: 1 }]);
  });

  it('raises StreamError for a malformed JSON chunk', async () => {
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end('data: {"n":1}\n\ndata: {not json}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n');
    });
    const { items, error } = await collectUntilError(await api.stream(chat));
    expect(items).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as StreamError).body).toBe('{not json}');
  });

  it('raises StreamError carrying the error of an `event: error`', async () => {
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end('data: {"n":1}\n\nevent: error\ndata: {"error":{"message":"overloaded","type":"server_error","code":"busy"}}\n\n');
    });
    const { items, error } = await collectUntilError(await api.stream(chat));
    expect(items).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(StreamError);
    const e = error as StreamError;
    expect(e.message).toBe('overloaded');
    expect(e.error).toMatchObject({ message: 'overloaded', type: 'server_error' });
    expect(e.code).toBe('busy');
    expect(e.status).toBeUndefined();
  });

  it('raises StreamError for a chunk with a top-level error object', async () => {
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end('data: {"error":{"message":"bad things","type":"invalid_request_error","param":"x"}}\n\n');
    });
    const { error } = await collectUntilError(await api.stream(chat));
    expect(error).toBeInstanceOf(StreamError);
    expect((error as StreamError).param).toBe('x');
  });

  it('cancels the request when the consumer breaks out of for-await', async () => {
    let closed!: Promise<void>;
    const { api } = await serve((req, res) => {
      closed = new Promise((resolve) => res.on('close', () => resolve()));
      sse(res);
      res.write('data: {"n":1}\n\n');
      // Keep the response open: only the client can end it now.
      const timer = setInterval(() => res.write(': ping\n\n'), 10);
      req.socket.on('close', () => clearInterval(timer));
    });
    const stream = await api.stream<{ n: number }>(chat);
    for await (const chunk of stream) {
      expect(chunk).toEqual({ n: 1 });
      break;
    }
    await expect(withTimeout(closed, 2000)).resolves.toBeUndefined();
    expect(stream.controller.signal.aborted).toBe(true);
  });

  it('abort() ends the iteration quietly and closes the connection', async () => {
    let closed!: Promise<void>;
    const { api } = await serve((_req, res) => {
      closed = new Promise((resolve) => res.on('close', () => resolve()));
      sse(res);
      res.write('data: {"n":1}\n\n');
    });
    const stream = await api.stream<{ n: number }>(chat);
    const seen: unknown[] = [];
    for await (const chunk of stream) {
      seen.push(chunk);
      setTimeout(() => stream.abort(), 10);
    }
    expect(seen).toEqual([{ n: 1 }]);
    await withTimeout(closed, 2000);
  });

  it("throws AbortError with the caller's abort reason mid-stream", async () => {
    const { api } = await serve((_req, res) => {
      sse(res);
      res.write('data: {"n":1}\n\n');
    });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const stream = await api.stream(chat, { signal: controller.signal });
    const run = collect(
      (async function* () {
        for await (const chunk of stream) {
          yield chunk;
          setTimeout(() => controller.abort(reason), 10);
        }
      })(),
    );
    await expectAbortError(run, reason);
  });

  it('maps an error response to ApiError before any streaming', async () => {
    const { server, api } = await serve((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"bad model","type":"invalid_request_error"}}');
    });
    await expect(api.stream(chat)).rejects.toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps "__proto__" in chunks as plain data', async () => {
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end('data: {"__proto__":{"polluted":true},"ok":1}\n\ndata: [DONE]\n\n');
    });
    const [chunk] = await collect(await api.stream<Record<string, unknown>>(chat));
    expect(chunk?.ok).toBe(1);
    expect(Object.getPrototypeOf(chunk)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('can only be iterated once, and converts to NDJSON with toReadableStream()', async () => {
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end('data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n');
    });
    const stream = await api.stream(chat);
    const text = await new Response(stream.toReadableStream()).text();
    expect(text).toBe('{"n":1}\n{"n":2}\n');
    await expect(collect(stream)).rejects.toThrow(/already been consumed/);
  });
});

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)),
  ]);
}
