// The pagination strategies of runtime/pagination.ts, each against a server on 127.0.0.1
// that records the request lines, with the stop conditions that keep a walk finite.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../templates/static/src/ApiError.js';
import { cursorPaging, linkPaging, nextLink, nextUrlPaging, offsetPaging, pagePaging, type Paging } from '../../templates/static/src/runtime/pagination.js';
import type { RequestOptions, RequestSpec } from '../../templates/static/src/runtime/types.js';
import { collect, collectUntilError } from '../support/async.js';
import { sendJson, startServer, type TestServer } from '../support/http.js';
import { BEARER, TestApi } from './api.js';
import { useServer } from './serve.js';

class PagingApi extends TestApi {
  all<T = Item>(paging: Paging, spec: RequestSpec, options?: RequestOptions): AsyncIterableIterator<T> {
    return this.paginateBy<T>(paging, spec, options);
  }
}

interface Item {
  id: string;
}

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const items = (ids: string[]): Item[] => ids.map((id) => ({ id }));
const ids = (list: Item[]) => list.map((item) => item.id);

/** The items of IDS from `start`: `size` of them, but at most 3, as a server capping its page size would. */
function pageOf(start: number, size = 3) {
  return IDS.slice(start, start + Math.min(size, 3));
}
const query = (req: IncomingMessage) => new URL(req.url ?? '', 'http://x').searchParams;

const serve = useServer({ maxRetries: 0 }, PagingApi);
const list: RequestSpec = { method: 'GET', path: '/items', responseType: 'json' };
const urls = (server: TestServer) => server.requests.map((r) => r.url);

describe('cursor', () => {
  const nestedCursor = cursorPaging({ param: 'cursor', itemsField: 'items', nextField: ['meta', 'next_cursor'] });

  it('sends the next cursor from a nested field until it is null', async () => {
    const { server, api } = await serve((req, res) => {
      const cursor = query(req).get('cursor');
      const start = cursor === null ? 0 : IDS.indexOf(cursor) + 1;
      const page = pageOf(start);
      const last = page[page.length - 1];
      sendJson(res, 200, { items: items(page), meta: { next_cursor: start + 3 < IDS.length ? last : null } });
    });
    const spec: RequestSpec = { ...list, params: [{ name: 'limit', in: 'query', value: 3 }] };
    expect(ids(await collect(api.all(nestedCursor, spec)))).toEqual(IDS);
    expect(urls(server)).toEqual(['/v1/items?limit=3', '/v1/items?limit=3&cursor=c', '/v1/items?limit=3&cursor=f']);
  });

  it("replaces the caller's own cursor and falls back to the last item's cursor field; stops on has_more false", async () => {
    const { server, api } = await serve((req, res) => {
      const after = query(req).get('after');
      const start = after === null ? 0 : IDS.indexOf(after) + 1;
      sendJson(res, 200, { data: items(pageOf(start)), has_more: start + 3 < IDS.length });
    });
    const paging = cursorPaging({ param: 'after', itemsField: 'data', hasMoreField: 'has_more', itemCursorField: 'id' });
    const spec: RequestSpec = { ...list, query: { after: 'a' } };
    expect(ids(await collect(api.all(paging, spec)))).toEqual(IDS.slice(1));
    expect(urls(server)).toEqual(['/v1/items?after=a', '/v1/items?after=d']);
  });

  it('stops on a repeated cursor and on an empty page', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, { items: items(['x']), meta: { next_cursor: 'same' } }));
    expect(ids(await collect(api.all(nestedCursor, list)))).toEqual(['x', 'x']);
    expect(urls(server)).toEqual(['/v1/items', '/v1/items?cursor=same']);
    server.reset((_req, res) => sendJson(res, 200, { items: [], meta: { next_cursor: 'more' } }));
    expect(await collect(api.all(nestedCursor, list))).toEqual([]);
    expect(urls(server)).toEqual(['/v1/items']);
  });

  it('fetches lazily: stopping early requests no more pages', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, { items: items(['x', 'y']), meta: { next_cursor: String(Math.random()) } }));
    for await (const item of api.all(nestedCursor, list)) if (item.id === 'y') break;
    expect(server.requests).toHaveLength(1);
  });
});

describe('page and per_page, offset and limit', () => {
  it('counts pages up from the first page until an empty one', async () => {
    const { server, api } = await serve((req, res) => {
      const page = Number(query(req).get('page') ?? 1);
      sendJson(res, 200, { results: items(pageOf((page - 1) * 3)) });
    });
    const paging = pagePaging({ param: 'page', itemsField: 'results' });
    expect(ids(await collect(api.all(paging, { ...list, params: [{ name: 'per_page', in: 'query', value: 3 }] })))).toEqual(IDS);
    expect(urls(server)).toEqual([
      '/v1/items?per_page=3',
      '/v1/items?per_page=3&page=2',
      '/v1/items?per_page=3&page=3',
      '/v1/items?per_page=3&page=4',
    ]);
    server.reset((req, res) => {
      const page = Number(query(req).get('page') ?? 0);
      sendJson(res, 200, { results: items(pageOf(page * 3)) });
    });
    // The caller's page is where the walk starts; firstPage only applies when none is given.
    const zeroBased = pagePaging({ param: 'page', itemsField: 'results', firstPage: 0 });
    expect(ids(await collect(api.all(zeroBased, { ...list, params: [{ name: 'page', in: 'query', value: 1 }] })))).toEqual(IDS.slice(3));
    expect(urls(server)).toEqual(['/v1/items?page=1', '/v1/items?page=2', '/v1/items?page=3']);
  });

  it('advances the offset by the items received, so a server capping the limit loses nothing', async () => {
    const { server, api } = await serve((req, res) => {
      const offset = Number(query(req).get('offset') ?? 0);
      sendJson(res, 200, items(pageOf(offset, Number(query(req).get('limit')))));
    });
    const paging = offsetPaging({ param: 'offset' });
    expect(ids(await collect(api.all(paging, { ...list, query: { offset: 0, limit: 5 } })))).toEqual(IDS);
    expect(urls(server)).toEqual([
      '/v1/items?offset=0&limit=5',
      '/v1/items?offset=3&limit=5',
      '/v1/items?offset=6&limit=5',
      '/v1/items?offset=7&limit=5',
    ]);
  });

  it('stops when the server ignores the parameter and sends the same page again, or says has_more false', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, { results: items(['a', 'b']), more: true }));
    expect(ids(await collect(api.all(pagePaging({ param: 'page', itemsField: 'results' }), list)))).toEqual(['a', 'b']);
    expect(ids(await collect(api.all(offsetPaging({ param: 'offset', itemsField: 'results' }), list)))).toEqual(['a', 'b']);
    expect(server.requests).toHaveLength(4);
    server.reset((_req, res) => sendJson(res, 200, { results: items(['a']), more: false }));
    expect(ids(await collect(api.all(pagePaging({ param: 'page', itemsField: 'results', hasMoreField: 'more' }), list)))).toEqual(['a']);
    expect(server.requests).toHaveLength(1);
  });
});

describe('Link header and next URL', () => {
  let other: TestServer | undefined;
  afterEach(async () => {
    await other?.close();
    other = undefined;
  });

  /** Pages of IDS by `?page=N`; `next(page, server)` gives page N's link to the next one. */
  function pagedBy(next: (page: number, res: ServerResponse, origin: string) => void | { next: string | null }) {
    return serve((req, res) => {
      const page = Number(query(req).get('page') ?? 1);
      const origin = `http://${req.headers.host ?? ''}`;
      const extra = next(page, res, origin) ?? {};
      sendJson(res, 200, { data: items(pageOf((page - 1) * 3)), ...extra });
    });
  }

  it('follows rel="next" (absolute, then relative) and sends the credentials to the same origin only', async () => {
    const { server } = await pagedBy((page, res, origin) => {
      if (page === 1) res.setHeader('link', `<${origin}/v1/items?page=2&per_page=3>; rel="next", <${origin}/v1/items?page=3>; rel="last"`);
      if (page === 2) res.setHeader('link', '</v1/items?page=1>; rel=prev, </v1/items?page=3&per_page=3>; REL="next last"');
    });
    const spec: RequestSpec = { ...list, security: BEARER, params: [{ name: 'per_page', in: 'query', value: 3 }] };
    const all = await collect(new PagingApi({ basePath: server.baseUrl, accessToken: 'tok', maxRetries: 0 }).all(linkPaging({ itemsField: 'data' }), spec));
    expect(ids(all)).toEqual(IDS);
    expect(urls(server)).toEqual(['/v1/items?per_page=3', '/v1/items?page=2&per_page=3', '/v1/items?page=3&per_page=3']);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok', 'Bearer tok', 'Bearer tok']);
  });

  it('follows a next URL field until it is null', async () => {
    const { server, api } = await pagedBy((page, _res, origin) => ({ next: page < 3 ? `${origin}/v1/items?page=${page + 1}` : null }));
    expect(ids(await collect(api.all(nextUrlPaging({ itemsField: 'data', nextField: 'next' }), list)))).toEqual(IDS);
    expect(urls(server)).toEqual(['/v1/items', '/v1/items?page=2', '/v1/items?page=3']);
  });

  it('stops on a link back to a page already fetched', async () => {
    const { server, api } = await pagedBy((page, res) => {
      res.setHeader('link', `</v1/items?page=${page === 1 ? 2 : 1}>; rel="next"`);
    });
    // Page 2 links back to page 1, which was fetched as /v1/items?page=1.
    const spec: RequestSpec = { ...list, query: { page: 1 } };
    expect(ids(await collect(api.all(linkPaging({ itemsField: 'data' }), spec)))).toEqual(IDS.slice(0, 6));
    expect(urls(server)).toEqual(['/v1/items?page=1', '/v1/items?page=2']);
  });

  it('refuses to follow a link or next URL to another origin, which receives nothing', async () => {
    other = await startServer((_req, res) => sendJson(res, 200, { data: items(['stolen']) }));
    const elsewhere = other.baseUrl;
    const { server, api } = await pagedBy((_page, res) => {
      res.setHeader('link', `<${elsewhere}/items?page=2>; rel="next"`);
      return { next: `${elsewhere.replace('127.0.0.1', 'localhost')}/items?page=2` };
    });
    for (const paging of [linkPaging({ itemsField: 'data' }), nextUrlPaging({ itemsField: 'data', nextField: 'next' })]) {
      const { items: got, error } = await collectUntilError(new PagingApi({ basePath: server.baseUrl, accessToken: 'tok', maxRetries: 0 }).all(paging, { ...list, security: BEARER }));
      expect(ids(got)).toEqual(IDS.slice(0, 3));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toMatch(/^Refusing to follow the next-page link to another origin \(http:\/\/(127\.0\.0\.1|localhost):\d+\)/);
    }
    expect(other.requests).toHaveLength(0);
    server.reset((_req, res) => sendJson(res, 200, { data: items(['a']), next: 'javascript:alert(1)' }));
    const { error } = await collectUntilError(api.all(nextUrlPaging({ itemsField: 'data', nextField: 'next' }), list));
    expect((error as Error).message).toMatch(/another origin \(null\)/);
  });

  it('refuses a page whose items field is not a list', async () => {
    const { api } = await serve((_req, res) => sendJson(res, 200, { data: { not: 'a list' } }));
    await expect(collect(api.all(linkPaging({ itemsField: 'data' }), list))).rejects.toThrow(/The page's "data" field is not a list/);
  });
});

describe('nextLink', () => {
  it('finds rel=next among several links and relation types, quoted or not, in any case', () => {
    expect(nextLink('<https://a/?p=2>; rel="next", <https://a/?p=9>; rel="last"')).toBe('https://a/?p=2');
    expect(nextLink('<https://a/?p=1>; rel="prev first", <https://a/?p=3>;rel=NEXT')).toBe('https://a/?p=3');
    expect(nextLink('<https://a/?p=3>; title="x"; rel="last next"')).toBe('https://a/?p=3');
    expect(nextLink('<https://a/?p=1>; rel="prev"')).toBeUndefined();
    expect(nextLink('<https://a/?p=1>; rel="nextish"')).toBeUndefined();
    expect(nextLink(undefined)).toBeUndefined();
  });
});
