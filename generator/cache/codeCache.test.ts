import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers.ts';

const LOADER = new URL('./codeCache.ts', import.meta.url).pathname;

/** Loads package `pkg` from `dir` in a fresh Node process; what it exported and how the cache was used. */
function loadInChild(dir: string): { value: unknown; cache: string } {
  const script = `import { loadWithCodeCache } from ${JSON.stringify(LOADER)};
const { exports, cache } = loadWithCodeCache('pkg', ${JSON.stringify(join(dir, 'main.js'))}, ${JSON.stringify(join(dir, 'cache'))});
console.log(JSON.stringify({ value: exports.answer(), cache }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { value: unknown; cache: string };
}

function writePackage(dir: string, body: string) {
  mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'pkg', 'package.json'), '{"name":"pkg","main":"index.js"}');
  writeFileSync(join(dir, 'node_modules', 'pkg', 'index.js'), body);
}

const cacheFiles = (dir: string) => readdirSync(join(dir, 'cache'));

describe('loading a CommonJS package with the V8 code cache', () => {
  it('compiles and keeps the code on the first run, then runs from it', () => {
    const dir = tempDir('code-cache');
    writePackage(dir, 'exports.answer = () => "one";\n');
    expect(loadInChild(dir)).toEqual({ value: 'one', cache: 'compiled' });
    expect(cacheFiles(dir)).toHaveLength(1);
    expect(loadInChild(dir)).toEqual({ value: 'one', cache: 'used' });
  });

  it('never runs the code of another source, even of the same length', () => {
    const dir = tempDir('code-cache');
    writePackage(dir, 'exports.answer = () => "one";\n');
    loadInChild(dir);
    const [before] = cacheFiles(dir);
    writePackage(dir, 'exports.answer = () => "two";\n');
    expect(loadInChild(dir)).toEqual({ value: 'two', cache: 'compiled' });
    expect(cacheFiles(dir)).toHaveLength(1); // the other version's cache is replaced
    expect(cacheFiles(dir)[0]).not.toBe(before);
  });

  it('compiles again when the cache file is not V8 code', () => {
    const dir = tempDir('code-cache');
    writePackage(dir, 'exports.answer = () => "one";\n');
    loadInChild(dir);
    writeFileSync(join(dir, 'cache', cacheFiles(dir)[0]!), 'not code');
    expect(loadInChild(dir)).toEqual({ value: 'one', cache: 'compiled' });
    expect(loadInChild(dir)).toEqual({ value: 'one', cache: 'used' });
  });
});
