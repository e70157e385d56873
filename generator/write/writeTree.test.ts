import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTree, stageTree, writeTreeAtomically } from './writeTree.ts';

/** A folder the generator wrote before (src/old.ts, same.txt), with an installed dependency. */
async function outDirWithOldTree() {
  const parent = mkdtempSync(join(tmpdir(), 'write-'));
  const out = join(parent, 'client');
  await writeTreeAtomically(new Map([['src/old.ts', 'old'], ['same.txt', 'same']]), out);
  mkdirSync(join(out, 'node_modules/dep'), { recursive: true });
  writeFileSync(join(out, 'node_modules/dep/index.js'), 'kept');
  return { parent, out };
}

describe('writing the tree', () => {
  it('swaps in the new tree whole, keeping node_modules, and leaves no temporary folder', async () => {
    const { parent, out } = await outDirWithOldTree();
    await writeTreeAtomically(new Map([['src/new.ts', 'new'], ['same.txt', 'same']]), out);
    expect(readdirSync(parent)).toEqual(['client']);
    expect(existsSync(join(out, 'src/old.ts'))).toBe(false);
    expect(readFileSync(join(out, 'src/new.ts'), 'utf8')).toBe('new');
    expect(readFileSync(join(out, 'same.txt'), 'utf8')).toBe('same');
    expect(readFileSync(join(out, 'node_modules/dep/index.js'), 'utf8')).toBe('kept');
  });

  it('counts the files written, kept unchanged and removed (user folders not counted)', async () => {
    const { out } = await outDirWithOldTree();
    const counts = await writeTreeAtomically(new Map([['src/new.ts', 'new'], ['same.txt', 'same'], ['b.txt', 'b']]), out);
    expect(counts).toEqual({ written: 2, unchanged: 1, removed: 1 });
    expect(await writeTreeAtomically(new Map([['src/new.ts', 'new'], ['same.txt', 'same']]), out)).toEqual({ written: 0, unchanged: 2, removed: 1 });
  });

  it('adds what postprocessing added and drops what it removed', async () => {
    const { out } = await outDirWithOldTree();
    const staged = stageTree(new Map([['a.ts', 'a'], ['gone.ts', 'x']]), out);
    await staged.finish(new Map([['a.ts', 'a2'], ['index.ts', 'i']]));
    expect(diffTree(new Map([['a.ts', 'a2'], ['index.ts', 'i']]), out)).toEqual({ added: [], changed: [], removed: [] });
  });

  it('an abort after staging leaves the old tree exactly as it was', async () => {
    const { parent, out } = await outDirWithOldTree();
    const staged = stageTree(new Map([['src/new.ts', 'new']]), out);
    await staged.abort();
    expect(readdirSync(parent)).toEqual(['client']);
    expect(readFileSync(join(out, 'src/old.ts'), 'utf8')).toBe('old');
    expect(existsSync(join(out, 'src/new.ts'))).toBe(false);
  });

  it('a failed write leaves the old tree and reports the error', async () => {
    const { parent, out } = await outDirWithOldTree();
    // A file where a folder must go makes the staging write fail.
    const staged = stageTree(new Map([['x', 'file'], ['x/y.ts', 'under a file']]), out);
    await expect(staged.finish(new Map())).rejects.toThrow();
    expect(readdirSync(parent)).toEqual(['client']);
    expect(readFileSync(join(out, 'src/old.ts'), 'utf8')).toBe('old');
  });
});
