// Issue 12 items 2, 3 and 5 on the wire: a client generated from test/fixtures/wire/params-media.yaml
// sends each parameter in its spec's style, each body in its spec's media type, and an operation
// tagged twice is a method of both classes. The loopback server records the raw request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { REPO } from './helpers.ts';
import { generateTypeChecked } from './support/generateChecked.ts';
import { startServer, type RecordedRequest } from './support/http.ts';

type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;
type ApiClass = new (configuration: object) => Api;

describe('a client of params-media.yaml', { timeout: 120_000 }, async () => {
  const { outDir } = await generateTypeChecked(join(REPO, 'test/fixtures/wire/params-media.yaml'), 'params-media');
  const client = (await import(join(outDir, 'src/index.ts'))) as Record<string, ApiClass>;
  const server = await startServer();
  afterAll(() => server.close());
  beforeEach(() =>
    server.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    }),
  );
  const api = (name: string) => new client[name]!({ basePath: server.baseUrl });
  const sent = (): RecordedRequest => server.requests[0]!;

  describe('parameters', () => {
    it('serializes each style of the spec: label, matrix, explode false, form object, deepObject, delimited, allowReserved, JSON content, header list, cookie', async () => {
      await api('ItemsApi').listItems!('blue', 'red', {
        ids: ['a', 'b'],
        filter: { x: '1', y: '2' },
        deep: { x: '1' },
        space: ['a', 'b'],
        pipe: ['a', 'b'],
        reserved: 'a/b?c',
        json: { a: 1 },
        xTags: ['t1', 't2'],
        session: 'abc def',
      });
      expect(sent().url).toBe('/v1/items/.blue/;matrix=red?ids=a,b&x=1&y=2&deep%5Bx%5D=1&space=a%20b&pipe=a%7Cb&reserved=a/b?c&json=%7B%22a%22%3A1%7D');
      expect(sent().headers['x-tags']).toBe('t1,t2');
      expect(sent().headers.cookie).toBe('session=abc%20def');
    });

    it('takes an optional cookie parameter in the options object when it is the only optional one', async () => {
      await api('ItemsApi').getSession!({ session: 's1' }, { headers: { cookie: 'mine=1' } });
      expect(sent().headers.cookie).toBe('mine=1; session=s1');
    });

    it('leaves absent optional parameters out', async () => {
      await api('ItemsApi').listItems!('blue', 'red');
      expect(sent().url).toBe('/v1/items/.blue/;matrix=red');
      expect(sent().headers.cookie).toBeUndefined();
    });
  });

  describe('request media types', () => {
    const body = () => sent().body.toString();
    const contentType = () => sent().headers['content-type'];

    it('sends a +json type as JSON under its own name', async () => {
      await api('BodiesApi').patchItem!([{ op: 'remove', path: '/a' }]);
      expect([contentType(), body()]).toEqual(['application/json-patch+json', '[{"op":"remove","path":"/a"}]']);
    });

    it('sends a body declared */* as JSON under application/json, not the wildcard', async () => {
      await api('BodiesApi').sendAny!({ a: 1 });
      expect([contentType(), body()]).toEqual(['application/json', '{"a":1}']);
    });

    it('sends text/plain and XML strings as given', async () => {
      await api('BodiesApi').sendText!('hello');
      expect([contentType(), body()]).toEqual(['text/plain', 'hello']);
      server.requests.length = 0;
      await api('BodiesApi').sendXml!('<a>1</a>');
      expect([contentType(), body()]).toEqual(['application/xml', '<a>1</a>']);
    });

    it('sends a binary body declared text/plain as its bytes', async () => {
      await api('BodiesApi').sendBinary!(new Uint8Array([0, 255, 10]));
      expect(contentType()).toBe('text/plain');
      expect([...sent().body]).toEqual([0, 255, 10]);
    });

    it('writes a form body as its encoding object says', async () => {
      await api('BodiesApi').sendForm!({ name: 'a b', tags: ['x', 'y'], meta: { a: 1 } });
      expect(contentType()).toBe('application/x-www-form-urlencoded');
      expect(body()).toBe('name=a+b&tags=x|y&meta=%7B%22a%22%3A1%7D');
    });

    it('sends the first media type by default and another one the caller picks', async () => {
      await api('BodiesApi').sendEither!({ a: 1 });
      expect([contentType(), body()]).toEqual(['application/json', '{"a":1}']);
      server.requests.length = 0;
      await api('BodiesApi').sendEither!('plain', { contentType: 'text/plain' });
      expect([contentType(), body()]).toEqual(['text/plain', 'plain']);
    });

    it('says in the docs that the request options pick the media type', () => {
      const docs = readFileSync(join(outDir, 'docs/BodiesApi.md'), 'utf8');
      expect(docs).toContain('- **Content-Type**: application/json, text/plain\n  (the first unless the request options pick another');
    });
  });

  describe('an operation tagged [alpha, beta]', () => {
    it('is a method of both classes, sending the same request', async () => {
      await api('AlphaApi').getShared!();
      await api('BetaApi').getShared!();
      const { data, statusCode } = (await api('BetaApi').getSharedWithHttpInfo!()) as { data: unknown; statusCode: number };
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /v1/shared', 'GET /v1/shared', 'GET /v1/shared']);
      expect([data, statusCode]).toEqual([{}, 200]);
    });

    it('is implemented once, in the first class, and shared by the other', () => {
      const code = (name: string) => readFileSync(join(outDir, `src/apis/${name}.ts`), 'utf8');
      expect(code('AlphaApi')).toContain('async getSharedWithHttpInfo(');
      expect(code('BetaApi')).not.toContain('async getShared');
      expect(code('BetaApi')).toContain('BetaApi.prototype.getShared = AlphaApi.prototype.getShared;');
    });

    it('is in the docs of both classes', () => {
      for (const name of ['AlphaApi', 'BetaApi']) {
        const docs = readFileSync(join(outDir, `docs/${name}.md`), 'utf8');
        expect(docs).toContain(`| [**getShared**](${name}.md#getshared) | **GET** /shared | Tagged twice. |`);
        expect(docs).toContain('## getShared');
      }
    });
  });
});
