import { describe, expect, it } from 'vitest';
import { ModuleParser } from './moduleFacts.ts';
import { ParsePool } from './parsePool.ts';
import { factsOfSources } from './surface.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

/** Modules of a few hundred characters each, one with a parse error. */
const MODULES: Array<[string, string]> = Array.from({ length: 30 }, (_, i) => [
  `src/models/M${i}.ts`,
  i === 17 ? 'export const broken = ;\n' : `/** Thing ${i}. */\nexport interface M${i} {\n  id: string;\n  /** @deprecated */\n  old${i}?: number;\n}\nexport const M${i}Kinds = ['a', 'b'] as const;\n`,
]);

describe('ParsePool', () => {
  it('gives every module the facts the in-process parser gives, over many batches and two workers', async () => {
    const pool = new ParsePool(100, undefined, undefined, 2); // a batch per module
    // Added faster than a worker starts (about 0.3 s): most batches are still waiting at the end.
    for (const [path, text] of MODULES) pool.add(path, text);
    expect(pool.workers).toBe(1); // while rendering, one worker
    const results = await pool.results();
    expect(pool.workers).toBe(2); // once render is over with much left, a second one
    expect(pool.postedBatches).toBeGreaterThanOrEqual(10);
    const parser = new ModuleParser();
    expect([...results.keys()]).toEqual(MODULES.map(([path]) => path));
    for (const [path, text] of MODULES) expect(results.get(path)).toEqual({ text, facts: parser.factsOf(path, text) });
    expect(results.get('src/models/M17.ts')!.facts.problems).toEqual([expect.stringMatching(/^src\/models\/M17\.ts:1:23 /)]);
  });

  it('starts no second worker where there is one core, or little left to parse', async () => {
    const oneCore = new ParsePool(300, undefined, undefined, 1);
    for (const [path, text] of MODULES) oneCore.add(path, text);
    await oneCore.results();
    expect(oneCore.workers).toBe(1);
    const little = new ParsePool(300, undefined, undefined, 2);
    for (const [path, text] of MODULES.slice(0, 6)) little.add(path, text);
    await little.results();
    expect(little.workers).toBe(1);
  });

  it('answers for the text a module was last added with', async () => {
    const pool = new ParsePool(1);
    pool.add('src/A.ts', 'export const a = 1;\n');
    pool.add('src/A.ts', 'export const b = 2;\n');
    const results = await pool.results();
    expect(results.get('src/A.ts')!.text).toBe('export const b = 2;\n');
    expect(results.get('src/A.ts')!.facts.exports.map((e) => e.name)).toEqual(['b']);
  });

  it('has at most four batches in the worker at a time, however many are rendered', () => {
    const pool = new ParsePool(1, fixture('stuckWorker.mjs'));
    try {
      for (const [path, text] of MODULES) pool.add(path, text);
      expect(pool.postedBatches).toBe(4);
    } finally {
      pool.close();
    }
  });

  it('rejects when the worker fails, so the caller parses in-process', async () => {
    const pool = new ParsePool(1, fixture('failingWorker.mjs'));
    pool.add('src/A.ts', 'export const a = 1;\n');
    await expect(pool.results()).rejects.toThrow(/cannot parse/);
  });

  it('gives up on a worker that answers nothing, so a run cannot hang on it', async () => {
    const pool = new ParsePool(1, fixture('stuckWorker.mjs'), 200);
    pool.add('src/A.ts', 'export const a = 1;\n');
    await expect(pool.results()).rejects.toThrow(/answered nothing for 0.2 s/);
  });

  it('is told nothing new once closed', async () => {
    const pool = new ParsePool(1);
    pool.close();
    pool.add('src/A.ts', 'export const a = 1;\n');
    await expect(pool.results()).rejects.toThrow(/closed/);
  });
});

describe('factsOfSources with facts parsed ahead', () => {
  it('uses them only for the text they were parsed from, and parses the rest', () => {
    const parser = new ModuleParser();
    const parsed: string[] = [];
    const source = { factsOf: (path: string, text: string) => (parsed.push(path), parser.factsOf(path, text)) };
    const ahead = new Map([
      ['src/A.ts', { text: 'export const a = 1;\n', facts: parser.factsOf('src/A.ts', 'export const a = 1;\n') }],
      ['src/B.ts', { text: 'export const old = 1;\n', facts: parser.factsOf('src/B.ts', 'export const old = 1;\n') }],
    ]);
    const tree = new Map([
      ['src/A.ts', 'export const a = 1;\n'],
      ['src/B.ts', 'export const b = 2;\n'],
      ['src/C.ts', 'export const c = 3;\n'],
      ['README.md', '# not parsed\n'],
    ]);
    const facts = factsOfSources(tree, source, ahead);
    expect(parsed).toEqual(['src/B.ts', 'src/C.ts']);
    expect([...facts.keys()]).toEqual(['src/A.ts', 'src/B.ts', 'src/C.ts']);
    expect(facts.get('src/B.ts')!.exports.map((e) => e.name)).toEqual(['b']);
  });
});
