// The committed client (generated/src), imported from source, against a real
// HTTP server on 127.0.0.1. Everything the server sees is checked on the wire.
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  AudioApi,
  AuthenticationError,
  BadRequestError,
  ChatApi,
  Configuration,
  FilesApi,
  InternalServerError,
  MissingCredentialError,
  NotFoundError,
  RateLimitError,
  Stream,
  toFile,
  type ChatCompletionDeleted,
  type ChatCompletionList,
  type CreateChatCompletionRequest,
  type CreateChatCompletionResponse,
  type CreateChatCompletionStreamResponse,
  type OpenAIFile,
} from '../../generated/src/index.ts';
import { collect } from '../support/async.js';
import { pause, parseMultipart, sendJson, startServer, type RecordedRequest, type TestServer } from '../support/http.js';

const TOKEN = 'sk-test-0123456789abcdefSECRET';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.reset((_req, res) => {
    res.writeHead(500);
    res.end('handler not set');
  });
});

function config(extra: ConstructorParameters<typeof Configuration>[0] = {}): Configuration {
  return new Configuration({ basePath: server.baseUrl, accessToken: TOKEN, ...extra });
}

function only(): RecordedRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0] as RecordedRequest;
}

function pathOf(req: RecordedRequest): string {
  return new URL(req.url, 'http://127.0.0.1').pathname;
}

function queryOf(req: RecordedRequest): URLSearchParams {
  return new URL(req.url, 'http://127.0.0.1').searchParams;
}

const completion: CreateChatCompletionResponse = {
  id: 'chatcmpl-123',
  object: 'chat.completion',
  created: 1_741_569_952,
  model: 'gpt-4o-2024-08-06',
  service_tier: 'default',
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      logprobs: null,
      message: { role: 'assistant', content: 'Hello! ☃ How can I help?', refusal: null, annotations: [] },
    },
  ],
  usage: { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 },
  metadata: null,
};

function completionWithId(id: string): CreateChatCompletionResponse {
  return { ...completion, id };
}

const request = {
  model: 'gpt-4o',
  messages: [
    { role: 'developer', content: 'Be brief.' },
    { role: 'user', content: [{ type: 'text', text: 'Say "hello" ☃' }] },
  ],
  temperature: 0.2,
  max_completion_tokens: 50,
  metadata: { project: 'alpha' },
  stop: null,
} satisfies CreateChatCompletionRequest;

describe('ChatApi.createChatCompletion', () => {
  it('POSTs the exact JSON body with bearer auth and returns the parsed response', async () => {
    server.reset((_req, res) => sendJson(res, 200, completion));
    const chat = new ChatApi(config());

    const result = await chat.createChatCompletion(request);

    const req = only();
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.accept).toBe('application/json');
    expect(req.body.toString('utf8')).toBe(JSON.stringify(request));
    expect(JSON.parse(req.body.toString('utf8'))).toEqual(request);
    expect(JSON.parse(req.body.toString('utf8'))).not.toHaveProperty('stream');
    expect(result).toEqual(completion);
    expect(result.choices[0]?.message.content).toBe('Hello! ☃ How can I help?');
  });

  it('createChatCompletionWithHttpInfo returns { data, statusCode, headers } with lower-case header names', async () => {
    server.reset((_req, res) =>
      sendJson(res, 200, completion, { 'X-Request-Id': 'req_abc', 'OpenAI-Processing-Ms': '42', 'X-Mixed-CASE': 'Yes' }),
    );
    const chat = new ChatApi(config());

    const info = await chat.createChatCompletionWithHttpInfo(request);

    expect(info.data).toEqual(completion);
    expect(info.statusCode).toBe(200);
    expect(info.headers['x-request-id']).toBe('req_abc');
    expect(info.headers['openai-processing-ms']).toBe('42');
    expect(info.headers['x-mixed-case']).toBe('Yes');
    expect(info.headers['content-type']).toBe('application/json');
    for (const name of Object.keys(info.headers)) expect(name).toBe(name.toLowerCase());
    expect(info.headers).not.toHaveProperty('X-Request-Id');
  });

  it('calls an async token getter on every request', async () => {
    server.reset((_req, res) => sendJson(res, 200, completion));
    let calls = 0;
    const chat = new ChatApi(
      config({
        accessToken: async () => {
          calls++;
          await pause(1);
          return `rotating-${calls}`;
        },
      }),
    );

    await chat.createChatCompletion(request);
    await chat.createChatCompletion(request);
    await chat.getChatCompletion('abc');

    expect(calls).toBe(3);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer rotating-1',
      'Bearer rotating-2',
      'Bearer rotating-3',
    ]);
  });

  it('sends nothing when no token is configured, and says what to set', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    try {
      server.reset((_req, res) => sendJson(res, 200, completion));
      const chat = new ChatApi(new Configuration({ basePath: server.baseUrl }));
      await expect(chat.createChatCompletion(request)).rejects.toThrow(
        new MissingCredentialError('POST /chat/completions needs a credential for ApiKeyAuth (HTTP bearer): set accessToken in the Configuration or the OPENAI_API_KEY environment variable.'),
      );
      expect(server.requests).toHaveLength(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('errors', () => {
  const cases = [
    { status: 400, type: BadRequestError, errType: 'invalid_request_error', code: null },
    { status: 401, type: AuthenticationError, errType: 'invalid_request_error', code: 'invalid_api_key' },
    { status: 404, type: NotFoundError, errType: 'invalid_request_error', code: 'not_found' },
    { status: 429, type: RateLimitError, errType: 'requests', code: 'rate_limit_exceeded' },
    { status: 500, type: InternalServerError, errType: 'server_error', code: null },
  ] as const;

  for (const { status, type, errType, code } of cases) {
    it(`${status} becomes ${type.name} with status, body, error.message and requestId, without the token`, async () => {
      const body = {
        error: { message: `Problem number ${status}.`, type: errType, param: status === 400 ? 'messages' : null, code },
      };
      server.reset((_req, res) => sendJson(res, status, body, { 'x-request-id': `req_${status}` }));
      const chat = new ChatApi(config());

      const err = (await chat.createChatCompletion(request, { maxRetries: 0 }).catch((e: unknown) => e)) as ApiError;

      expect(server.requests).toHaveLength(1);
      expect(err).toBeInstanceOf(type);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toBeInstanceOf(Error);
      expect(err.name).toBe(type.name);
      expect(err.status).toBe(status);
      expect(err.body).toEqual(body);
      expect(err.error?.message).toBe(`Problem number ${status}.`);
      expect(err.error?.type).toBe(errType);
      expect(err.type).toBe(errType);
      expect(err.code).toBe(code);
      expect(err.param).toBe(status === 400 ? 'messages' : null);
      expect(err.message).toContain(`Problem number ${status}.`);
      expect(err.message).toContain(String(status));
      expect(err.requestId).toBe(`req_${status}`);
      expect(err.headers['x-request-id']).toBe(`req_${status}`);
      for (const text of [String(err), err.message, JSON.stringify(err), err.stack ?? '', inspect(err)]) {
        expect(text).not.toContain(TOKEN);
      }
    });
  }

  it('scrubs the token when the server echoes it in the error body', async () => {
    server.reset((req, res) =>
      sendJson(
        res,
        401,
        { error: { message: `Incorrect API key provided: ${String(req.headers.authorization)}.`, type: 'invalid_request_error', code: 'invalid_api_key', param: null } },
        { 'x-request-id': 'req_echo' },
      ),
    );
    const chat = new ChatApi(config());

    const err = (await chat.createChatCompletion(request, { maxRetries: 0 }).catch((e: unknown) => e)) as ApiError;

    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.requestId).toBe('req_echo');
    expect(err.error?.message).toMatch(/^Incorrect API key provided: /);
    for (const text of [String(err), err.message, JSON.stringify(err), err.stack ?? '', JSON.stringify(err.body), inspect(err)]) {
      expect(text).not.toContain(TOKEN);
    }
  });

  it('scrubs the token when the echoed JSON escapes characters of it (e.g. "/" as "\\/")', async () => {
    // A perfectly valid JSON encoding of the same string; PHP and some Java
    // encoders escape "/" by default. The token is standard base64 with "/" and "+".
    const slashToken = 'sk-proj/Ab+Cd/EfGh==';
    server.reset((req, res) => {
      const message = `Incorrect API key provided: ${String(req.headers.authorization)}`;
      const text = JSON.stringify({ error: { message, type: 'invalid_request_error', code: 'invalid_api_key', param: null } }).replace(
        /\//g,
        '\\/',
      );
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(text);
    });
    const chat = new ChatApi(config({ accessToken: slashToken }));

    const err = (await chat.createChatCompletion(request, { maxRetries: 0 }).catch((e: unknown) => e)) as ApiError;

    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.error?.message).toMatch(/^Incorrect API key provided: /);
    for (const text of [String(err), err.message, JSON.stringify(err), err.stack ?? '', JSON.stringify(err.body)]) {
      expect(text).not.toContain(slashToken);
    }
  });

  it('after retries run out, the final 429 still carries its body and request id', async () => {
    server.reset((_req, res, _body, index) =>
      sendJson(
        res,
        429,
        { error: { message: `Slow down (${index}).`, type: 'requests', code: 'rate_limit_exceeded', param: null } },
        { 'x-request-id': `req_${index}`, 'retry-after-ms': '1' },
      ),
    );
    const chat = new ChatApi(config({ maxRetries: 2 }));

    const err = (await chat.createChatCompletion(request).catch((e: unknown) => e)) as ApiError;

    expect(server.requests).toHaveLength(3);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.status).toBe(429);
    expect(err.error?.message).toBe('Slow down (2).');
    expect(err.requestId).toBe('req_2');
    for (const r of server.requests) expect(r.body.toString('utf8')).toBe(JSON.stringify(request));
  });
});

describe('stored completions', () => {
  it('listChatCompletions sends limit, order, after, model, deepObject metadata and OpenAI-Organization', async () => {
    const page: ChatCompletionList = {
      object: 'list',
      data: [completionWithId('c1')],
      first_id: 'c1',
      last_id: 'c1',
      has_more: false,
    };
    server.reset((_req, res) => sendJson(res, 200, page));
    const chat = new ChatApi(config());

    const result = await chat.listChatCompletions({
      limit: 2,
      order: 'desc',
      after: 'cmpl_prev',
      model: 'gpt-4o',
      metadata: { project: 'alpha', 'team name': 'a&b=c' },
      openAIOrganization: 'org-abc123',
    });

    const req = only();
    expect(req.method).toBe('GET');
    expect(pathOf(req)).toBe('/v1/chat/completions');
    const q = queryOf(req);
    expect(q.get('limit')).toBe('2');
    expect(q.get('order')).toBe('desc');
    expect(q.get('after')).toBe('cmpl_prev');
    expect(q.get('model')).toBe('gpt-4o');
    expect(q.get('metadata[project]')).toBe('alpha');
    expect(q.get('metadata[team name]')).toBe('a&b=c');
    expect(q.has('metadata')).toBe(false);
    expect([...q.keys()].sort()).toEqual(['after', 'limit', 'metadata[project]', 'metadata[team name]', 'model', 'order']);
    expect(req.headers['openai-organization']).toBe('org-abc123');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers).not.toHaveProperty('content-type');
    expect(req.body.length).toBe(0);
    expect(result).toEqual(page);
  });

  it('listChatCompletions without options sends no query string and no organization header', async () => {
    server.reset((_req, res) => sendJson(res, 200, { object: 'list', data: [], first_id: '', last_id: '', has_more: false }));
    const chat = new ChatApi(config());
    await chat.listChatCompletions();
    const req = only();
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers).not.toHaveProperty('openai-organization');
  });

  it('getChatCompletion percent-encodes the id so it stays one path segment', async () => {
    server.reset((_req, res) => sendJson(res, 200, completion));
    const chat = new ChatApi(config());

    await chat.getChatCompletion('abc/../x');
    await chat.getChatCompletion('a b?c#d');

    const [first, second] = server.requests as [RecordedRequest, RecordedRequest];
    expect(first.method).toBe('GET');
    expect(first.url).toBe('/v1/chat/completions/abc%2F..%2Fx');
    const segments = first.url.split('/');
    expect(segments).toEqual(['', 'v1', 'chat', 'completions', 'abc%2F..%2Fx']);
    expect(decodeURIComponent(segments[4] as string)).toBe('abc/../x');
    expect(second.url).toBe('/v1/chat/completions/a%20b%3Fc%23d');
    expect(decodeURIComponent(second.url.split('/')[4] as string)).toBe('a b?c#d');
  });

  it('getChatCompletion refuses an id that would be a dot segment, without a request', async () => {
    const chat = new ChatApi(config());
    await expect(chat.getChatCompletion('..')).rejects.toThrow(TypeError);
    await expect(chat.getChatCompletion('')).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('deleteChatCompletion uses DELETE and returns the acknowledgement', async () => {
    const deleted: ChatCompletionDeleted = { object: 'chat.completion.deleted', id: 'chatcmpl-123', deleted: true };
    server.reset((_req, res) => sendJson(res, 200, deleted));
    const chat = new ChatApi(config());

    const result = await chat.deleteChatCompletion('chatcmpl-123');

    const req = only();
    expect(req.method).toBe('DELETE');
    expect(req.url).toBe('/v1/chat/completions/chatcmpl-123');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.body.length).toBe(0);
    expect(result).toEqual(deleted);
  });

  it('updateChatCompletion POSTs the metadata to the completion', async () => {
    const updated = { ...completion, metadata: { stage: 'reviewed' } };
    server.reset((_req, res) => sendJson(res, 200, updated));
    const chat = new ChatApi(config());

    const result = await chat.updateChatCompletion('chatcmpl-123', { metadata: { stage: 'reviewed' } });

    const req = only();
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/chat/completions/chatcmpl-123');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body.toString('utf8')).toBe('{"metadata":{"stage":"reviewed"}}');
    expect(result).toEqual(updated);
  });

  it('updateChatCompletion can clear the metadata with null', async () => {
    server.reset((_req, res) => sendJson(res, 200, completion));
    const chat = new ChatApi(config());
    await chat.updateChatCompletion('chatcmpl-123', { metadata: null });
    expect(only().body.toString('utf8')).toBe('{"metadata":null}');
  });

  it('listChatCompletionsAll follows after=last_id across 3 pages and yields every item once, in order', async () => {
    const pages: Record<string, ChatCompletionList> = {
      '': { object: 'list', data: [completionWithId('c1'), completionWithId('c2')], first_id: 'c1', last_id: 'c2', has_more: true },
      c2: { object: 'list', data: [completionWithId('c3'), completionWithId('c4')], first_id: 'c3', last_id: 'c4', has_more: true },
      c4: { object: 'list', data: [completionWithId('c5')], first_id: 'c5', last_id: 'c5', has_more: false },
    };
    server.reset((req, res) => {
      const after = new URL(req.url ?? '', 'http://x').searchParams.get('after') ?? '';
      const page = pages[after];
      if (page) sendJson(res, 200, page);
      else sendJson(res, 400, { error: { message: `unknown cursor ${after}` } });
    });
    const chat = new ChatApi(config());

    const ids: string[] = [];
    for await (const item of chat.listChatCompletionsAll({ limit: 2, order: 'asc', openAIOrganization: 'org-1' })) {
      ids.push(item.id);
      if (ids.length > 20) break; // a cursor bug must fail the test, not hang it
    }

    expect(ids).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => queryOf(r).get('after'))).toEqual([null, 'c2', 'c4']);
    for (const r of server.requests) {
      expect(pathOf(r)).toBe('/v1/chat/completions');
      expect(queryOf(r).get('limit')).toBe('2');
      expect(queryOf(r).get('order')).toBe('asc');
      expect(r.headers['openai-organization']).toBe('org-1');
    }
  });
});

describe('streaming', () => {
  const chunks: CreateChatCompletionStreamResponse[] = [
    { id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o', choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
    { id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o', choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }] },
    { id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o', choices: [{ index: 0, delta: { content: 'lo ☃' }, finish_reason: null }] },
    { id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
  ];

  function serveStream(): void {
    server.reset(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': 'req_stream' });
      res.write(': keep-alive comment\n\n');
      for (const chunk of chunks) {
        const text = `data: ${JSON.stringify(chunk)}\n\n`;
        // Split every event across two writes to exercise reassembly.
        const cut = Math.floor(text.length / 2);
        res.write(text.slice(0, cut));
        await pause(2);
        res.write(text.slice(cut));
        await pause(2);
      }
      res.end('data: [DONE]\n\n');
    });
  }

  it('createChatCompletion({ stream: true }) returns an async iterable of typed chunks', async () => {
    serveStream();
    const chat = new ChatApi(config());

    const stream = await chat.createChatCompletion({ ...request, stream: true });

    expect(stream).toBeInstanceOf(Stream);
    const received = await collect(stream);
    expect(received).toEqual(chunks);
    expect(received.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello ☃');
    const req = only();
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers.accept).toBe('text/event-stream');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body.toString('utf8')).toContain('"stream":true');
    expect(JSON.parse(req.body.toString('utf8'))).toEqual({ ...request, stream: true });
  });

  it('createChatCompletionStream(...) adds "stream":true and yields the same chunks', async () => {
    serveStream();
    const chat = new ChatApi(config());

    const stream = await chat.createChatCompletionStream(request);
    expect(stream.response.headers.get('x-request-id')).toBe('req_stream');
    const received = await collect(stream);

    expect(received).toEqual(chunks);
    const req = only();
    expect(req.body.toString('utf8')).toContain('"stream":true');
    expect(JSON.parse(req.body.toString('utf8'))).toEqual({ ...request, stream: true });
  });

  it('an error answer to a stream request becomes an ApiError', async () => {
    server.reset((_req, res) =>
      sendJson(res, 400, { error: { message: 'Bad stream request.', type: 'invalid_request_error', param: 'model', code: null } }, { 'x-request-id': 'req_bad' }),
    );
    const chat = new ChatApi(config());
    const err = (await chat.createChatCompletionStream(request, { maxRetries: 0 }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.error?.message).toBe('Bad stream request.');
    expect(err.requestId).toBe('req_bad');
  });
});

describe('FilesApi', () => {
  // Every byte value, plus CRLF and a fake boundary, to prove the body is binary-safe.
  const bytes = new Uint8Array([...Array.from({ length: 256 }, (_v, i) => i), ...new TextEncoder().encode('\r\n--boundary\r\n{"a":1}\n')]);
  const stored: OpenAIFile = {
    id: 'file-abc123',
    object: 'file',
    bytes: bytes.length,
    created_at: 1_700_000_000,
    filename: 'train.jsonl',
    purpose: 'fine-tune',
    status: 'processed',
  };

  it('createFile sends multipart/form-data with purpose and a named file part', async () => {
    server.reset((_req, res) => sendJson(res, 200, stored));
    const files = new FilesApi(config());

    const result = await files.createFile({
      file: new File([bytes], 'train.jsonl', { type: 'application/jsonl' }),
      purpose: 'fine-tune',
    });

    const req = only();
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/files');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; ?boundary=/);
    const parts = parseMultipart(req.body, req.headers['content-type']);
    expect(parts.map((p) => p.name).sort()).toEqual(['file', 'purpose']);
    const purpose = parts.find((p) => p.name === 'purpose');
    expect(purpose?.filename).toBeUndefined();
    expect(purpose?.data.toString('utf8')).toBe('fine-tune');
    const file = parts.find((p) => p.name === 'file');
    expect(file?.filename).toBe('train.jsonl');
    expect(file?.contentType).toBe('application/jsonl');
    expect(new Uint8Array(file?.data ?? [])).toEqual(bytes);
    expect(result).toEqual(stored);
  });

  it('createFile accepts toFile(bytes, name) and still sends the file name and exact bytes', async () => {
    server.reset((_req, res) => sendJson(res, 200, stored));
    const files = new FilesApi(config());

    await files.createFile({ file: await toFile(bytes, 'data.bin'), purpose: 'user_data' });

    const req = only();
    const parts = parseMultipart(req.body, req.headers['content-type']);
    expect(parts.find((p) => p.name === 'purpose')?.data.toString('utf8')).toBe('user_data');
    const file = parts.find((p) => p.name === 'file');
    expect(file?.filename).toBe('data.bin');
    expect(new Uint8Array(file?.data ?? [])).toEqual(bytes);
  });

  it('downloadFile returns the exact bytes', async () => {
    server.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from(bytes));
    });
    const files = new FilesApi(config());

    const blob = await files.downloadFile('file-abc123');

    const req = only();
    expect(req.method).toBe('GET');
    expect(req.url).toBe('/v1/files/file-abc123/content');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe('application/octet-stream');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('downloadFile of a missing file rejects with NotFoundError', async () => {
    server.reset((_req, res) =>
      sendJson(res, 404, { error: { message: 'No such File object: file-nope', type: 'invalid_request_error', param: 'id', code: null } }, { 'x-request-id': 'req_nf' }),
    );
    const files = new FilesApi(config());
    const err = (await files.downloadFile('file-nope', { maxRetries: 0 }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.error?.message).toBe('No such File object: file-nope');
    expect(err.requestId).toBe('req_nf');
  });
});

describe('AudioApi', () => {
  it('createSpeech returns a Blob with the exact bytes and content type', async () => {
    const audio = new Uint8Array(4096);
    for (let i = 0; i < audio.length; i++) audio[i] = (i * 37 + 11) & 0xff;
    audio.set([0xff, 0xfb, 0x90, 0x64], 0); // an MPEG frame header
    server.reset(async (_req, res) => {
      // Chunked, as the real endpoint: no Content-Length.
      res.writeHead(200, { 'content-type': 'audio/mpeg', 'transfer-encoding': 'chunked' });
      for (let i = 0; i < audio.length; i += 1000) {
        res.write(Buffer.from(audio.subarray(i, i + 1000)));
        await pause(1);
      }
      res.end();
    });
    const speech = new AudioApi(config());
    const input = { model: 'gpt-4o-mini-tts', input: 'Hello ☃', voice: 'coral', response_format: 'mp3', speed: 1.25 } as const;

    const blob = await speech.createSpeech(input);

    const req = only();
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/audio/speech');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body.toString('utf8')).toBe(JSON.stringify(input));
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe('audio/mpeg');
    expect(blob.size).toBe(audio.length);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(audio);
  });

  it('createSpeechWithHttpInfo exposes the status and headers alongside the Blob', async () => {
    server.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/mpeg', 'X-Request-Id': 'req_tts' });
      res.end(Buffer.from([1, 2, 3]));
    });
    const speech = new AudioApi(config());
    const info = await speech.createSpeechWithHttpInfo({ model: 'tts-1', input: 'x', voice: 'alloy' });
    expect(info.statusCode).toBe(200);
    expect(info.headers['x-request-id']).toBe('req_tts');
    expect(new Uint8Array(await info.data.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });
});
