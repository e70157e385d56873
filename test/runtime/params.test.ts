// Parameter serialization (runtime/params.ts): the OpenAPI 3.x style table, written out
// here for the specification's three example values, then the same requests on the wire.
import { describe, expect, it } from 'vitest';
import {
  serializeCookieParam,
  serializeHeaderParam,
  serializeParams,
  serializePathParam,
  serializeQueryParam,
  type ParamSpec,
  type ParamStyle,
} from '../../templates/static/src/runtime/params.js';
import type { RequestSpec } from '../../templates/static/src/runtime/types.js';
import { sendJson } from '../support/http.js';
import { useServer } from './serve.js';

const PRIMITIVE = 'blue';
const ARRAY = ['blue', 'black', 'brown'];
const OBJECT = { R: 100, G: 200, B: 150 };

/** One row of the style table: the expected serialization of the primitive, the array and the object. */
type Row = [style: ParamStyle, explode: boolean, primitive: string, array: string, object: string];

function param(location: ParamSpec['in'], style: ParamStyle, explode: boolean, value: unknown): ParamSpec {
  return { name: 'color', in: location, style, explode, value };
}

const PATH_TABLE: Row[] = [
  ['simple', false, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
  ['simple', true, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
  ['label', false, '.blue', '.blue.black.brown', '.R.100.G.200.B.150'],
  ['label', true, '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
  ['matrix', false, ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
  ['matrix', true, ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
];

// The query pairs joined with '&'; brackets, spaces and pipes percent-encoded (RFC 3986 allows none of them in a query).
const QUERY_TABLE: Row[] = [
  ['form', true, 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  ['form', false, 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
  ['spaceDelimited', false, 'color=blue', 'color=blue%20black%20brown', 'color=R%20100%20G%20200%20B%20150'],
  ['spaceDelimited', true, 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  ['pipeDelimited', false, 'color=blue', 'color=blue%7Cblack%7Cbrown', 'color=R%7C100%7CG%7C200%7CB%7C150'],
  ['pipeDelimited', true, 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  ['deepObject', true, 'color=blue', 'color=blue&color=black&color=brown', 'color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150'],
];

const HEADER_TABLE: Row[] = [
  ['simple', false, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
  ['simple', true, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
];

// Cookie pairs are joined with '; ' into one Cookie header.
const COOKIE_TABLE: Row[] = [
  ['form', true, 'color=blue', 'color=blue; color=black; color=brown', 'R=100; G=200; B=150'],
  ['form', false, 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
];

function rowCases(table: Row[]) {
  return table.flatMap(([style, explode, ...wants]) =>
    ([PRIMITIVE, ARRAY, OBJECT] as unknown[]).map((value, i) => ({ style, explode, value, want: wants[i] as string })),
  );
}

describe('the style table, per location', () => {
  it.each(rowCases(PATH_TABLE))('path $style explode=$explode $value → $want', ({ style, explode, value, want }) => {
    expect(serializePathParam(param('path', style, explode, value))).toBe(want);
  });

  it.each(rowCases(QUERY_TABLE))('query $style explode=$explode $value → $want', ({ style, explode, value, want }) => {
    expect(serializeQueryParam(param('query', style, explode, value)).join('&')).toBe(want);
  });

  it.each(rowCases(HEADER_TABLE))('header $style explode=$explode $value → $want', ({ style, explode, value, want }) => {
    expect(serializeHeaderParam(param('header', style, explode, value))).toBe(want);
  });

  it.each(rowCases(COOKIE_TABLE))('cookie $style explode=$explode $value → $want', ({ style, explode, value, want }) => {
    expect(serializeCookieParam(param('cookie', style, explode, value)).join('; ')).toBe(want);
  });

  it('empty strings: form `color=`, matrix `;color`, and the defaults of each location', () => {
    expect(serializeQueryParam({ name: 'color', in: 'query', value: '' })).toEqual(['color=']);
    expect(serializePathParam({ name: 'color', in: 'path', style: 'matrix', value: '' })).toBe(';color');
    // Defaults: query and cookie form + explode, path and header simple without explode.
    expect(serializeQueryParam({ name: 'color', in: 'query', value: OBJECT })).toEqual(['R=100', 'G=200', 'B=150']);
    expect(serializeCookieParam({ name: 'color', in: 'cookie', value: ARRAY })).toEqual(['color=blue', 'color=black', 'color=brown']);
    expect(serializePathParam({ name: 'color', in: 'path', value: OBJECT })).toBe('R,100,G,200,B,150');
    expect(serializeHeaderParam({ name: 'color', in: 'header', value: OBJECT })).toBe('R,100,G,200,B,150');
  });

  it('leaves out undefined and null values, null items and empty lists; dates become ISO strings', () => {
    const when = new Date('2024-01-02T03:04:05.000Z');
    const out = serializeParams([
      { name: 'a', in: 'query', value: undefined },
      { name: 'b', in: 'query', value: null },
      { name: 'c', in: 'query', value: [] },
      { name: 'd', in: 'query', value: ['x', null, 'y'] },
      { name: 'since', in: 'query', value: when },
      { name: 'range', in: 'query', explode: false, value: [when, when] },
      { name: 'x-gone', in: 'header', value: null },
      { name: 'sid', in: 'cookie', value: undefined },
    ]);
    expect(out.query).toEqual(['d=x', 'd=y', 'since=2024-01-02T03%3A04%3A05.000Z', 'range=2024-01-02T03%3A04%3A05.000Z,2024-01-02T03%3A04%3A05.000Z']);
    expect(out.headers).toEqual({});
    expect(out.cookies).toEqual([]);
  });

  it('allowReserved keeps reserved characters and %XX escapes, but still encodes #, spaces and %', () => {
    const value = "a/b?c:d@e!$&'()*+,;=[x]#frag 100%%41";
    expect(serializeQueryParam({ name: 'q', in: 'query', allowReserved: true, value })).toEqual([
      "q=a/b?c:d@e!$&'()*+,;=[x]%23frag%20100%25%41",
    ]);
    expect(serializeQueryParam({ name: 'q', in: 'query', value })).toEqual([
      'q=a%2Fb%3Fc%3Ad%40e%21%24%26%27%28%29%2A%2B%2C%3B%3D%5Bx%5D%23frag%20100%25%2541',
    ]);
  });

  it('content-encoded parameters: JSON (also +json) serialized, then encoded for the location', () => {
    const filter = { name: 'a b', tags: ['x'] };
    const json = JSON.stringify(filter);
    expect(serializeQueryParam({ name: 'filter', in: 'query', contentType: 'application/json', value: filter })).toEqual([
      `filter=${encodeURIComponent(json)}`,
    ]);
    expect(serializeHeaderParam({ name: 'X-Filter', in: 'header', contentType: 'application/vnd.api+json', value: filter })).toBe(json);
    expect(serializePathParam({ name: 'f', in: 'path', contentType: 'application/json; charset=utf-8', value: [1, 2] })).toBe('%5B1%2C2%5D');
    expect(serializeCookieParam({ name: 'prefs', in: 'cookie', contentType: 'application/json', value: { dark: true } })).toEqual([
      'prefs=%7B%22dark%22%3Atrue%7D',
    ]);
    expect(serializeQueryParam({ name: 'note', in: 'query', contentType: 'text/plain', value: 'a b' })).toEqual(['note=a%20b']);
  });

  it('refuses a style its location does not allow, a nested value outside deepObject, and an unsafe path or header', () => {
    expect(() => serializeQueryParam({ name: 'c', in: 'query', style: 'matrix', value: 'x' })).toThrow(/style "matrix" is not allowed in query/);
    expect(() => serializePathParam({ name: 'c', in: 'path', style: 'form', value: 'x' })).toThrow(TypeError);
    expect(() => serializeHeaderParam({ name: 'c', in: 'header', style: 'label', value: 'x' })).toThrow(TypeError);
    expect(() => serializeCookieParam({ name: 'c', in: 'cookie', style: 'deepObject', value: { a: 1 } })).toThrow(TypeError);
    expect(() => serializeQueryParam({ name: 'c', in: 'query', value: { a: { b: 1 } } })).toThrow(/nested object or array has no form serialization/);
    expect(serializeQueryParam({ name: 'c', in: 'query', style: 'deepObject', value: { a: { b: 1 }, n: [1, 2] } })).toEqual([
      'c%5Ba%5D%5Bb%5D=1',
      'c%5Bn%5D=1',
      'c%5Bn%5D=2',
    ]);
    for (const value of ['', '.', '..']) {
      expect(() => serializePathParam({ name: 'id', in: 'path', value })).toThrow(/must not be empty, "." or ".."/);
    }
    // label's empty value and a lone-dot value would both be dot segments
    expect(() => serializePathParam({ name: 'id', in: 'path', style: 'label', value: '' })).toThrow(TypeError);
    expect(() => serializePathParam({ name: 'id', in: 'path', style: 'label', value: '.' })).toThrow(TypeError);
    expect(() => serializePathParam({ name: 'id', in: 'path', value: [] })).toThrow(/Missing path parameter "id"/);
    expect(() => serializeHeaderParam({ name: 'X-A', in: 'header', value: 'a\r\nInjected: 1' })).toThrow(/must not contain CR, LF or NUL/);
    expect(() => serializeHeaderParam({ name: 'Bad Name', in: 'header', value: 'a' })).toThrow(/Invalid header name/);
  });

  it('keeps hostile text as text: delimiters and slashes inside names and values are encoded', () => {
    expect(serializePathParam({ name: 'id', in: 'path', value: '../admin;x=1,2' })).toBe('..%2Fadmin%3Bx%3D1%2C2');
    expect(serializePathParam({ name: 'id', in: 'path', style: 'matrix', explode: true, value: { 'a;b': 'c=d' } })).toBe(';a%3Bb=c%3Dd');
    expect(serializeQueryParam({ name: 'q&x=1', in: 'query', value: { 'k=v&z': 'a&b=c#d' } })).toEqual(['k%3Dv%26z=a%26b%3Dc%23d']);
    expect(serializeQueryParam({ name: 'q&x=1', in: 'query', value: 'v' })).toEqual(['q%26x%3D1=v']);
    expect(serializeCookieParam({ name: 'sid', in: 'cookie', value: 'a; admin=1' })).toEqual(['sid=a%3B%20admin%3D1']);
  });
});

const serve = useServer({ maxRetries: 0 });
const echo = (_req: unknown, res: Parameters<typeof sendJson>[0]) => sendJson(res, 200, {});

describe('on the wire', () => {
  it('sends path, query, header and cookie parameters exactly as serialized', async () => {
    const { server, api } = await serve(echo);
    const spec: RequestSpec = {
      method: 'GET',
      path: '/paint/{color}/{shade}/{mix}',
      responseType: 'json',
      params: [
        { name: 'color', in: 'path', style: 'label', value: ARRAY },
        { name: 'shade', in: 'path', style: 'matrix', explode: true, value: OBJECT },
        { name: 'mix', in: 'path', value: OBJECT },
        { name: 'fields', in: 'query', explode: false, value: ARRAY },
        { name: 'ids', in: 'query', style: 'pipeDelimited', explode: false, value: [1, 2] },
        { name: 'filter', in: 'query', style: 'deepObject', value: { status: 'open', since: new Date(0) } },
        { name: 'where', in: 'query', contentType: 'application/json', value: { a: 'b c' } },
        { name: 'path', in: 'query', allowReserved: true, value: '/docs/a b' },
        { name: 'X-Colors', in: 'header', explode: true, value: OBJECT },
        { name: 'session', in: 'cookie', value: 'abc 1' },
        { name: 'prefs', in: 'cookie', explode: false, value: ARRAY },
      ],
    };
    await api.call(spec);
    const sent = server.requests[0]!;
    expect(sent.url).toBe(
      '/v1/paint/.blue.black.brown/;R=100;G=200;B=150/R,100,G,200,B,150' +
        '?fields=blue,black,brown&ids=1%7C2' +
        '&filter%5Bstatus%5D=open&filter%5Bsince%5D=1970-01-01T00%3A00%3A00.000Z' +
        '&where=%7B%22a%22%3A%22b%20c%22%7D&path=/docs/a%20b',
    );
    expect(sent.headers['x-colors']).toBe('R=100,G=200,B=150');
    expect(sent.headers.cookie).toBe('session=abc%201; prefs=blue,black,brown');
  });

  it('puts params after the record-style pathParams, query and headers, and lets them win', async () => {
    const { server, api } = await serve(echo);
    await api.call(
      {
        method: 'GET',
        path: '/items/{id}',
        responseType: 'json',
        pathParams: { id: 'old' },
        query: { limit: 2 },
        headers: { 'x-mode': 'record' },
        params: [
          { name: 'id', in: 'path', value: 'new' },
          { name: 'order', in: 'query', value: 'asc' },
          { name: 'X-Mode', in: 'header', value: 'param' },
        ],
      },
      { headers: { 'x-extra': '1' } },
    );
    const sent = server.requests[0]!;
    expect(sent.url).toBe('/v1/items/new?limit=2&order=asc');
    expect(sent.headers['x-mode']).toBe('param');
    expect(sent.headers['x-extra']).toBe('1');
    expect(sent.headers.cookie).toBeUndefined();
  });

  it("adds cookie parameters to the caller's own Cookie header instead of replacing it", async () => {
    const { server, api } = await serve(echo, { defaultHeaders: { Cookie: 'session=s1' } });
    const spec: RequestSpec = { method: 'GET', path: '/me', responseType: 'json', params: [{ name: 'theme', in: 'cookie', value: 'dark' }] };
    await api.call(spec);
    await api.call(spec, { headers: { cookie: 'other=o' } });
    expect(server.requests.map((r) => r.headers.cookie)).toEqual(['session=s1; theme=dark', 'other=o; theme=dark']);
  });

  it('refuses before sending: a missing or dot-segment path parameter, a header with CR/LF', async () => {
    const { server, api } = await serve(echo);
    const base = { method: 'GET', path: '/items/{id}', responseType: 'json' } as const;
    await expect(api.call({ ...base, params: [{ name: 'id', in: 'path', value: undefined }] })).rejects.toThrow(/Missing path parameter "id"/);
    await expect(api.call({ ...base, params: [{ name: 'id', in: 'path', value: '..' }] })).rejects.toThrow(TypeError);
    await expect(
      api.call({ ...base, params: [{ name: 'id', in: 'path', value: 'x' }, { name: 'X-A', in: 'header', value: 'a\nb' }] }),
    ).rejects.toThrow(/must not contain CR, LF or NUL/);
    expect(server.requests).toHaveLength(0);
  });
});
