import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { toFile } from '../../templates/static/src/runtime/multipart.js';
import type { RequestSpec } from '../../templates/static/src/runtime/types.js';
import { parseMultipart, sendJson, type Part, type TestServer } from '../support/http.js';
import { useServer } from './serve.js';
import { BEARER } from './api.js';
import { multipartBody } from '../../templates/static/src/runtime/body.js';

const serve = useServer({ accessToken: 'sk-x' });

const upload = (body: unknown): RequestSpec => ({ method: 'POST', path: '/files', body, encodeBody: multipartBody, responseType: 'json', security: BEARER });

function serveUploads(statusFor: (index: number) => number = () => 200) {
  return serve((req, res, body, index) => {
    const parts = parseMultipart(body, req.headers['content-type']);
    sendJson(res, statusFor(index), { parts: parts.length });
  });
}

function partsOf(s: TestServer, index = 0): Part[] {
  const req = s.requests[index]!;
  return parseMultipart(req.body, req.headers['content-type']);
}

const bytes = Uint8Array.from([0, 1, 2, 0xff, 0xfe, 10, 13]);

describe('multipart bodies', () => {
  it('sends files and fields the server can parse', async () => {
    const { server, api } = await serveUploads();
    await api.call(
      upload({
        file: await toFile(bytes, 'train.jsonl', { type: 'application/jsonl' }),
        purpose: 'fine-tune',
        skipped: undefined,
        nothing: null,
        n: 3,
        flag: false,
        tags: ['a', 'b'],
        metadata: { k: 'v' },
        raw: bytes,
        blob: new Blob(['héllo'], { type: 'text/plain' }),
      }),
    );
    const req = server.requests[0]!;
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(req.headers.authorization).toBe('Bearer sk-x');
    const parts = partsOf(server);
    expect(parts.map((p) => p.name)).toEqual(['file', 'purpose', 'n', 'flag', 'tags', 'tags', 'metadata', 'raw', 'blob']);
    const [file, purpose, n, flag, tag1, tag2, metadata, raw, blob] = parts;
    expect(file).toMatchObject({ filename: 'train.jsonl', contentType: 'application/jsonl' });
    expect([...file!.data]).toEqual([...bytes]);
    expect(purpose).toMatchObject({ filename: undefined });
    expect(purpose!.data.toString()).toBe('fine-tune');
    expect(n!.data.toString()).toBe('3');
    expect(flag!.data.toString()).toBe('false');
    expect([tag1!.data.toString(), tag2!.data.toString()]).toEqual(['a', 'b']);
    expect(JSON.parse(metadata!.data.toString())).toEqual({ k: 'v' });
    expect(raw!.filename).toBe('blob');
    expect([...raw!.data]).toEqual([...bytes]);
    expect(blob!.contentType).toBe('text/plain');
    expect(blob!.data.toString('utf8')).toBe('héllo');
  });

  it('buffers Node streams, naming fs streams after their file, and resends them on retry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rt-upload-'));
    try {
      const path = join(dir, 'notes.txt');
      await writeFile(path, 'file on disk\n');
      const { server, api } = await serveUploads((index) => (index === 0 ? 500 : 200));
      await api.call(upload({ file: createReadStream(path), extra: Readable.from([Buffer.from('ab'), Buffer.from('cd')]) }));
      expect(server.requests).toHaveLength(2);
      for (const index of [0, 1]) {
        const [file, extra] = partsOf(server, index);
        expect(file).toMatchObject({ name: 'file', filename: 'notes.txt' });
        expect(file!.data.toString()).toBe('file on disk\n');
        expect(extra!.data.toString()).toBe('abcd');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts a ready-made FormData', async () => {
    const { server, api } = await serveUploads();
    const form = new FormData();
    form.append('purpose', 'batch');
    await api.call(upload(form));
    expect(partsOf(server).map((p) => [p.name, p.data.toString()])).toEqual([['purpose', 'batch']]);
  });
});

describe('toFile', () => {
  const text = async (file: File) => new TextDecoder().decode(await file.arrayBuffer());

  it('wraps bytes, buffers and blobs', async () => {
    const fromBytes = await toFile(new TextEncoder().encode('abc'), 'a.txt', { type: 'text/plain' });
    expect([fromBytes.name, fromBytes.type, await text(fromBytes)]).toEqual(['a.txt', 'text/plain', 'abc']);
    const fromBuffer = await toFile(new TextEncoder().encode('xyz').buffer, 'b.bin');
    expect([fromBuffer.name, fromBuffer.type, await text(fromBuffer)]).toEqual(['b.bin', '', 'xyz']);
    const fromBlob = await toFile(new Blob(['{}'], { type: 'application/json' }), 'c.json');
    expect([fromBlob.type, await text(fromBlob)]).toEqual(['application/json', '{}']);
    expect(fromBlob).toBeInstanceOf(File);
  });

  it('collects web streams and async iterables', async () => {
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('we'));
        c.enqueue(new TextEncoder().encode('b'));
        c.close();
      },
    });
    expect(await text(await toFile(web, 'w'))).toBe('web');
    async function* chunks() {
      yield new TextEncoder().encode('it');
      yield new TextEncoder().encode('er');
    }
    expect(await text(await toFile(chunks(), 'i'))).toBe('iter');
    expect(await text(await toFile(Readable.from([Buffer.from('no'), Buffer.from('de')]), 'n'))).toBe('node');
  });
});
