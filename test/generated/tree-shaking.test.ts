// A bundle carries only the runtime its API classes call: the committed client pages by cursor
// only, so the other paging patterns (and their next-page URL checks) must not be in it.
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../generator/files.ts';

async function bundleOf(program: string): Promise<string> {
  const result = await build({
    stdin: { contents: program, resolveDir: join(REPO_ROOT, 'generated', 'src'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('tree-shaking the generated client', () => {
  it('keeps the cursor pattern ChatApi uses and leaves the page, offset, Link and next-URL patterns out', async () => {
    const code = await bundleOf("import { ChatApi } from './index.js';\nconsole.log(new ChatApi({ accessToken: 'sk-test' }));\n");
    expect(code).toContain('function cursorPaging(');
    for (const unused of ['function pagePaging(', 'function offsetPaging(', 'function linkPaging(', 'function nextUrlPaging(', 'function nextLink(', 'Refusing to follow the next-page link']) {
      expect(code).not.toContain(unused);
    }
  });
});
