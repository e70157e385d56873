// The server is untrusted (issue 9, items 9–13): a loopback server on 127.0.0.1 plays every
// fault, and each test bounds the requests it may cause and the time it may take.
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  StreamError,
} from '../../templates/static/src/ApiError.js';
import { jsonBody } from '../../templates/static/src/runtime/body.js';
import { cursorPaging, walkPages } from '../../templates/static/src/runtime/pagination.js';
import type { RequestSpec } from '../../templates/static/src/runtime/types.js';
import { collect, collectUntilError } from '../support/async.js';
import { pause, sendJson, sse, startServer, type Handler, type TestServer } from '../support/http.js';
import { BEARER, expectAbortError, getJson, TestApi } from './api.js';
import { useServer } from './serve.js';

const TOKEN = 'sk-hostile-0123456789abcdef';
const AZURE_KEY = 'azure-key-9876543210fedcba';
/** Wall-clock bound for one faulty exchange; far above the limits the tests set, far below vitest's. */
const BOUND_MS = 3_000;

// Operations that need auth fail before sending without a credential, so every test has one.
const serve = useServer({ maxRetries: 0, accessToken: TOKEN });

const post: RequestSpec = { method: 'POST', path: '/things', body: { n: 1 }, encodeBody: jsonBody, responseType: 'json', security: BEARER };
const streamPost: RequestSpec = { ...post, path: '/chat/completions', body: { stream: true } };


/** Settles `promise` or fails after `ms`, so a hang is a failure rather than a stuck run. */
async function within<T>(ms: number, promise: Promise<T>): Promise<{ value?: T; error?: unknown; elapsed: number }> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  try {
    return { value: await Promise.race([promise, hang]), elapsed: performance.now() - started };
  } catch (error) {
    if (error instanceof Error && error.message === `still pending after ${ms} ms`) throw error;
    return { error, elapsed: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}


/** Every printed form of an error, its causes included. */
function printed(error: unknown): string[] {
  const e = error as ApiError;
  return [
    e.message,
    String(e),
    e.stack ?? '',
    JSON.stringify(e),
    JSON.stringify(e.body ?? null),
    JSON.stringify(e.headers ?? {}),
    inspect(e, { depth: Infinity, showHidden: true }),
    inspect(e.cause, { depth: Infinity, showHidden: true }),
  ];
}

function expectNoSecrets(error: unknown, secrets: string[] = [TOKEN]): void {
  expect(error).toBeInstanceOf(ApiError);
  for (const text of printed(error)) for (const secret of secrets) expect(text).not.toContain(secret);
}

// ------------------------------------------------------------------ item 9: time limits

describe('every byte waited for is under a time limit', () => {
  it('a stream request whose error body never finishes fails within timeoutMs', async () => {
    const { server, api } = await serve(
      (_req, res) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.write('{"error":{"message":"half');
      },
      // Long enough for the headers to arrive on a loaded machine; the body then never does.
      { timeoutMs: 1000 },
    );
    const { error, elapsed } = await within(BOUND_MS, api.stream(streamPost));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(1);
  });

  it('a stream that goes quiet after its first event fails after streamIdleTimeoutMs', async () => {
    let closed!: Promise<void>;
    const { api } = await serve(
      (_req, res) => {
        closed = new Promise((resolve) => res.on('close', () => resolve()));
        sse(res);
        res.write('data: {"n":1}\n\n');
      },
      { streamIdleTimeoutMs: 150 },
    );
    const stream = await api.stream(streamPost);
    const { value, elapsed } = await within(BOUND_MS, collectUntilError(stream));
    expect(value!.items).toEqual([{ n: 1 }]);
    expect(value!.error).toBeInstanceOf(StreamError);
    expect((value!.error as Error).message).toMatch(/no event for 150 ms \(streamIdleTimeoutMs\)/);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    await within(BOUND_MS, closed);
  });

  it('bytes that complete no event do not keep an idle stream alive', async () => {
    const { api } = await serve(
      async (req, res) => {
        sse(res);
        // One byte every 20 ms, forever: a live connection that never delivers an event.
        for (const byte of 'data: {"never":"ending'.repeat(100)) {
          if (req.socket.destroyed) return;
          res.write(byte);
          await pause(20);
        }
      },
      { streamIdleTimeoutMs: 200 },
    );
    const { value } = await within(BOUND_MS, collectUntilError(await api.stream(streamPost)));
    expect(value!.error).toBeInstanceOf(StreamError);
    expect((value!.error as Error).message).toMatch(/idle/);
  });

  it('time the consumer spends between events is not idle time; 0 turns the idle limit off', async () => {
    const { api } = await serve(async (_req, res) => {
      sse(res);
      res.write('data: {"n":1}\n\n');
      await pause(250);
      res.end('data: {"n":2}\n\ndata: [DONE]\n\n');
    });
    const slowConsumer = new TestApi({ basePath: api.configuration.basePath, accessToken: TOKEN, streamIdleTimeoutMs: 400 });
    const seen: unknown[] = [];
    for await (const chunk of await slowConsumer.stream(streamPost)) {
      seen.push(chunk);
      await pause(300); // longer than the server's own pause would leave on a per-read clock
    }
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    const noLimit = new TestApi({ basePath: api.configuration.basePath, accessToken: TOKEN, streamIdleTimeoutMs: 0 });
    expect(await collect(await noLimit.stream(streamPost))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(new TestApi({}).configuration.streamIdleTimeoutMs).toBe(600_000);
  });
});

// ------------------------------------------------------------------ item 10: secrets

describe('credentials never reach an error', () => {
  const echo = (req: { headers: Record<string, unknown> }) => `${String(req.headers.authorization)} ${String(req.headers['api-key'])}`;
  const secretConfig = { accessToken: TOKEN, defaultHeaders: { 'api-key': AZURE_KEY, 'X-Visible': 'shown' } };

  it('a 200 whose invalid JSON echoes the token: body, message and cause are masked', async () => {
    // The token sits where the SyntaxError message would cut its quote of the text.
    const { api } = await serve((req, res) => sendJson(res, 200, `{"x": ${'1'.repeat(20)} ${echo(req)} }`), secretConfig);
    const error = (await api.call(post).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('200 response body is not valid JSON');
    expect(error.body).toContain('Bearer [redacted] [redacted]');
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expectNoSecrets(error, [TOKEN, AZURE_KEY, TOKEN.slice(0, 12)]);
  });

  it('error headers, bodies and messages hide the token and configured credential headers', async () => {
    const { api } = await serve(
      (req, res) =>
        sendJson(
          res,
          400,
          { error: { message: `bad key ${echo(req)}`, [TOKEN]: AZURE_KEY.replace('-', '\\u002d') } },
          { 'x-echo': echo(req), 'x-request-id': 'req_1' },
        ),
      secretConfig,
    );
    const error = (await api.call(post).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe('400 bad key Bearer [redacted] [redacted]');
    expect(error.headers['x-echo']).toBe('Bearer [redacted] [redacted]');
    expect(error.requestId).toBe('req_1');
    expectNoSecrets(error, [TOKEN, AZURE_KEY]);
  });

  it('a credential cut in half by the 500-character message limit is masked before the cut', async () => {
    const { api } = await serve((_req, res) => sendJson(res, 500, `${'x'.repeat(490)}${AZURE_KEY}`), secretConfig);
    const error = (await api.call(post).catch((e: unknown) => e)) as ApiError;
    expectNoSecrets(error, [AZURE_KEY.slice(0, 10)]);
  });

  it('per-request credential headers are masked too', async () => {
    const { api } = await serve((req, res) => sendJson(res, 403, { error: { message: String(req.headers['x-api-key']) } }));
    const error = await api.call(getJson, { headers: { 'X-Api-Key': AZURE_KEY } }).catch((e: unknown) => e);
    expect((error as ApiError).message).toBe('403 [redacted]');
    expectNoSecrets(error, [AZURE_KEY]);
  });

  it('StreamError from an error event or a malformed chunk hides them', async () => {
    let body = '';
    const { api } = await serve((_req, res) => {
      sse(res);
      res.end(body);
    }, secretConfig);
    body = `event: error\ndata: {"error":{"message":"key ${TOKEN} and ${AZURE_KEY} rejected"}}\n\n`;
    const eventError = (await collectUntilError(await api.stream(streamPost))).error as StreamError;
    expect(eventError).toBeInstanceOf(StreamError);
    expect(eventError.message).toBe('key [redacted] and [redacted] rejected');
    expectNoSecrets(eventError, [TOKEN, AZURE_KEY]);

    // The token straddles the 200-character quote of the chunk in the message.
    body = `data: {"x":"${'y'.repeat(180)}${TOKEN}" oops}\n\n`;
    const chunkError = (await collectUntilError(await api.stream(streamPost))).error as StreamError;
    expect(chunkError.message).toMatch(/^Malformed JSON in stream chunk/);
    expect(chunkError.body).toContain('[redacted]');
    expectNoSecrets(chunkError, [TOKEN, TOKEN.slice(0, 8)]);
  });

  it('masking leaves the caller abort reason alone and keeps "__proto__" keys plain', async () => {
    const { api } = await serve((_req, res) => sendJson(res, 400, `{"__proto__":{"polluted":"${AZURE_KEY}"},"error":{"message":"m"}}`), secretConfig);
    const error = (await api.call(post).catch((e: unknown) => e)) as ApiError;
    expect(error.body).toEqual(JSON.parse('{"__proto__":{"polluted":"[redacted]"},"error":{"message":"m"}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const reason = new Error(`mine ${TOKEN}`);
    await expectAbortError(api.call(post, { signal: AbortSignal.abort(reason) }), reason);
    expect(reason.message).toBe(`mine ${TOKEN}`);
  });
});

// ------------------------------------------------------------------ item 11: redirects

describe('redirects are followed by hand', () => {
  let other: TestServer | undefined;
  afterEach(async () => {
    await other?.close();
    other = undefined;
  });

  const redirectTo = (status: number, location: () => string): Handler => (_req, res) => {
    res.writeHead(status, { location: location() });
    res.end('moved');
  };
  const credentials = { accessToken: TOKEN, defaultHeaders: { 'api-key': AZURE_KEY, 'OpenAI-Organization': 'org-1', 'X-Custom': 'c' } };

  it('a cross-origin 302/303 after a POST reaches the other origin as a bare GET', async () => {
    other = await startServer((_req, res) => sendJson(res, 200, { landed: true }));
    for (const status of [302, 303]) {
      other.requests.length = 0;
      const { server, api } = await serve(redirectTo(status, () => `${other!.baseUrl}/landing`), credentials);
      const { data } = await api.call(post, { headers: { 'X-Per-Call': 'p' } });
      expect(data).toEqual({ landed: true });
      expect(server.requests[0]!.headers['api-key']).toBe(AZURE_KEY);
      const landed = other.requests[0]!;
      expect(landed.method).toBe('GET');
      expect(landed.body.length).toBe(0);
      expect(landed.headers.accept).toBe('application/json');
      for (const name of ['authorization', 'api-key', 'openai-organization', 'x-custom', 'x-per-call', 'content-type']) {
        expect(landed.headers[name], `${status} ${name}`).toBeUndefined();
      }
      await server.close();
    }
  });

  it('a 307/308 resends the body within its origin and is refused across origins; nothing reaches the other one', async () => {
    const same = await serve(
      (req, res) => (req.url?.endsWith('/moved') ? sendJson(res, 200, { ok: 1 }) : redirectTo(307, () => '/v1/moved')(req, res, Buffer.alloc(0), 0)),
      credentials,
    );
    expect((await same.api.call(post)).data).toEqual({ ok: 1 });
    const moved = same.server.requests[1]!;
    expect([moved.method, moved.body.toString(), moved.headers.authorization, moved.headers['api-key']]).toEqual(['POST', '{"n":1}', `Bearer ${TOKEN}`, AZURE_KEY]);
    await same.server.close();

    other = await startServer((_req, res) => sendJson(res, 200, {}));
    for (const status of [307, 308]) {
      const { server, api } = await serve(redirectTo(status, () => `${other!.baseUrl}/steal`), { ...credentials, maxRetries: 2 });
      const error = (await api.call(post).catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.message).toMatch(/Refusing to send the request body to another origin/);
      expect(error.status).toBe(status);
      expect(server.requests).toHaveLength(1);
      await server.close();
    }
    expect(other.requests).toHaveLength(0);
  });

  it('credentials stay dropped when a later hop returns to the first origin', async () => {
    let first = '';
    other = await startServer(redirectTo(302, () => `${first}/back`));
    const { server, api } = await serve(
      (req, res) => (req.url?.endsWith('/back') ? sendJson(res, 200, { back: true }) : redirectTo(302, () => `${other!.baseUrl}/away`)(req, res, Buffer.alloc(0), 0)),
      credentials,
    );
    first = server.baseUrl;
    await api.call({ ...getJson, security: BEARER });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`, undefined]);
    expect(server.requests[1]!.headers['api-key']).toBeUndefined();
  });

  it('a redirect loop stops after maxRedirects hops and is not retried', async () => {
    const { server, api } = await serve(redirectTo(302, () => '/v1/things'), { maxRedirects: 2, maxRetries: 2 });
    const { error } = await within(BOUND_MS, api.call(getJson));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe('Too many redirects (maxRedirects is 2)');
    expect(server.requests).toHaveLength(3);
    expect(new TestApi({}).configuration.maxRedirects).toBe(5);
  });

  it('a redirect to another scheme is refused', async () => {
    for (const location of ['file:///etc/passwd', 'data:application/json,{}', 'http://[bad']) {
      const { server, api } = await serve(redirectTo(302, () => location));
      await expect(api.call(getJson)).rejects.toThrow(/Redirect to (a file:|a data:|an invalid)/);
      await server.close();
    }
  });
});

// ------------------------------------------------------------------ item 12: sizes and no resends

describe('responses are bounded and an answered request is never resent', () => {
  const MiB = 1024 * 1024;

  /** Writes `total` bytes of `byte` in 64 KiB pieces, stopping when the client hangs up. */
  const flood = (total: number, headers: Record<string, string>, status = 200, byte = 'a'): Handler => async (req, res) => {
    res.writeHead(status, headers);
    const piece = Buffer.alloc(64 * 1024, byte);
    for (let sent = 0; sent < total && !req.socket.destroyed; sent += piece.length) {
      if (!res.write(piece)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  };

  it('a body above maxResponseBytes fails with a clear error, for JSON, text and binary', async () => {
    const { server, api } = await serve(flood(8 * MiB, { 'content-type': 'application/json' }), { maxResponseBytes: MiB, maxRetries: 2 });
    for (const responseType of ['json', 'text', 'binary'] as const) {
      const { error } = await within(BOUND_MS, api.call({ ...getJson, responseType }));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toBe('200 response body is larger than maxResponseBytes (1048576 bytes)');
      expect((error as ApiError).status).toBe(200);
    }
    expect(server.requests).toHaveLength(3);
    expect(new TestApi({}).configuration.maxResponseBytes).toBe(256 * MiB);
  });

  it('a gzip bomb is measured after decompression', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MiB, ' '));
    expect(bomb.length).toBeLessThan(MiB / 4);
    const { api } = await serve(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(bomb);
      },
      { maxResponseBytes: MiB },
    );
    const { error } = await within(BOUND_MS, api.call(getJson));
    expect((error as Error).message).toMatch(/larger than maxResponseBytes/);
  });

  it('an error body is read only up to 1 MiB and still gives the typed error', async () => {
    const { api } = await serve(flood(16 * MiB, { 'content-type': 'text/plain' }, 503, 'e'));
    const { error } = await within(BOUND_MS, api.call(getJson));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(((error as ApiError).body as string).length).toBe(MiB + 1);
  });

  it('an SSE line or event above maxStreamEventLength ends the stream with StreamError', async () => {
    let kind: 'line' | 'event' = 'line';
    const { api } = await serve(
      async (req, res) => {
        sse(res);
        const piece = kind === 'line' ? 'x'.repeat(64 * 1024) : `data: ${'x'.repeat(1000)}\n`;
        for (let i = 0; i < 20_000 && !req.socket.destroyed; i++) {
          if (!res.write(i === 0 && kind === 'line' ? `data: ${piece}` : piece)) await new Promise((resolve) => res.once('drain', resolve));
        }
        res.end();
      },
      { maxStreamEventLength: MiB },
    );
    for (kind of ['line', 'event'] as const) {
      const { value } = await within(BOUND_MS, collectUntilError(await api.stream(streamPost)));
      expect(value!.error).toBeInstanceOf(StreamError);
      expect((value!.error as Error).message).toBe(`Server-sent event ${kind} longer than ${MiB} characters (maxStreamEventLength)`);
    }
  });

  it('a local failure while reading a 200 is not retried: the POST is sent once', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, { ok: true }), {
      maxRetries: 2,
      // Stands in for a local RangeError (e.g. an allocation failing) while the body is read.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const failing = new TransformStream<Uint8Array, Uint8Array>({
          transform() {
            throw new RangeError('Invalid string length');
          },
        });
        return new Response(response.body!.pipeThrough(failing), response);
      },
    });
    const error = await api.call(post).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it('a connection cut in the middle of a 200 body is not retried either', async () => {
    const { server, api } = await serve(
      (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"half":');
        setTimeout(() => req.socket.destroy(), 20);
      },
      { maxRetries: 2 },
    );
    await expect(api.call(post)).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

});

// ------------------------------------------------------------------ item 13: decided behaviours

describe('questionable answers, decided', () => {
  it('an empty 200 where JSON is expected throws; 204 resolves undefined', async () => {
    const { api } = await serve((req, res) => {
      res.writeHead(req.url?.endsWith('/none') ? 204 : 200, { 'content-type': 'application/json' });
      res.end();
    });
    await expect(api.call(getJson)).rejects.toThrow('200 response has an empty body where JSON was expected');
    expect((await api.call({ ...getJson, path: '/none' })).data).toBeUndefined();
  });

  it('paging stops when the server cycles through cursors', async () => {
    const next: Record<string, string> = { start: 'a', a: 'b', b: 'a' };
    const cursor = cursorPaging({ param: 'after', itemsField: 'data', nextField: 'last_id', hasMoreField: 'has_more' });
    let pages = 0;
    const items = await collect(
      walkPages<{ id: string }>(cursor, { baseUrl: 'http://127.0.0.1', initial: () => undefined }, async (request) => {
        if (++pages > 20) throw new Error('paged forever');
        const id = next[request.query?.['after']?.toString() ?? 'start']!;
        return { body: { data: [{ id }], has_more: true, last_id: id }, headers: {}, url: '' };
      }),
    );
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'a']);
    expect(pages).toBe(3);
  });

  it('a Retry-After longer than timeoutMs ends the call instead of waiting', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 429, { error: { message: 'slow down' } }, { 'retry-after-ms': '59000' }), {
      maxRetries: 2,
      timeoutMs: 1000,
    });
    await expect(api.call(getJson)).rejects.toBeInstanceOf(RateLimitError);
    expect(api.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('no wait between attempts exceeds timeoutMs, so a call is bounded by (2 × maxRetries + 1) × timeoutMs', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 500, {}), { maxRetries: 3, timeoutMs: 100 });
    await expect(api.call(getJson)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(4);
    expect(api.sleeps).toHaveLength(3);
    for (const ms of api.sleeps) expect(ms).toBeLessThanOrEqual(100);
  });
});
