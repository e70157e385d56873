import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { specErrorOf } from '../../test/helpers.ts';
import { DEFAULT_MAX_SPEC_BYTES, loadSpec, parseSize, parseSpecText } from './loadSpec.ts';

const dir = mkdtempSync(join(tmpdir(), 'load-'));
const SMALL_SPEC = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n";

/** A billion-laughs document: nine levels, each made of nine aliases of the level below. */
function aliasBomb(indent: string): string {
  const lines = [`${indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let i = 1; i < 9; i++) lines.push(`${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

describe('the size limit', () => {
  it('refuses a spec file above the limit in one sentence naming the flag', () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, SMALL_SPEC + `# ${'x'.repeat(4096)}\n`);
    const err = specErrorOf(() => loadSpec(file, { maxSpecBytes: 1024 }));
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]!.message).toBe('the spec is larger than 1 KB, the limit: raise it with --max-spec-size if the spec is meant to be this large');
    expect(loadSpec(file, { maxSpecBytes: 8192 }).document.openapi).toBe('3.1.0');
  });

  it('stops inflating a .gz at the default limit: a few KB that would inflate to twice the limit', () => {
    const file = join(dir, 'bomb.yaml.gz');
    writeFileSync(file, gzipSync(Buffer.alloc(2 * DEFAULT_MAX_SPEC_BYTES, 0x20)));
    const err = specErrorOf(() => loadSpec(file));
    expect(err.diagnostics[0]!.message).toMatch(/^the spec inflates to more than 16 MB, the limit: raise it with --max-spec-size/);
  });

  it.each([
    ['64MB', 64 * 1024 ** 2],
    ['512kb', 512 * 1024],
    ['1.5GB', 1.5 * 1024 ** 3],
    ['2M', 2 * 1024 ** 2],
    ['1000', 1000],
    ['', undefined],
    ['-1MB', undefined],
    ['0', undefined],
    ['lots', undefined],
  ])('reads --max-spec-size %j', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
});

describe('YAML aliases', () => {
  it('an alias bomb fails at once with a located error', () => {
    const text = `${SMALL_SPEC}x-bomb:\n${aliasBomb('  ')}\n`;
    const err = specErrorOf(() => parseSpecText(text, 'bomb.yaml'));
    expect(err.diagnostics).toEqual([
      expect.objectContaining({ file: 'bomb.yaml', line: 7, column: 12, message: expect.stringMatching(/^YAML aliases here expand beyond 1000 copies/) }),
    ]);
  });

  it('an alias bomb inside an example fails the same way', () => {
    const text = `${SMALL_SPEC}components:\n  schemas:\n    Laughs:\n      type: object\n      example:\n${aliasBomb('        ')}\n`;
    const err = specErrorOf(() => parseSpecText(text, 'example.yaml'));
    expect(err.diagnostics[0]).toMatchObject({ line: 11, message: expect.stringMatching(/alias bomb/) });
  });

  it('ordinary reuse of an anchor still loads', () => {
    const uses = Array.from({ length: 60 }, (_, i) => `  p${i}: *shared`).join('\n');
    const text = `${SMALL_SPEC}x-shared: &shared {type: string, description: reused}\nx-uses:\n${uses}\n`;
    const doc = parseSpecText(text, 'reuse.yaml').document as { 'x-uses': Record<string, unknown> };
    expect(doc['x-uses'].p59).toEqual({ type: 'string', description: 'reused' });
  });
});

describe('comments in a JSON spec', () => {
  const json = (body: string) => `{\n  "openapi": "3.1.0",\n  "info": {"title": "T", "version": "1"},\n${body}  "paths": {}\n}\n`;

  it.each([
    ['a line comment', json('  // the paths\n'), 4, 3],
    ['a block comment', json('  "x-a": 1, /* why */\n'), 4, 13],
  ])('refuses %s at its line and column', (_, text, line, column) => {
    const err = specErrorOf(() => parseSpecText(text, 'spec.json'));
    expect(err.diagnostics).toEqual([expect.objectContaining({ code: 'JSON_COMMENT', line, column })]);
  });

  it('reads `//` and `/*` inside strings as text', () => {
    const spec = parseSpecText(json('  "servers": [{"url": "https://api.example.com/*v1"}],\n'), 'spec.json');
    expect((spec.document.servers as Array<{ url: string }>)[0]!.url).toBe('https://api.example.com/*v1');
  });

  it('refuses a comment in a JSON file that a $ref names too', () => {
    const root = join(dir, 'with-ref.json');
    writeFileSync(root, json('  "components": {"schemas": {"A": {"$ref": "./parts.json#/A"}}},\n'));
    writeFileSync(join(dir, 'parts.json'), '{\n  // parts\n  "A": {"type": "string"}\n}\n');
    const err = specErrorOf(() => loadSpec(root));
    expect(err.diagnostics).toEqual([expect.objectContaining({ code: 'JSON_COMMENT', file: join(dir, 'parts.json'), line: 2, column: 3 })]);
  });
});
