// Typed error bodies and the paging patterns, end to end: a small spec of our own is generated
// and type-checked, then its client is called against a loopback server that records every
// request line. A consumer file checks with tsc that `if (e.status === 404) e.body` narrows.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TSC } from './helpers.ts';
import { generateTypeChecked, writeSpec } from './support/generateChecked.ts';
import { sendJson, startServer, type TestServer } from './support/http.ts';

const SPEC = `
openapi: 3.0.3
info: {title: Paging Pets, version: '1.0'}
servers: [{url: 'http://localhost/v1'}]
paths:
  /pets/{id}:
    get:
      operationId: getPet
      tags: [Pets]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
        '404': {description: no such pet, content: {application/json: {schema: {$ref: '#/components/schemas/NotFound'}}}}
        5XX: {description: server trouble, content: {application/json: {schema: {$ref: '#/components/schemas/ServerError'}}}}
        default: {description: anything else, content: {application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}}}
  /pets:
    get:
      operationId: listPetsByCursor
      tags: [Pets]
      parameters:
        - {name: cursor, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: a page
          content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/Pet'}}, meta: {type: object, properties: {next_cursor: {type: string, nullable: true}}}}}}}
  /pets/by-page:
    get:
      operationId: listPetsByPage
      tags: [Pets]
      parameters:
        - {name: page, in: query, schema: {type: integer}}
        - {name: per_page, in: query, schema: {type: integer}}
      responses:
        '200': {description: a page, content: {application/json: {schema: {type: object, properties: {results: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}}}
  /pets/by-offset:
    get:
      operationId: listPetsByOffset
      tags: [Pets]
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200': {description: a page, content: {application/json: {schema: {type: object, properties: {data: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}}}
  /pets/linked:
    get:
      operationId: listPetsByLink
      tags: [Pets]
      responses:
        '200':
          description: a page
          headers: {Link: {schema: {type: string}}}
          content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}
  /pets/next-url:
    get:
      operationId: listPetsByNextUrl
      tags: [Pets]
      responses:
        '200': {description: a page, content: {application/json: {schema: {type: object, properties: {next: {type: string, format: uri, nullable: true}, pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}}}
  /pets/extension:
    get:
      operationId: listPetsByExtension
      tags: [Pets]
      x-pagination: {kind: cursor, param: token, itemsField: entries, nextField: paging.token}
      parameters: [{name: token, in: query, schema: {type: string}}]
      responses:
        '200': {description: a page, content: {application/json: {schema: {type: object, properties: {entries: {type: array, items: {$ref: '#/components/schemas/Pet'}}, paging: {type: object, properties: {token: {type: string}}}}}}}}
  /pets/all-at-once:
    get:
      operationId: listEveryPet
      tags: [Pets]
      parameters: [{name: species, in: query, schema: {type: string}}]
      responses:
        '200': {description: every pet, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}
components:
  schemas:
    Pet: {type: object, required: [id], properties: {id: {type: string}}}
    NotFound: {type: object, required: [missing], properties: {missing: {type: string}}}
    ServerError: {type: object, required: [retry_after], properties: {retry_after: {type: integer}}}
    Problem: {type: object, required: [title], properties: {title: {type: string}}}
`;

/** What a caller writes: narrowing on status gives each declared body; the wrong one is refused. */
const CONSUMER = `
import { ApiError, PetsApi, type GetPetError } from './index.js';

export async function describePet(api: PetsApi): Promise<string> {
  try {
    return (await api.getPet('1')).id;
  } catch (caught) {
    if (!(caught instanceof ApiError)) throw caught;
    const e = caught as GetPetError;
    if (e.status === 404) return e.body.missing;
    if (e.status === 503) return String(e.body.retry_after);
    if (e.status === 418) return e.body.title;
    // @ts-expect-error a 404 body has no retry_after
    if (e.status === 404) return String(e.body.retry_after);
    // @ts-expect-error a 5XX body has no title
    if (e.status === 500) return e.body.title;
    return 'other';
  }
}
`;

type Pet = { id: string };
type PetsApiInstance = Record<string, (...args: unknown[]) => unknown>;

let outDir: string;
let server: TestServer;
let api: PetsApiInstance;
let ApiErrorClass: new (...args: never[]) => Error;

beforeAll(async () => {
  ({ outDir } = await generateTypeChecked(writeSpec(SPEC, 'errors-paging-spec'), 'errors-paging'));
  server = await startServer();
  const client = (await import(pathToFileURL(join(outDir, 'src/index.ts')).href)) as Record<string, unknown>;
  const PetsApi = client['PetsApi'] as new (config: unknown) => PetsApiInstance;
  ApiErrorClass = client['ApiError'] as typeof ApiErrorClass;
  api = new PetsApi({ basePath: server.baseUrl, maxRetries: 0 });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const urls = () => server.requests.map((r) => r.url);
const ids = (pets: Pet[]) => pets.map((p) => p.id);
async function collect(iterator: unknown): Promise<Pet[]> {
  const out: Pet[] = [];
  for await (const item of iterator as AsyncIterable<Pet>) out.push(item);
  return out;
}
const query = (url: string | undefined) => new URL(url ?? '', 'http://x').searchParams;

describe('typed error bodies', () => {
  it('declares one ApiErrorOf type per operation that has error responses, none for the others', () => {
    const source = readFileSync(join(outDir, 'src/apis/PetsApi.ts'), 'utf8');
    expect(source).toContain("export type GetPetError = ApiErrorOf<{ 404: NotFound; '5XX': ServerError; default: Problem }>;");
    expect(source).toContain('@throws {GetPetError}');
    expect(source).not.toContain('ListPetsByCursorError');
    expect(readFileSync(join(outDir, 'docs/PetsApi.md'), 'utf8')).toContain('| 404 | [**NotFound**](NotFound.md) | no such pet |');
  });

  it.each([
    [404, { missing: 'pet 1' }],
    [503, { retry_after: 30 }],
    [418, { title: 'teapot' }],
  ])('a %i answer throws an ApiError carrying that status and its body', async (status, body) => {
    server.reset((_req, res) => sendJson(res, status, body));
    const error = await (api['getPet']!('1') as Promise<unknown>).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiErrorClass);
    expect(error).toMatchObject({ status, body });
    expect(urls()).toEqual(['/v1/pets/1']);
  });

});

describe('pagination patterns', () => {
  const PETS = ['a', 'b', 'c', 'd', 'e'];
  const page = (start: number, size = 2) => PETS.slice(start, start + size).map((id) => ({ id }));

  it('cursor: sends the nested next cursor until it is null', async () => {
    server.reset((req, res) => {
      const cursor = query(req.url).get('cursor');
      const start = cursor === null ? 0 : PETS.indexOf(cursor) + 1;
      const items = page(start);
      sendJson(res, 200, { items, meta: { next_cursor: start + 2 < PETS.length ? items[items.length - 1]!.id : null } });
    });
    expect(ids(await collect(api['listPetsByCursorAll']!({ limit: 2 })))).toEqual(PETS);
    expect(urls()).toEqual(['/v1/pets?limit=2', '/v1/pets?cursor=b&limit=2', '/v1/pets?cursor=d&limit=2']);
  });

  it('cursor: stops on a repeated cursor', async () => {
    server.reset((_req, res) => sendJson(res, 200, { items: [{ id: 'x' }], meta: { next_cursor: 'same' } }));
    expect(ids(await collect(api['listPetsByCursorAll']!()))).toEqual(['x', 'x']);
    expect(urls()).toEqual(['/v1/pets', '/v1/pets?cursor=same']);
  });

  it('page/per_page: counts the page up from the caller\'s page until an empty page', async () => {
    server.reset((req, res) => sendJson(res, 200, { results: page((Number(query(req.url).get('page') ?? 1) - 1) * 2) }));
    expect(ids(await collect(api['listPetsByPageAll']!({ perPage: 2 })))).toEqual(PETS);
    expect(urls()).toEqual(['/v1/pets/by-page?per_page=2', '/v1/pets/by-page?page=2&per_page=2', '/v1/pets/by-page?page=3&per_page=2', '/v1/pets/by-page?page=4&per_page=2']);
  });

  it('offset/limit: advances the offset by the items each page returned', async () => {
    server.reset((req, res) => sendJson(res, 200, { data: page(Number(query(req.url).get('offset') ?? 0)) }));
    expect(ids(await collect(api['listPetsByOffsetAll']!({ offset: 1, limit: 2 })))).toEqual(PETS.slice(1));
    expect(urls()).toEqual(['/v1/pets/by-offset?offset=1&limit=2', '/v1/pets/by-offset?offset=3&limit=2', '/v1/pets/by-offset?offset=5&limit=2']);
  });

  it('Link header: follows rel="next" within the origin, stops when it repeats', async () => {
    server.reset((req, res) => {
      const start = Number(query(req.url).get('from') ?? 0);
      const link = start + 2 < PETS.length ? `<${server.baseUrl}/pets/linked?from=${start + 2}>; rel="next"` : `<${server.baseUrl}/pets/linked?from=${start}>; rel="next"`;
      sendJson(res, 200, page(start), { link });
    });
    expect(ids(await collect(api['listPetsByLinkAll']!()))).toEqual(PETS);
    expect(urls()).toEqual(['/v1/pets/linked', '/v1/pets/linked?from=2', '/v1/pets/linked?from=4']);
  });

  it('next URL field: follows it until null', async () => {
    server.reset((req, res) => {
      const start = Number(query(req.url).get('from') ?? 0);
      sendJson(res, 200, { pets: page(start), next: start + 2 < PETS.length ? `/v1/pets/next-url?from=${start + 2}` : null });
    });
    expect(ids(await collect(api['listPetsByNextUrlAll']!()))).toEqual(PETS);
    expect(urls()).toEqual(['/v1/pets/next-url', '/v1/pets/next-url?from=2', '/v1/pets/next-url?from=4']);
  });

  it('x-pagination: the extension names the parameter and fields', async () => {
    server.reset((req, res) => {
      const token = query(req.url).get('token');
      const start = token === null ? 0 : Number(token);
      sendJson(res, 200, { entries: page(start, 3), paging: start + 3 < PETS.length ? { token: String(start + 3) } : {} });
    });
    expect(ids(await collect(api['listPetsByExtensionAll']!()))).toEqual(PETS);
    expect(urls()).toEqual(['/v1/pets/extension', '/v1/pets/extension?token=3']);
  });

  it("the package and its README speak of this spec: its name from info.title, the paging example from its own operation", () => {
    const readme = readFileSync(join(outDir, 'README.md'), 'utf8');
    expect(JSON.parse(readFileSync(join(outDir, 'package.json'), 'utf8')).name).toBe('paging-pets');
    expect(readme).toContain("import { PetsApi, type ListPetsByCursorOpts } from 'paging-pets';");
    const paging = readme.slice(readme.indexOf('### Paging'), readme.indexOf('###', readme.indexOf('### Paging') + 1));
    expect(paging).toContain('for await (const item of api.listPetsByCursorAll(opts))');
    expect(paging).not.toMatch(/ChatApi|openapi-openai|listChatCompletions|OPENAI/);
  });

  it('the plain method and its …All iterator send one request spec, written once', () => {
    const source = readFileSync(join(outDir, 'src/apis/PetsApi.ts'), 'utf8');
    expect(source.match(/path: '\/pets\/extension',/g)).toHaveLength(1);
    expect(source).toContain('return this.request<');
    expect(source.match(/spec_listPetsByExtension\(opts\)/g)).toHaveLength(2);
    expect(source).toMatch(/this\.paginateBy<[^>]+>\(cursorPaging\(\{[^\n]*\}\), spec_listPetsByExtension\(opts\), options\);/);
  });

  it('an operation with no recognisable pattern gets no iterator', () => {
    expect(api['listEveryPetAll']).toBeUndefined();
    expect(api['getPetAll']).toBeUndefined();
  });
});

// Last: the loopback server closes idle keep-alive connections after 5 s, and tsc takes longer.
describe('typed error bodies for tsc', () => {
  it('narrows the body by status for tsc (a consumer file under the strict tsconfig)', () => {
    writeFileSync(join(outDir, 'src/consumer.ts'), CONSUMER);
    const tsc = spawnSync(process.execPath, [TSC, '-p', join(outDir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
  }, 120_000);
});
