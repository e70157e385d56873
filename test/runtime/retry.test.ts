import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import {
  BadRequestError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  TimeoutError,
} from '../../templates/static/src/ApiError.js';
import { retryAfterMs, retryDelayMs, sleep } from '../../templates/static/src/runtime/retry.js';
import type { RequestSpec } from '../../templates/static/src/runtime/types.js';
import { sendJson, type Handler } from '../support/http.js';
import { expectAbortError, getJson, TestApi } from './api.js';
import { useServer } from './serve.js';
import { binaryBody } from '../../templates/static/src/runtime/body.js';

const serve = useServer();

/** Responds with the listed statuses in turn, then 200. */
function statuses(...codes: Array<number | 'reset'>): Handler {
  return (req, res, _body, index) => {
    const code = codes[index];
    if (code === 'reset') req.socket.destroy();
    else if (code === undefined) sendJson(res, 200, { ok: true, attempt: index });
    else sendJson(res, code, { error: { message: `status ${code}` } });
  };
}

const inBackoffRange = (ms: number, base: number) => ms >= base * 0.75 && ms <= base;

describe('retries', () => {
  it('retries a connection reset, then succeeds', async () => {
    const { server, api } = await serve(statuses('reset'));
    const { data } = await api.call(getJson);
    expect(data).toEqual({ ok: true, attempt: 1 });
    expect(server.requests).toHaveLength(2);
    expect(api.sleeps).toHaveLength(1);
    expect(inBackoffRange(api.sleeps[0]!, 500)).toBe(true);
  });

  it('raises ConnectionError with a cause once the resets use up the retries', async () => {
    const { server, api } = await serve(statuses('reset', 'reset', 'reset', 'reset'));
    const error = await api.call(getJson).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as ConnectionError).cause).toBeDefined();
    expect((error as ConnectionError).status).toBeUndefined();
    expect(server.requests).toHaveLength(3);
  });

  it('raises ConnectionError when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const api = new TestApi({ basePath: `http://127.0.0.1:${port}/v1`, maxRetries: 1 });
    await expect(api.call(getJson)).rejects.toBeInstanceOf(ConnectionError);
    expect(api.sleeps).toHaveLength(1);
  });

  it('retries 500 then returns the 200', async () => {
    const { server, api } = await serve(statuses(500));
    expect((await api.call(getJson)).data).toEqual({ ok: true, attempt: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('retries 408, 409, 429 and 5xx but not other 4xx', async () => {
    const { server, api } = await serve(statuses(408, 409, 429, 502));
    await api.call(getJson, { maxRetries: 4 });
    expect(server.requests).toHaveLength(5);
    const plain = await serve(statuses(400, 400));
    await expect(plain.api.call(getJson)).rejects.toBeInstanceOf(BadRequestError);
    expect(plain.server.requests).toHaveLength(1);
    await server.close();
  });

  it('gives up after maxRetries with exponential backoff and jitter', async () => {
    const { server, api } = await serve(statuses(500, 500, 500, 500, 500, 500, 500));
    const error = (await api.call(getJson, { maxRetries: 5 }).catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe('500 status 500');
    expect(server.requests).toHaveLength(6);
    expect(api.sleeps).toHaveLength(5);
    [500, 1000, 2000, 4000, 8000].forEach((base, i) => expect(inBackoffRange(api.sleeps[i]!, base), `retry ${i}`).toBe(true));
  });

  it('uses the configured maxRetries, overridable per request', async () => {
    const { server, api } = await serve(statuses(500, 500, 500, 500, 500), { maxRetries: 3 });
    await expect(api.call(getJson)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(4);
    server.requests.length = 0;
    await expect(api.call(getJson, { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('honours Retry-After in seconds on a 429', async () => {
    const { server, api } = await serve((_req, res, _body, index) =>
      index === 0 ? sendJson(res, 429, { error: { message: 'Rate limit reached' } }, { 'Retry-After': '2' }) : sendJson(res, 200, {}),
    );
    await api.call(getJson);
    expect(server.requests).toHaveLength(2);
    expect(api.sleeps).toEqual([2000]);
  });

  it('waits for real for retry-after-ms', async () => {
    const { server, api } = await serve((_req, res, _body, index) =>
      index === 0 ? sendJson(res, 429, {}, { 'retry-after-ms': '80', 'retry-after': '30' }) : sendJson(res, 200, {}),
    );
    api.realSleep = true;
    const started = performance.now();
    await api.call(getJson);
    const elapsed = performance.now() - started;
    expect(api.sleeps).toEqual([80]);
    expect(elapsed).toBeGreaterThanOrEqual(75);
    expect(elapsed).toBeLessThan(2000);
    expect(server.requests).toHaveLength(2);
  });

  it('ignores a Retry-After of 60 s or more and backs off instead', async () => {
    const { api } = await serve((_req, res, _body, index) =>
      index === 0 ? sendJson(res, 429, {}, { 'Retry-After': '120' }) : sendJson(res, 200, {}),
    );
    await api.call(getJson);
    expect(inBackoffRange(api.sleeps[0]!, 500)).toBe(true);
  });

  it('follows x-should-retry over the status code', async () => {
    const noRetry = await serve((_req, res) => sendJson(res, 503, {}, { 'x-should-retry': 'false' }));
    await expect(noRetry.api.call(getJson)).rejects.toBeInstanceOf(InternalServerError);
    expect(noRetry.server.requests).toHaveLength(1);
    await noRetry.server.close();

    const retry = await serve((_req, res, _body, index) =>
      index === 0 ? sendJson(res, 400, {}, { 'x-should-retry': 'true' }) : sendJson(res, 200, { ok: 1 }),
    );
    expect((await retry.api.call(getJson)).data).toEqual({ ok: 1 });
    expect(retry.server.requests).toHaveLength(2);
  });

  it('raises RateLimitError with the body after the last 429', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 429, { error: { message: 'Rate limit reached', type: 'requests' } }));
    const error = (await api.call(getJson, { maxRetries: 1 }).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe('429 Rate limit reached');
    expect(server.requests).toHaveLength(2);
  });
});

describe('time limits and cancellation', () => {
  const hang: Handler = () => {
    // Never answer; the server closes the socket at teardown.
  };

  it('raises TimeoutError after exactly maxRetries + 1 attempts', async () => {
    const { server, api } = await serve(hang, { timeoutMs: 50, maxRetries: 1 });
    const started = performance.now();
    const error = await api.call(getJson).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as TimeoutError).message).toBe('Request timed out after 50 ms');
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('the per-request timeout overrides the configured one and covers a stalled body, which is not retried', async () => {
    const { server, api } = await serve(
      (_req, res, _body, index) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"partial":');
        if (index > 0) res.end('1}');
      },
      { timeoutMs: 60_000 },
    );
    // The 200 arrived, so the server may have acted: a second attempt could repeat that.
    await expect(api.call(getJson, { timeoutMs: 100, maxRetries: 1 })).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('does not time out a slow but sufficient response', async () => {
    const { api } = await serve(
      (_req, res) => {
        setTimeout(() => sendJson(res, 200, { ok: true }), 30);
      },
      { timeoutMs: 1000 },
    );
    expect((await api.call(getJson)).data).toEqual({ ok: true });
  });

  it("throws AbortError with the caller's abort reason at once and does not retry", async () => {
    const { server, api } = await serve(hang);
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 30);
    await expectAbortError(api.call(getJson, { signal: controller.signal }), reason);
    expect(server.requests).toHaveLength(1);
    expect(api.sleeps).toEqual([]);
  });

  it('rejects with an AbortError when aborted without a reason', async () => {
    const { api } = await serve(hang);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const error = await api.call(getJson, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
  });

  it('does not send anything for an already aborted signal', async () => {
    const { server, api } = await serve(hang);
    const reason = new Error('already');
    await expectAbortError(api.call(getJson, { signal: AbortSignal.abort(reason) }), reason);
    expect(server.requests).toHaveLength(0);
  });

  it('stops waiting between attempts when the caller aborts', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 500, {}, { 'retry-after': '30' }));
    api.realSleep = true;
    const controller = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 100);
    const started = performance.now();
    await expectAbortError(api.call(getJson, { signal: controller.signal }), reason);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('one-shot bodies', () => {
  const upload = (body: unknown): RequestSpec => ({ method: 'POST', path: '/uploads/u1/parts', body, encodeBody: binaryBody, responseType: 'json' });

  it('never retries a ReadableStream body', async () => {
    const { server, api } = await serve(statuses(500, 500, 500));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('part-1;'));
        controller.enqueue(new TextEncoder().encode('part-2'));
        controller.close();
      },
    });
    await expect(api.call(upload(stream))).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.toString()).toBe('part-1;part-2');
    expect(api.sleeps).toEqual([]);
  });

  it('never retries a Node stream body either, but does retry a Blob', async () => {
    const { server, api } = await serve(statuses(500, 500, 500));
    await expect(api.call(upload(Readable.from([Buffer.from('node'), Buffer.from('-stream')])))).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests.map((r) => r.body.toString())).toEqual(['node-stream']);
    server.requests.length = 0; // also restarts the status sequence: 500, 500, 500, 200
    const ok = await api.call(upload(new Blob(['blob'])), { maxRetries: 3 });
    expect(ok.statusCode).toBe(200);
    expect(server.requests.map((r) => r.body.toString())).toEqual(['blob', 'blob', 'blob', 'blob']);
  });
});

describe('retry helpers', () => {
  it('computes exponential backoff capped at 8 s with jitter in [0.75, 1]', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => retryDelayMs(i, undefined, undefined, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(retryDelayMs(0, undefined, undefined, () => 1)).toBe(375);
    expect(retryDelayMs(10, undefined, undefined, () => 0.5)).toBe(7000);
  });

  it('reads retry-after-ms, Retry-After seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250.5' }), now)).toBe(250.5);
    expect(retryAfterMs(new Headers({ 'retry-after': '1.5' }), now)).toBe(1500);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 31 Dec 2024 23:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
    expect(retryDelayMs(0, new Headers({ 'retry-after': '59' }))).toBe(59_000);
    expect(retryDelayMs(0, new Headers({ 'retry-after': '60' }), undefined, () => 0)).toBe(500);
  });

  it('sleep runs on setTimeout, so fake timers drive it', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const pending = sleep(8000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(7999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await pending;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sleep resolves after the delay and rejects with the abort reason', async () => {
    const started = performance.now();
    await sleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort('why');
    await expect(pending).rejects.toBe('why');
  });
});
