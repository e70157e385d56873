import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../templates/static/src/ApiError.js';
import type { RequestSpec } from '../../templates/static/src/runtime/types.js';
import { sendJson, type Handler } from '../support/http.js';
import { BEARER, getJson, TestApi } from './api.js';
import { useServer } from './serve.js';
import { binaryBody, formBody, jsonBody, textBody } from '../../templates/static/src/runtime/body.js';

const TOKEN = 'sk-super-secret-token-123';

const serve = useServer({ maxRetries: 0 });

const echoUrl: Handler = (req, res) => sendJson(res, 200, { url: req.url });

describe('request basics', () => {
  it('returns data, status, lower-case headers and the raw Response; keeps unknown fields', async () => {
    const { server, api } = await serve((_req, res) =>
      sendJson(res, 200, { id: 'x', brand_new_field: { nested: [1] } }, { 'X-Request-Id': 'req_1' }),
    );
    const result = await api.call<{ id: string }>(getJson);
    expect(result.data).toEqual({ id: 'x', brand_new_field: { nested: [1] } });
    expect(result.statusCode).toBe(200);
    expect(result.headers['x-request-id']).toBe('req_1');
    expect(result.response).toBeInstanceOf(Response);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/v1/things' });
    expect(server.requests[0]!.headers.accept).toBe('application/json');
    expect(server.requests[0]!.headers['content-type']).toBeUndefined();
  });

  it('sends a JSON body with Content-Type application/json', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}));
    await api.call({ method: 'post', path: '/things', body: { a: [1, 'é'] }, encodeBody: jsonBody, responseType: 'json' });
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body.toString('utf8'))).toEqual({ a: [1, 'é'] });
  });

  it('sends text, form and binary bodies', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}));
    await api.call({ method: 'POST', path: '/t', body: 'plain', encodeBody: textBody, responseType: 'void' });
    await api.call({ method: 'POST', path: '/f', body: { a: 1, tags: ['x', 'y'], m: { k: 'v' } }, encodeBody: formBody, responseType: 'void' });
    await api.call({ method: 'POST', path: '/b', body: Uint8Array.of(0, 255, 1), encodeBody: binaryBody, responseType: 'void' });
    const [text, form, binary] = server.requests;
    expect(text!.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text!.body.toString()).toBe('plain');
    expect(form!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(decodeURIComponent(form!.body.toString())).toBe('a=1&tags=x&tags=y&m[k]=v');
    expect(binary!.headers['content-type']).toBe('application/octet-stream');
    expect([...binary!.body]).toEqual([0, 255, 1]);
  });

  it('serialises query parameters: repeated arrays, deepObject, dates, dropped undefined', async () => {
    const { api } = await serve(echoUrl);
    const { data } = await api.call<{ url: string }>({
      ...getJson,
      query: {
        limit: 2,
        order: undefined,
        gone: null,
        include: ['a', 'b c'],
        metadata: { user: 'u&1', deep: { x: true } },
        since: new Date('2024-01-02T03:04:05.000Z'),
      },
    });
    const url = new URL(data.url, 'http://x');
    expect([...url.searchParams]).toEqual([
      ['limit', '2'],
      ['include', 'a'],
      ['include', 'b c'],
      ['metadata[user]', 'u&1'],
      ['metadata[deep][x]', 'true'],
      ['since', '2024-01-02T03:04:05.000Z'],
    ]);
  });

  it('returns binary responses as a Blob with the raw Response available', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
    const { api } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.end(bytes);
    });
    const result = await api.call<Blob>({ method: 'POST', path: '/audio/speech', body: {}, responseType: 'binary' });
    expect(result.data).toBeInstanceOf(Blob);
    expect(result.data.type).toBe('audio/mpeg');
    expect(Buffer.from(await result.data.arrayBuffer())).toEqual(bytes);
    expect(result.response.headers.get('content-type')).toBe('audio/mpeg');
    // Documented: the body was read (under maxResponseBytes) into `data`, so `response` gives status and headers only.
    expect(result.response.bodyUsed).toBe(true);
  });

  it('returns text and void responses', async () => {
    const { api } = await serve((req, res) => {
      if (req.url?.endsWith('/none')) {
        res.writeHead(204);
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('WEBVTT');
      }
    });
    expect((await api.call({ ...getJson, responseType: 'text' })).data).toBe('WEBVTT');
    const none = await api.call({ ...getJson, path: '/none', responseType: 'void' });
    expect(none.data).toBeUndefined();
    expect(none.statusCode).toBe(204);
    expect((await api.call({ ...getJson, path: '/none' })).data).toBeUndefined();
  });

  it('raises ApiError for a success response that is not valid JSON', async () => {
    const { api } = await serve((_req, res) => sendJson(res, 200, '{oops'));
    const error = await api.call(getJson).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toBe('{oops');
  });

  it('merges default, spec and per-request headers case-insensitively (later wins)', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}), {
      defaultHeaders: { 'OpenAI-Organization': 'org-1', 'X-Mode': 'default' },
    });
    await api.call({ ...getJson, headers: { 'x-mode': 'spec', 'X-Beta': 'assistants=v2', 'X-Skip': undefined, 'X-N': 3 } }, { headers: { 'X-MODE': 'option' } });
    const headers = server.requests[0]!.headers;
    expect(headers['openai-organization']).toBe('org-1');
    expect(headers['x-mode']).toBe('option');
    expect(headers['x-beta']).toBe('assistants=v2');
    expect(headers['x-n']).toBe('3');
    expect(headers['x-skip']).toBeUndefined();
  });

  it('uses the fetch from the configuration', async () => {
    const { api } = await serve(echoUrl);
    const seen: string[] = [];
    const custom = new TestApi({
      basePath: api.configuration.basePath,
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await custom.call(getJson);
    expect(seen).toEqual([`${api.configuration.basePath}/things`]);
  });
});

describe('errors', () => {
  const cases: Array<[number, typeof ApiError]> = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, ApiError],
  ];

  it.each(cases)('maps status %i to the right class with parsed fields', async (status, Class) => {
    const { api } = await serve((_req, res) =>
      sendJson(
        res,
        status,
        { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded', param: null, extra: 1 } },
        { 'x-request-id': 'req_42', 'X-Should-Retry': 'false' },
      ),
    );
    const error = (await api.call(getJson).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.name).toBe(Class.name);
    expect(error.message).toBe(`${status} Rate limit reached`);
    expect(error.status).toBe(status);
    expect(error.requestId).toBe('req_42');
    expect(error.headers['x-request-id']).toBe('req_42');
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.type).toBe('requests');
    expect(error.param).toBeNull();
    expect(error.error).toMatchObject({ message: 'Rate limit reached', extra: 1 });
  });

  it('keeps a text body and uses it in the message', async () => {
    const { api } = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('Bad gateway');
    });
    const error = (await api.call(getJson).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe('Bad gateway');
    expect(error.message).toBe('502 Bad gateway');
  });

  it('fromResponse works on its own', () => {
    const e = ApiError.fromResponse(404, undefined, new Headers({ 'X-Request-Id': 'r' }));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.message).toBe('404 status code (no body)');
    expect(e.requestId).toBe('r');
  });

  it('ignores "__proto__" in error bodies', async () => {
    const { api } = await serve((_req, res) => sendJson(res, 400, '{"__proto__":{"polluted":1},"error":{"message":"m","__proto__":{"polluted":2}}}'));
    const error = (await api.call(getJson).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('400 m');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('authentication and secrecy', () => {
  const authed: RequestSpec = { ...getJson, security: BEARER };

  it('sends the bearer token only for operations with auth', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}), { accessToken: TOKEN });
    await api.call(authed);
    await api.call(getJson);
    await api.call({ ...getJson, security: [] });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`, undefined, undefined]);
  });

  it('calls an async token getter once per request', async () => {
    let calls = 0;
    const getter = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 1));
      return `tok-${calls}`;
    };
    const { server, api } = await serve(
      (_req, res, _body, index) => (index === 2 ? sendJson(res, 500, {}) : sendJson(res, 200, {})),
      { accessToken: getter, maxRetries: 1 },
    );
    await api.call(authed);
    await api.call(authed);
    await api.call(authed); // 500, then 200 on the retry: still one getter call
    expect(calls).toBe(3);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2', 'Bearer tok-3', 'Bearer tok-3']);
  });

  it('never exposes the token through errors, even when the server echoes it', async () => {
    const { api } = await serve(
      (req, res) =>
        sendJson(res, 401, { error: { message: `Incorrect API key provided: ${req.headers.authorization}`, type: 'invalid_request_error' } }),
      { accessToken: TOKEN },
    );
    const error = (await api.call(authed).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('401 Incorrect API key provided: Bearer [redacted]');
    for (const text of [error.message, String(error), error.stack ?? '', JSON.stringify(error), JSON.stringify(error.body), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(TOKEN);
    }
  });

  it('never exposes the token through the configuration', () => {
    const api = new TestApi({ accessToken: TOKEN, defaultHeaders: { Authorization: `Bearer ${TOKEN}`, 'X-Other': 'shown' } });
    const config = api.configuration;
    for (const text of [JSON.stringify(config), String(config), inspect(config, { depth: 10, showHidden: true }), JSON.stringify(api), inspect(api, { depth: 10 })]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(JSON.stringify(config)).toContain('shown');
  });
});

describe('input safety', () => {
  const file: RequestSpec = { ...getJson, path: '/files/{file_id}/content' };

  it('encodes path parameters so ../ cannot change the path', async () => {
    const { server, api } = await serve(echoUrl);
    await api.call({ ...file, pathParams: { file_id: '../../admin' } });
    await api.call({ ...file, pathParams: { file_id: 'a/b?c=d#e f' } });
    await api.call({ ...file, pathParams: { file_id: '%2e%2e' } });
    await api.call({ ...file, pathParams: { file_id: 42 } });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/files/..%2F..%2Fadmin/content',
      '/v1/files/a%2Fb%3Fc%3Dd%23e%20f/content',
      '/v1/files/%252e%252e/content',
      '/v1/files/42/content',
    ]);
  });

  it('rejects ".", ".." and empty path parameters, which URL parsing would resolve away', async () => {
    const { server, api } = await serve(echoUrl);
    for (const id of ['..', '.', '']) {
      await expect(api.call({ ...file, pathParams: { file_id: id } })).rejects.toThrow(TypeError);
    }
    await expect(api.call({ ...file, pathParams: {} })).rejects.toThrow(/Missing path parameter "file_id"/);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects header values with CR, LF or NUL before sending anything', async () => {
    const { server, api } = await serve(echoUrl);
    await expect(api.call({ ...getJson, headers: { 'X-A': 'a\r\nX-Injected: 1' } })).rejects.toThrow(TypeError);
    await expect(api.call(getJson, { headers: { 'X-A': 'a\n' } })).rejects.toThrow(TypeError);
    await expect(api.call(getJson, { headers: { 'X-A': 'a\u0000' } })).rejects.toThrow(TypeError);
    await expect(api.call(getJson, { headers: { 'Bad Name': 'a' } })).rejects.toThrow(TypeError);
    const injected = new TestApi({ basePath: api.configuration.basePath, defaultHeaders: { 'X-A': 'a\rb' } });
    await expect(injected.call(getJson)).rejects.toThrow(TypeError);
    const badToken = new TestApi({ basePath: api.configuration.basePath, accessToken: `${TOKEN}\r\nX-Injected: 1` });
    const error = (await badToken.call({ ...getJson, security: BEARER }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(0);
  });

  it('parses "__proto__" keys as plain data without touching Object.prototype', async () => {
    const { api } = await serve((_req, res) =>
      sendJson(res, 200, '{"__proto__":{"polluted":"yes","isAdmin":true},"nested":{"__proto__":{"polluted":"yes"}},"ok":true}'),
    );
    const { data } = await api.call<Record<string, unknown>>(getJson);
    expect(data.ok).toBe(true);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(data, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect((data as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });
});
