// Issue 12 item 3: the request body goes out in the spec's media type, byte for byte:
// JSON for application/json and every +json type, bytes or text as given for the rest,
// form bodies with their `encoding` object, and the caller's pick among several media types.
import { describe, expect, it } from 'vitest';
import { binaryBody, formBody, jsonBody, textBody, urlEncodedBody, type BodyEncoder } from '../../templates/static/src/runtime/body.js';
import type { RequestOptions, RequestSpec } from '../../templates/static/src/runtime/types.js';
import { sendJson, type RecordedRequest } from '../support/http.js';
import { useServer } from './serve.js';

const serve = useServer({ maxRetries: 0 });

const post: RequestSpec = { method: 'POST', path: '/things', responseType: 'void' };
const utf8 = (text: string) => new TextEncoder().encode(text);

interface BodyCase {
  name: string;
  encodeBody: BodyEncoder;
  mediaType?: string;
  body: unknown;
  contentType: string;
  bytes: Uint8Array;
}

const BYTES = Uint8Array.of(0, 0xff, 0x80, 10, 13);

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, 2));
      controller.enqueue(bytes.subarray(2));
      controller.close();
    },
  });
}

const CASES: BodyCase[] = [
  { name: 'JSON without a media type', encodeBody: jsonBody, body: { a: 'é' }, contentType: 'application/json', bytes: utf8('{"a":"é"}') },
  {
    name: 'application/json-patch+json',
    encodeBody: jsonBody,
    mediaType: 'application/json-patch+json',
    body: [{ op: 'remove', path: '/a' }],
    contentType: 'application/json-patch+json',
    bytes: utf8('[{"op":"remove","path":"/a"}]'),
  },
  {
    name: 'application/merge-patch+json with a charset, verbatim',
    encodeBody: jsonBody,
    mediaType: 'application/merge-patch+json; charset=utf-8',
    body: { a: null },
    contentType: 'application/merge-patch+json; charset=utf-8',
    bytes: utf8('{"a":null}'),
  },
  { name: 'a JSON string is JSON text', encodeBody: jsonBody, mediaType: 'application/json', body: 'x"y', contentType: 'application/json', bytes: utf8('"x\\"y"') },
  { name: 'text/plain string', encodeBody: textBody, mediaType: 'text/plain', body: 'héllo\n', contentType: 'text/plain', bytes: utf8('héllo\n') },
  { name: 'text/plain number', encodeBody: textBody, mediaType: 'text/plain', body: 42, contentType: 'text/plain', bytes: utf8('42') },
  { name: 'binary declared text/plain goes as bytes', encodeBody: textBody, mediaType: 'text/plain', body: BYTES, contentType: 'text/plain', bytes: BYTES },
  { name: 'application/xml string as given', encodeBody: textBody, mediaType: 'application/xml', body: '<a b="1">&amp;</a>', contentType: 'application/xml', bytes: utf8('<a b="1">&amp;</a>') },
  { name: 'text/csv Blob', encodeBody: textBody, mediaType: 'text/csv', body: new Blob(['a,b\n1,2'], { type: 'text/plain' }), contentType: 'text/csv', bytes: utf8('a,b\n1,2') },
  { name: 'application/pdf ArrayBuffer', encodeBody: binaryBody, mediaType: 'application/pdf', body: BYTES.slice().buffer, contentType: 'application/pdf', bytes: BYTES },
  { name: 'application/octet-stream ReadableStream', encodeBody: binaryBody, mediaType: 'application/octet-stream', body: streamOf(BYTES), contentType: 'application/octet-stream', bytes: BYTES },
  { name: 'image/* takes the Blob type', encodeBody: binaryBody, mediaType: 'image/*', body: new Blob([BYTES], { type: 'image/png' }), contentType: 'image/png', bytes: BYTES },
  { name: '*/* without a Blob type is octet-stream', encodeBody: binaryBody, mediaType: '*/*', body: BYTES, contentType: 'application/octet-stream', bytes: BYTES },
  {
    name: 'form body, media type verbatim',
    encodeBody: formBody,
    mediaType: 'application/x-www-form-urlencoded; charset=utf-8',
    body: { a: 'x y', tags: ['1', '2'] },
    contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    bytes: utf8('a=x+y&tags=1&tags=2'),
  },
  {
    name: 'form body with its encoding object',
    encodeBody: urlEncodedBody({
      meta: { contentType: 'application/json' },
      pipes: { style: 'pipeDelimited' },
      spaces: { style: 'spaceDelimited' },
      commas: { style: 'form', explode: false },
      repeated: { style: 'form' },
      filter: { style: 'deepObject', explode: true },
      point: { style: 'form', explode: true },
      pair: { style: 'form', explode: false },
    }),
    mediaType: 'application/x-www-form-urlencoded',
    body: {
      name: 'a&b=c',
      meta: { k: [1, 'é'] },
      pipes: ['a', 'b|c'],
      spaces: ['a', 'b'],
      commas: ['a', 'b,c'],
      repeated: ['a', 'b'],
      filter: { role: 'admin', age: 3 },
      point: { x: 1, y: 2 },
      pair: { r: 100, g: 200 },
      unlisted: { k: 'v' },
      gone: undefined,
    },
    contentType: 'application/x-www-form-urlencoded',
    bytes: utf8(
      [
        'name=a%26b%3Dc',
        'meta=%7B%22k%22%3A%5B1%2C%22%C3%A9%22%5D%7D',
        'pipes=a|b%7Cc',
        'spaces=a%20b',
        'commas=a,b%2Cc',
        'repeated=a&repeated=b',
        'filter%5Brole%5D=admin&filter%5Bage%5D=3',
        'x=1&y=2',
        'pair=r,100,g,200',
        'unlisted%5Bk%5D=v',
      ].join('&'),
    ),
  },
  {
    // As a query parameter of its style is: params.ts serializes both, only the escaping differs.
    name: 'form body encoding: spaces as +, nested deepObject, absent list items left out',
    encodeBody: urlEncodedBody({ note: { style: 'form' }, filter: { style: 'deepObject', explode: true }, ids: { style: 'form', explode: false } }),
    mediaType: 'application/x-www-form-urlencoded',
    body: { note: 'a b', filter: { range: { min: 1 } }, ids: ['a b', null, 'c'] },
    contentType: 'application/x-www-form-urlencoded',
    bytes: utf8('note=a+b&filter%5Brange%5D%5Bmin%5D=1&ids=a+b,c'),
  },
];

async function sendBody(spec: Partial<RequestSpec>, options?: RequestOptions): Promise<RecordedRequest> {
  const { server, api } = await serve((_req, res) => sendJson(res, 200, {}));
  await api.call({ ...post, ...spec }, options);
  return server.requests[0]!;
}

describe('request media types on the wire', () => {
  it.each(CASES)('$name', async (c) => {
    const sent = await sendBody({ body: c.body, encodeBody: c.encodeBody, mediaType: c.mediaType });
    expect(sent.headers['content-type']).toBe(c.contentType);
    expect([...sent.body]).toEqual([...c.bytes]);
  });

  it.each([
    ['text/plain', textBody],
    ['application/xml', textBody],
    ['application/octet-stream', binaryBody],
  ] as Array<[string, BodyEncoder]>)('refuses a plain object as a %s body, before sending', async (mediaType, encodeBody) => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}));
    const error = await api.call({ ...post, body: { a: 1 }, encodeBody, mediaType }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(`A ${mediaType} request body must be a string, Blob, Uint8Array, ArrayBuffer or ReadableStream, not a plain object`);
    expect(server.requests).toHaveLength(0);
  });

  it("keeps the caller's own Content-Type", async () => {
    const sent = await sendBody({ body: { a: 1 }, encodeBody: jsonBody, mediaType: 'application/json' }, { headers: { 'Content-Type': 'application/vnd.api+json' } });
    expect(sent.headers['content-type']).toBe('application/vnd.api+json');
  });
});

describe('an operation with several request media types', () => {
  const offers: Partial<RequestSpec> = {
    encodeBody: jsonBody,
    mediaType: 'application/json',
    otherMediaTypes: { 'application/xml': textBody, 'application/x-www-form-urlencoded': formBody },
  };

  it.each([
    { contentType: undefined, body: { a: 1 }, sentType: 'application/json', sent: '{"a":1}' },
    { contentType: 'application/json', body: { a: 1 }, sentType: 'application/json', sent: '{"a":1}' },
    { contentType: 'application/xml', body: '<a>1</a>', sentType: 'application/xml', sent: '<a>1</a>' },
    { contentType: 'application/x-www-form-urlencoded', body: { a: 1 }, sentType: 'application/x-www-form-urlencoded', sent: 'a=1' },
  ])('contentType $contentType sends $sentType', async ({ contentType, body, sentType, sent }) => {
    const request = await sendBody({ ...offers, body }, { contentType });
    expect(request.headers['content-type']).toBe(sentType);
    expect(request.body.toString('utf8')).toBe(sent);
  });

  it('refuses a media type the operation does not offer, naming those it does', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}));
    const error = await api.call({ ...post, ...offers, body: {} }, { contentType: 'text/plain' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      'POST /things sends "application/json" or "application/xml" or "application/x-www-form-urlencoded", not contentType "text/plain"',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('never looks a media type up on Object.prototype', async () => {
    const { api } = await serve((_req, res) => sendJson(res, 200, {}));
    await expect(api.call({ ...post, ...offers, body: {} }, { contentType: 'constructor' })).rejects.toThrow(TypeError);
  });
});
