import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers.ts';
import { postprocess } from '../postprocess/postprocess.ts';
import { ModuleParser, type FactsSource } from '../postprocess/moduleFacts.ts';
import { FACTS_FILE, ModuleFactsCache } from './moduleFactsCache.ts';

const TREE = new Map([
  ['src/runtime/index.ts', "export { Base } from './Base.js';"],
  ['src/runtime/Base.ts', 'export class Base {\n  run(): void {}\n}'],
  ['src/models/Pet.ts', '/** @deprecated */\nexport interface Pet {\n  name: string;\n}'],
  ['src/apis/PetsApi.ts', "import { Base } from '../runtime/index.js';\nexport class PetsApi extends Base {\n  getPet(id: string): Promise<string> { return Promise.resolve(id); }\n}"],
]);

/** Counts what reaches the real parser. */
function countingParser() {
  const parser = new ModuleParser();
  const seen: string[] = [];
  const source: FactsSource = { factsOf: (path, text) => (seen.push(path), parser.factsOf(path, text)) };
  return { source, seen };
}

describe('the module facts cache', () => {
  it('parses only the modules whose text changed, and postprocess gives the same tree as parsing all', () => {
    const dir = tempDir('facts');
    const first = new ModuleFactsCache(dir, countingParser().source, 'tool-a');
    const whole = postprocess(TREE, first);
    first.save();
    expect(first.parsed).toBe(4);

    const changed = new Map(TREE).set('src/models/Pet.ts', 'export interface Pet {\n  name: string;\n  age?: number;\n}');
    const { source, seen } = countingParser();
    const second = new ModuleFactsCache(dir, source, 'tool-a');
    const fromCache = postprocess(changed, second);
    expect(seen).toEqual(['src/models/Pet.ts']);
    expect(fromCache).toEqual(postprocess(changed));
    expect(whole).toEqual(postprocess(TREE));
    expect(fromCache.get('api-report.md')).toContain('age?: number;');
  });

  it('keeps the parse errors: a module that does not parse fails from the cache as it did when parsed', () => {
    const dir = tempDir('facts');
    const broken = new Map(TREE).set('src/models/Pet.ts', 'export const a = ;');
    const first = new ModuleFactsCache(dir, new ModuleParser(), 'tool-a');
    expect(() => postprocess(broken, first)).toThrow(/src\/models\/Pet\.ts:1:18 Expression expected/);
    first.save();
    const { source, seen } = countingParser();
    expect(() => postprocess(broken, new ModuleFactsCache(dir, source, 'tool-a'))).toThrow(/src\/models\/Pet\.ts:1:18 Expression expected/);
    expect(seen).toEqual([]);
  });

  it('parses everything again for another generator, a corrupt file or a malformed entry', () => {
    const dir = tempDir('facts');
    const first = new ModuleFactsCache(dir, new ModuleParser(), 'tool-a');
    postprocess(TREE, first);
    first.save();
    const parsedWith = (tool: string) => {
      const { source, seen } = countingParser();
      expect(postprocess(TREE, new ModuleFactsCache(dir, source, tool))).toEqual(postprocess(TREE));
      return seen.length;
    };
    expect(parsedWith('tool-b')).toBe(4);

    const file = join(dir, FACTS_FILE);
    const good = readFileSync(file, 'utf8');
    const data = JSON.parse(good) as { entries: Record<string, { exports: unknown }> };
    const [firstKey] = Object.keys(data.entries);
    data.entries[firstKey!]!.exports = [{ name: 1 }];
    writeFileSync(file, JSON.stringify(data));
    expect(parsedWith('tool-a')).toBe(1);

    writeFileSync(file, good.slice(0, good.length / 2));
    expect(parsedWith('tool-a')).toBe(4);
  });

  it('does not rewrite the file when every module was known', () => {
    const dir = tempDir('facts');
    const first = new ModuleFactsCache(dir, new ModuleParser(), 'tool-a');
    postprocess(TREE, first);
    first.save();
    writeFileSync(join(dir, FACTS_FILE), readFileSync(join(dir, FACTS_FILE), 'utf8') + '\n');
    const second = new ModuleFactsCache(dir, new ModuleParser(), 'tool-a');
    postprocess(TREE, second);
    second.save();
    expect(readFileSync(join(dir, FACTS_FILE), 'utf8').endsWith('\n')).toBe(true);
  });

  it('keeps facts parsed elsewhere (the parse worker) and says what it knows without parsing', () => {
    const dir = tempDir('facts');
    const parser = new ModuleParser();
    const first = new ModuleFactsCache(dir, countingParser().source, 'tool-a');
    const [path, text] = [...TREE][2]!;
    expect(first.knownFacts(path, text)).toBeUndefined();
    first.learn(path, text, parser.factsOf(path, text));
    expect(first.parsed).toBe(1);
    first.save();
    const { source, seen } = countingParser();
    const second = new ModuleFactsCache(dir, source, 'tool-a');
    expect(second.knownFacts(path, text)).toEqual(parser.factsOf(path, text));
    expect(second.knownFacts(path, `${text}\n`)).toBeUndefined();
    expect(second.factsOf(path, text)).toEqual(parser.factsOf(path, text));
    expect(seen).toEqual([]);
  });
});
