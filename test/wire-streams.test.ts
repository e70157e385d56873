// Issue 11 point 6 on the wire: a client generated from test/fixtures/wire/streams.yaml reads
// JSON Lines and json-seq responses as typed streams of items, and each operation sends the
// media types its success responses declare as Accept. The loopback server records the request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { printType } from '../generator/view/typeText.ts';
import { REPO } from './helpers.ts';
import { collect, collectUntilError } from './support/async.ts';
import { generateTypeChecked } from './support/generateChecked.ts';
import { pause, startServer, type Handler } from './support/http.ts';

type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;
type ApiClass = new (configuration: object) => Api;

const RS = '\x1e';

describe('a client of streams.yaml', { timeout: 120_000 }, async () => {
  const { result, outDir } = await generateTypeChecked(join(REPO, 'test/fixtures/wire/streams.yaml'), 'wire-streams');
  const client = (await import(join(outDir, 'src/index.ts'))) as Record<string, ApiClass>;
  const server = await startServer();
  afterAll(() => server.close());
  /** Answers with `parts` written one by one, a pause between them, under `contentType`. */
  const answer = (contentType: string, ...parts: string[]): Handler => async (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    for (const part of parts) {
      res.write(part);
      await pause(5);
    }
    res.end();
  };
  beforeEach(() => server.reset(answer('application/json', '{"name":"rex"}')));
  const api = (name: string) => new client[name]!({ basePath: server.baseUrl });
  const streams = () => api('StreamsApi');
  const accept = () => server.requests[0]!.headers.accept;
  /** A stream method's result, as the generated type says. */
  const itemsOf = async (call: Promise<unknown>) => (await call) as AsyncIterable<unknown>;
  const op = (name: string) => result.ir.apis.flatMap((a) => a.operations).find((o) => o.methodName === name)!;

  describe('item streams', () => {
    it('reads a JSON Lines response typed by its 3.2 itemSchema as a stream of items, whatever the chunks', async () => {
      server.reset(answer('application/x-ndjson', '{"name":"rex","age":3}\r\n\n{"na', 'me":"tom"}\n{"name":', '"kit"}'));
      expect(await collect(await itemsOf(streams().listLines!()))).toEqual([{ name: 'rex', age: 3 }, { name: 'tom' }, { name: 'kit' }]);
      expect(accept()).toBe('application/x-ndjson');
      expect(printType(op('listLines').stream!.chunkType)).toBe('Pet');
    });

    it('reads a json-seq response record by record', async () => {
      server.reset(answer('application/json-seq', `${RS}{"name":"rex"}\n${RS}`, '{"name":"tom"}\n'));
      expect(await collect(await itemsOf(streams().listRecords!()))).toEqual([{ name: 'rex' }, { name: 'tom' }]);
      expect(accept()).toBe('application/json-seq');
    });

    it('reads a JSON Lines schema of type array (the 3.0 and 3.1 way) as a stream of its items', async () => {
      server.reset(answer('application/jsonl', '{"name":"rex"}\n'));
      expect(await collect(await itemsOf(streams().listArrayLines!()))).toEqual([{ name: 'rex' }]);
      expect(printType(op('listArrayLines').stream!.chunkType)).toBe('Pet');
    });

    it('keeps a JSON Lines body whose schema is a string whole, as bytes', async () => {
      server.reset(answer('application/x-ndjson', '{"name":"rex"}\n'));
      const blob = (await streams().downloadLines!()) as Blob;
      expect(await blob.text()).toBe('{"name":"rex"}\n');
      expect(op('downloadLines').stream).toBeUndefined();
    });

    it('throws a StreamError naming the line of a malformed item, after the items before it', async () => {
      server.reset(answer('application/x-ndjson', '{"name":"rex"}\n\n{"name":\n'));
      const { items, error } = await collectUntilError(await itemsOf(streams().listLines!()));
      expect(items).toEqual([{ name: 'rex' }]);
      expect((error as Error).name).toBe('StreamError');
      expect((error as Error).message).toBe('Malformed JSON in stream line 3: {"name":');
    });

    it('selects the stream with the body\'s stream flag, and asks for each media type in Accept', async () => {
      server.reset(answer('application/jsonl', '{"name":"a"}\n{"name":"b"}\n'));
      const stream = (await streams().generate!({ prompt: 'p', stream: true })) as AsyncIterable<unknown>;
      expect(await collect(stream)).toEqual([{ name: 'a' }, { name: 'b' }]);
      expect([accept(), JSON.parse(server.requests[0]!.body.toString())]).toEqual(['application/jsonl', { prompt: 'p', stream: true }]);
      server.reset(answer('application/json', '{"name":"whole"}'));
      expect(await streams().generate!({ prompt: 'p' })).toEqual({ name: 'whole' });
      expect(accept()).toBe('application/json');
    });

    it('says in the code and the docs how the items come', () => {
      const code = readFileSync(join(outDir, 'src/apis/StreamsApi.ts'), 'utf8');
      expect(code).toContain('/** Streams the response as JSON Lines, one parsed item a line. */');
      expect(code).toContain('/** Streams the response as a JSON text sequence (RFC 7464), one parsed item a record. */');
      const docs = readFileSync(join(outDir, 'docs/StreamsApi.md'), 'utf8');
      expect(docs).toContain('The response arrives as JSON Lines, one parsed item a line, typed.');
    });
  });

  describe('Accept', () => {
    it("lists the success responses' media types in spec order, each once, error responses' left out", async () => {
      await api('MediaApi').getReport!();
      expect(accept()).toBe('application/json, application/xml, text/csv');
    });

    it("yields to the caller's own Accept header", async () => {
      await api('MediaApi').getReport!({ headers: { Accept: 'application/xml' } });
      expect(accept()).toBe('application/xml');
    });

    it('sends a media type whose parameters a header cannot carry without them, and leaves out one a header cannot carry at all', async () => {
      await api('MediaApi').getOddMedia!();
      expect(accept()).toBe('application/json');
      server.reset(answer('application/x-ndjson', '{"name":"rex"}\n'));
      expect(await collect(await itemsOf(api('MediaApi').getOddMediaStream!()))).toEqual([{ name: 'rex' }]);
      expect(accept()).toBe('application/x-ndjson');
      const code = readFileSync(join(outDir, 'src/apis/MediaApi.ts'), 'utf8');
      expect(code).toContain("accept: 'application/json',");
      expect(code).not.toContain('x-evil');
    });

    it("leaves fetch's default when the operation answers with no content", async () => {
      server.reset((_req, res) => {
        res.writeHead(204);
        res.end();
      });
      await api('MediaApi').ping!();
      expect(accept()).toBe('*/*');
    });
  });
});
