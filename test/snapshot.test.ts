// The generated tree for spec/openapi.yaml, one snapshot per file: a spec or template change
// shows up as a snapshot diff naming exactly the files it touched.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClient, DEFAULT_OUT, DEFAULT_SPEC } from '../generator/pipeline.ts';
import { diffTree } from '../generator/write/writeTree.ts';
import { tempDir } from './helpers.ts';

const built = buildClient(DEFAULT_SPEC);

describe('generated tree for spec/openapi.yaml', () => {
  it('has the Ruby-mirroring layout', () => {
    const paths = [...built.files.keys()];
    for (const expected of ['src/apis/ChatApi.ts', 'src/Configuration.ts', 'src/ApiError.ts', 'src/index.ts', 'docs/ChatApi.md', 'README.md', 'package.json', 'api-report.md', 'src/models/CreateChatCompletionRequestStop.ts', 'src/models/CreateChatCompletionResponseChoicesInner.ts']) {
      expect(paths).toContain(expected);
    }
    expect(built.operations).toBe(9);
  });

  it.each([...built.files.keys()].sort())('%s', (path) => {
    expect(built.files.get(path)).toMatchSnapshot();
  });

  it('is byte-identical on a second run', () => {
    const again = buildClient(DEFAULT_SPEC);
    expect([...again.files.keys()]).toEqual([...built.files.keys()]);
    for (const [path, text] of built.files) expect(again.files.get(path), path).toBe(text);
  });

  it('matches the committed generated/ folder (npm run generate -- --check)', () => {
    expect(diffTree(built.files, DEFAULT_OUT)).toEqual({ added: [], changed: [], removed: [] });
  });
});

describe('a small spec edit changes exactly the expected files', () => {
  const original = readFileSync(DEFAULT_SPEC, 'utf8');

  function changedFiles(edited: string): string[] {
    const file = join(tempDir('spec'), 'openapi.yaml');
    writeFileSync(file, edited);
    const after = buildClient(file).files;
    const changed = [...after].filter(([path, text]) => built.files.get(path) !== text).map(([path]) => path);
    const removed = [...built.files.keys()].filter((path) => !after.has(path));
    return [...changed, ...removed].sort();
  }

  it('a new optional property touches its model, its doc and the API report', () => {
    const anchor = 'required: [prompt_tokens, completion_tokens, total_tokens]\n      properties:\n';
    const edited = original.replace(anchor, `${anchor}        cached_tokens_total:\n          type: integer\n          description: A new counter.\n`);
    expect(edited).not.toBe(original);
    expect(changedFiles(edited)).toEqual(['api-report.md', 'docs/CompletionUsage.md', 'src/models/CompletionUsage.ts']);
  });

  it('a description change touches only the model file and its doc', () => {
    const edited = original.replace('description: Token accounting for a single request.', 'description: Freshly reworded token accounting.');
    expect(edited).not.toBe(original);
    expect(changedFiles(edited)).toEqual(['docs/CompletionUsage.md', 'src/models/CompletionUsage.ts']);
  });
});
