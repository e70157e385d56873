import { describe, expect, it } from 'vitest';
import { cursorPaging, walkPages } from '../../templates/static/src/runtime/pagination.js';
import { collect } from '../support/async.js';
import { sendJson } from '../support/http.js';
import { TestApi } from './api.js';
import { useServer } from './serve.js';

interface Item {
  id: string;
}
interface ListResponse {
  object: 'list';
  data: Item[];
  has_more: boolean;
  first_id?: string;
  last_id?: string;
}

/** OpenAI's lists, as the generator describes them: `after` = `last_id` (else the last item's `id`) while `has_more`. */
const OPENAI_LISTS = cursorPaging({ param: 'after', itemsField: 'data', nextField: 'last_id', hasMoreField: 'has_more', itemCursorField: 'id' });

/** A generated-style API: a list call plus the iterator the generator emits beside it. */
class ItemsApi extends TestApi {
  listAll(limit: number) {
    return this.paginateBy<Item>(OPENAI_LISTS, { method: 'GET', path: '/items', params: [{ name: 'limit', in: 'query', value: limit }], responseType: 'json' });
  }
}

/** The pages `answer` gives for each cursor asked (undefined first), walked as OpenAI's lists are. */
function walk(answer: (after: string | undefined) => Promise<Partial<ListResponse> | { data: null; has_more: boolean }>) {
  const context = { baseUrl: 'http://127.0.0.1/v1', initial: () => undefined };
  return walkPages<Item>(OPENAI_LISTS, context, async (request) => ({ body: await answer(request.query?.['after']?.toString()), headers: {}, url: '' }));
}

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];

const serve = useServer({}, ItemsApi);

function serveItems(withLastId: boolean) {
  return serve((req, res) => {
    const url = new URL(req.url ?? '', 'http://x');
    const limit = Number(url.searchParams.get('limit'));
    const after = url.searchParams.get('after');
    const start = after ? ids.indexOf(after) + 1 : 0;
    const page = ids.slice(start, start + limit).map((id) => ({ id }));
    const body: ListResponse = { object: 'list', data: page, has_more: start + limit < ids.length };
    if (withLastId) body.last_id = page[page.length - 1]?.id;
    sendJson(res, 200, body);
  });
}

describe('paging OpenAI lists (cursor after = last_id)', () => {
  it('walks three pages with after = last_id', async () => {
    const { server, api } = await serveItems(true);
    expect((await collect(api.listAll(2))).map((i) => i.id)).toEqual(ids);
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/items?limit=2', '/v1/items?limit=2&after=b', '/v1/items?limit=2&after=d']);
  });

  it("falls back to the last item's id when last_id is missing", async () => {
    const { server, api } = await serveItems(false);
    expect((await collect(api.listAll(4))).map((i) => i.id)).toEqual(ids);
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/items?limit=4', '/v1/items?limit=4&after=d']);
  });

  it('fetches lazily: stopping early requests no more pages', async () => {
    const { server, api } = await serveItems(true);
    for await (const item of api.listAll(2)) {
      if (item.id === 'c') break;
    }
    expect(server.requests).toHaveLength(2);
  });

  it('stops on has_more false, null data, a missing cursor, or a repeated cursor', async () => {
    expect(await collect(walk(async () => ({ data: null, has_more: false })))).toEqual([]);
    expect(await collect(walk(async () => ({ data: [], has_more: true })))).toEqual([]);
    let calls = 0;
    const stuck = walk(async () => {
      calls++;
      return { data: [{ id: 'x' }], has_more: true, last_id: 'x' };
    });
    expect(await collect(stuck)).toEqual([{ id: 'x' }, { id: 'x' }]);
    expect(calls).toBe(2);
  });
});
