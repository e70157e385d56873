// Spec text never escapes into code: a spec full of comment terminators, quotes, template
// literals and markup still generates TypeScript that compiles and means what it says.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../generator/pipeline.ts';
import { REPO, tempDir, TSC } from './helpers.ts';

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
    expect(api).toContain("headers: { 'x-header\\'\"': opts?.xHeader },");
  });

  it('escapes Markdown in docs and package metadata', () => {
    const doc = read('docs/WeirdTagApi.md');
    expect(doc).not.toContain('<img');
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(read('README.md')).not.toContain('<script>');
    expect(JSON.parse(read('package.json')).description).toBe('TypeScript client for the Hostile */ spec ${process.exit(1)}');
  });
});
