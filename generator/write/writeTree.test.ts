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

/** A staged-file writer that counts the writes in flight, each taking a few milliseconds. */
function countingWriter(failOn?: string) {
  const seen = { inFlight: 0, most: 0, started: 0 };
  const write = async (file: string, text: string): Promise<void> => {
    seen.started++;
    seen.inFlight++;
    seen.most = Math.max(seen.most, seen.inFlight);
    try {
      await new Promise((resolveLater) => setTimeout(resolveLater, 2));
      if (failOn !== undefined && file.endsWith(failOn)) throw new Error(`cannot write ${failOn}`);
      writeFileSync(file, text);
    } finally {
      seen.inFlight--;
    }
  };
  return { seen, write };
}

describe('bounded file handles', () => {
  const manyFiles = (count: number) => new Map(Array.from({ length: count }, (_, i) => [`src/models/m${i}.ts`, `export const m${i} = ${i};\n`] as [string, string]));

  it('writes a tree of many files with at most the pool limit in flight', async () => {
    const { out } = await outDirWithOldTree();
    const files = manyFiles(300);
    const writer = countingWriter();
    const counts = await writeTreeAtomically(files, out, { openFiles: 4, writeFile: writer.write });
    expect(writer.seen.most).toBeLessThanOrEqual(4);
    expect(writer.seen.most).toBeGreaterThan(1); // the pool does run writes side by side
    expect(counts.written).toBe(300);
    expect(readFileSync(join(out, 'src/models/m299.ts'), 'utf8')).toBe('export const m299 = 299;\n');
  });

  it('after a failed write, starts no more, waits for those in flight, then cleans up without failing', async () => {
    const { parent, out } = await outDirWithOldTree();
    const writer = countingWriter('m10.ts');
    const staged = stageTree(manyFiles(300), out, { openFiles: 4, writeFile: writer.write });
    let inFlightAtRejection = -1;
    await expect(
      staged.finish(manyFiles(300)).catch((err: unknown) => {
        inFlightAtRejection = writer.seen.inFlight;
        throw err;
      }),
    ).rejects.toThrow('cannot write m10.ts');
    expect(inFlightAtRejection).toBe(0);
    expect(writer.seen.started).toBeLessThan(20);
    expect(readdirSync(parent)).toEqual(['client']);
    expect(readFileSync(join(out, 'src/old.ts'), 'utf8')).toBe('old');
  });
});
