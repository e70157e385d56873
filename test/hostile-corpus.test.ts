// Every spec in test/fixtures/hostile/corpus states its outcome on its first line:
//   `# expect: ok`                     generates; the output type-checks and importing it runs nothing
//   `# expect: ok warning: TEXT`       the same, and some warning contains TEXT
//   `# expect: error: TEXT`            fails with located errors, one of them containing TEXT, and
//                                      leaves an existing output folder byte-identical
// Injected code calls `__pwned()` (or `process.exit`); the import step counts such calls.
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../generator/errors.ts';
import { generate } from '../generator/pipeline.ts';
import { fileNameProblems, importEvery, rawHtml, readTree, typeCheckTogether } from './support/generatedOutputs.ts';
import { REPO, tempDir } from './helpers.ts';

const CORPUS = join(REPO, 'test/fixtures/hostile/corpus');
const EXPECT = /(?:^# expect: |^\/\/ expect: |"x-expect": ")(ok|error)(?: warning)?(?:: ([^\n"]*))?/;

interface Case {
  file: string;
  ok: boolean;
  /** Warning text (ok) or error text (error) that must appear; '' for none. */
  text: string;
}

const cases: Case[] = readdirSync(CORPUS)
  .sort()
  .map((file) => {
    const head = readFileSync(join(CORPUS, file), 'latin1').slice(0, 300).replace(/^\u00ef\u00bb\u00bf/, ''); // a UTF-8 BOM
    const m = EXPECT.exec(head);
    if (!m) throw new Error(`${file}: no '# expect:' line`);
    return { file, ok: m[1] === 'ok', text: m[2] ?? '' };
  });

/** `file:line:column severity at #pointer: message` */
const LOCATED = /^\S+:\d+:\d+ (error|warning) at #.*: \S/;

describe('the hostile corpus', async () => {
  const root = tempDir('corpus');
  // An earlier, good output that every failing run must leave exactly as it was.
  const previous = join(root, 'previous');
  await generate({ specPath: join(CORPUS, 'empty-paths.yaml'), outDir: previous });
  const generated: string[] = [];

  it('holds at least 60 specs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  for (const c of cases.filter((x) => !x.ok)) {
    it(`${c.file}: one located error, output untouched`, async () => {
      const outDir = join(root, 'failed', c.file);
      mkdirSync(join(root, 'failed'), { recursive: true });
      cpSync(previous, outDir, { recursive: true });
      const before = readTree(outDir);
      const error = await generate({ specPath: join(CORPUS, c.file), outDir }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(SpecError);
      const lines = (error as SpecError).message.split('\n');
      for (const line of lines) expect(line).toMatch(LOCATED);
      expect(lines.some((l) => l.includes(c.text))).toBe(true);
      expect(readTree(outDir)).toEqual(before);
      expect(readdirSync(join(root, 'failed')).filter((f) => f.startsWith('.'))).toEqual([]);
    });
  }

  for (const c of cases.filter((x) => x.ok)) {
    it(`${c.file}: generates portable file names and Markdown without HTML`, async () => {
      const outDir = join(root, 'cases', c.file.replace(/\.\w+$/, ''));
      const result = await generate({ specPath: join(CORPUS, c.file), outDir });
      if (c.text) expect(result.warnings.map((w) => w.message).join('\n')).toContain(c.text);
      expect(fileNameProblems([...result.files.keys()])).toEqual([]);
      for (const [path, text] of result.files) if (path.endsWith('.md')) expect(rawHtml(text), path).toEqual([]);
      generated.push(outDir);
    });
  }

  it('every generated output type-checks under the strict tsconfig, and importing it runs nothing', { timeout: 240_000 }, () => {
    expect(generated.length).toBe(cases.filter((c) => c.ok).length);
    const emitted = typeCheckTogether(root, generated);
    const run = importEvery(emitted);
    expect(run.failures).toEqual([]);
    expect(run.pwned).toBe(0);
    expect(run.imported).toBeGreaterThan(generated.length * 10);
  });
});
