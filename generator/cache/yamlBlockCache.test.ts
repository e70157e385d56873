import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../../test/helpers.ts';
import { readYamlBlocks } from '../load/yamlBlocks.ts';
import { BLOCKS_FILE, YamlBlockCache } from './yamlBlockCache.ts';

/** A spec whose `paths` and `components/schemas` are long enough to be split into a block per entry. */
function spec(schemaCount: number, extra = ''): string {
  const schemas = Array.from({ length: schemaCount }, (_, n) => `    S${n}:\n      type: object\n      properties:\n        id: {type: integer}\n        name:\n          type: string\n          description: name ${n}${n === 0 ? extra : ''}\n`);
  const paths = Array.from({ length: 12 }, (_, n) => `  /p${n}:\n    get:\n      responses:\n        '200': {description: ok}\n`);
  return `openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n${paths.join('')}components:\n  schemas:\n${schemas.join('')}`;
}

function read(dir: string, text: string, tool = 'tool-a') {
  const cache = new YamlBlockCache(dir, tool);
  const result = readYamlBlocks(text, cache.read);
  cache.save();
  return { cache, result: result! };
}

describe('the YAML block cache', () => {
  it('parses only the blocks whose text changed, and reads the same document as a fresh parse', () => {
    const dir = tempDir('blocks');
    const first = read(dir, spec(10));
    expect(first.cache.parsed).toBe(2 + 12 + 10); // openapi and info, the path items, the schemas
    const again = read(dir, spec(10));
    expect(again.cache.parsed).toBe(0);
    expect(isDeepStrictEqual(again.result.value, parse(spec(10)))).toBe(true);

    const updated = spec(10, ' (changed)');
    const third = read(dir, updated);
    expect(third.cache.parsed).toBe(1);
    expect(isDeepStrictEqual(third.result.value, parse(updated))).toBe(true);
    // Positions come from the text, not the cache: a pointer into a cached block is still exact.
    const pointer = '/components/schemas/S3/properties/name/description';
    const line = updated.split('\n').indexOf('          description: name 3') + 1;
    expect(third.result.locate(pointer)).toEqual({ line, column: 24 });
  });

  it('keeps what was parsed, not what a later stage did to the document', () => {
    const dir = tempDir('blocks');
    const first = read(dir, spec(10));
    ((first.result.value['components'] as Record<string, Record<string, Record<string, unknown>>>)['schemas']!['S1']!)['type'] = 'changed later';
    const again = read(dir, spec(10));
    expect(again.cache.parsed).toBe(0);
    expect(isDeepStrictEqual(again.result.value, parse(spec(10)))).toBe(true);
  });

  it("ignores another generator's file, a corrupt file and a corrupt line", () => {
    const dir = tempDir('blocks');
    const blocks = read(dir, spec(10), 'tool-a').cache.parsed;
    expect(read(dir, spec(10), 'tool-b').cache.parsed).toBe(blocks);
    writeFileSync(join(dir, BLOCKS_FILE), 'not json\n');
    expect(read(dir, spec(10), 'tool-b').cache.parsed).toBe(blocks);
    const lines = readFileSync(join(dir, BLOCKS_FILE), 'utf8').split('\n');
    lines[1] = `${lines[1]!.split(' ')[0]} {"broken"`;
    lines[2] = `${lines[2]!.split(' ')[0]} ["key only"]`;
    writeFileSync(join(dir, BLOCKS_FILE), lines.join('\n'));
    const repaired = read(dir, spec(10), 'tool-b');
    expect(repaired.cache.parsed).toBe(2);
    expect(isDeepStrictEqual(repaired.result.value, parse(spec(10)))).toBe(true);
  });

  it('writes nothing when every block was known', () => {
    const dir = tempDir('blocks');
    read(dir, spec(3));
    writeFileSync(join(dir, BLOCKS_FILE), readFileSync(join(dir, BLOCKS_FILE), 'utf8') + 'x-marker y\n');
    read(dir, spec(3));
    expect(readFileSync(join(dir, BLOCKS_FILE), 'utf8')).toContain('x-marker y');
  });
});
