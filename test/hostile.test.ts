// Spec text never escapes into code: a spec full of comment terminators, quotes, template
// literals and markup still generates TypeScript that compiles and means what it says.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/pipeline.ts';
import { REPO, tempDir, TSC } from './helpers.ts';
import { sendJson, startServer } from './support/http.ts';

describe('a hostile spec', async () => {
  const outDir = join(tempDir('hostile'), 'client');
  const result = await generate({ specPath: join(REPO, 'test/fixtures/hostile/openapi.yaml'), outDir });
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

  it('generates TypeScript that compiles under --strict', { timeout: 60_000 }, () => {
    const tsc = spawnSync(TSC, ['-p', join(outDir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
  });

  it('keeps descriptions inside comments', () => {
    const model = read('src/models/EvilModelV2.ts');
    expect(model).toContain(' * *\\/ export const pwned = true; /*');
    expect(model).not.toMatch(/^export const pwned/m);
    expect(read('src/apis/WeirdTagApi.ts')).toContain("*\\/ console.log('pwned') /*");
  });

  it('quotes keys and literals exactly', () => {
    const model = read('src/models/EvilModelV2.ts');
    expect(model).toContain("'quote\\'key': string;");
    expect(model).toContain("'new\\u000aline': string;");
    expect(model).toContain("'back\\\\slash'?: number | undefined;");
    expect(model).toContain("'${template}'?: string | undefined;");
    expect(model).toContain("kind?: 'a\\'b' | 'c\\\\d' | 'e\\u000af' | '</script>' | '*/' | '${x}' | '\\u0060tick\\u0060' | '' | undefined;");
    expect(read('src/runtime/server.ts')).toContain("export const BASE_PATH = 'https://example.test/v1\\'; process.exit(1); \\'';");
    expect(read('src/apis/WeirdTagApi.ts')).toContain("path: '/items/{item-id}/it\\'s',");
  });

  it('turns names into identifiers', () => {
    expect(result.ir.apis.map((a) => a.className)).toEqual(['WeirdTagApi']);
    expect(result.ir.apis[0]!.operations[0]!.methodName).toBe('getItemX');
    expect(result.ir.models.map((m) => m.name).sort()).toEqual(['Class', 'EvilModelV2', 'Model123StartsWithDigit']);
    const api = read('src/apis/WeirdTagApi.ts');
    expect(api).toContain('getItemX(itemId: string, opts?: GetItemXOpts');
    expect(api).toContain("{ name: 'x-header\\'|', in: 'header', value: opts?.xHeader },");
  });

  it('escapes Markdown in docs and package metadata', () => {
    const doc = read('docs/WeirdTagApi.md');
    expect(doc).not.toContain('<img');
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(read('README.md')).not.toContain('<script>');
    expect(JSON.parse(read('package.json')).description).toBe('TypeScript client for the Hostile */ spec ${process.exit(1)}');
  });
});

describe('wire names that Object.prototype also has', async () => {
  const outDir = join(tempDir('proto'), 'client');
  const result = await generate({ specPath: join(REPO, 'test/fixtures/hostile/proto-wire-names.yaml'), outDir });
  const server = await startServer();
  afterAll(() => server.close());

  it('keeps __proto__ as a model property', () => {
    const item = result.ir.models.find((m) => m.name === 'Item')!;
    expect(item.properties.map((p) => p.name)).toEqual(['__proto__', 'constructor']);
    expect(readFileSync(join(outDir, 'src/models/Item.ts'), 'utf8')).toContain('__proto__: string;');
  });

  it('sends every one of them: path, query, header and body', async () => {
    let rawHeaders: string[] = [];
    server.reset((req, res, body) => {
      rawHeaders = req.rawHeaders;
      sendJson(res, 200, JSON.parse(body.toString()));
    });
    const { ItemsApi } = (await import(join(outDir, 'src/index.ts'))) as { ItemsApi: new (c: object) => Record<string, (...args: unknown[]) => Promise<unknown>> };
    const api = new ItemsApi({ basePath: server.baseUrl });
    const body = JSON.parse('{"__proto__": "in body", "constructor": "c"}') as object;
    const echoed = await api.sendItem!('p1', 'p2', 'q1', 'h1', body, { toString: 'q2' });
    const sent = server.requests[0]!;
    expect(sent.url).toBe('/v1/items/p1/p2?__proto__=q1&toString=q2');
    expect(rawHeaders.join('\n')).toContain('constructor\nh1');
    expect(sent.body.toString()).toBe('{"__proto__":"in body","constructor":"c"}');
    expect(Object.hasOwn(echoed as object, '__proto__')).toBe(true);
  });
});
