// bin/codegen.mjs: the CLI runs from a cached esbuild bundle, built on first use, and falls back
// to tsx when the bundle is unusable or turned off, with the same results either way.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers.ts';

const BIN = join(REPO, 'bin/codegen.mjs');

/** `generate --check` of the committed client: real work, reading templates and package.json through the bundle's paths. */
function checkCommitted(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, 'generate', '--check', '--quiet'], { encoding: 'utf8', cwd: REPO, env: { ...process.env, ...env } });
  return { code: r.status, err: r.stderr };
}

// Inside the checkout: the bundle imports its packages from the checkout's node_modules.
mkdirSync(join(REPO, '.cache'), { recursive: true });
const scratch = mkdtempSync(join(REPO, '.cache', 'test-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bundlesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.mjs')) : []);

describe('the CLI bundle', () => {
  it('is built on the first run, reused on the next, and rebuilt when it does not load', () => {
    const dir = join(scratch, 'first');
    expect(checkCommitted({ CODEGEN_BUNDLE_DIR: dir })).toEqual({ code: 0, err: '' });
    const [bundle] = bundlesIn(dir);
    expect(bundle).toMatch(/^cli-[0-9a-f]{24}\.mjs$/);
    const built = statSync(join(dir, bundle!)).mtimeMs;
    expect(checkCommitted({ CODEGEN_BUNDLE_DIR: dir })).toEqual({ code: 0, err: '' });
    expect(statSync(join(dir, bundle!)).mtimeMs).toBe(built);

    // A bundle that does not load: the run still succeeds (through tsx) and the bad file goes.
    writeFileSync(join(dir, bundle!), 'this is not JavaScript (');
    expect(checkCommitted({ CODEGEN_BUNDLE_DIR: dir })).toEqual({ code: 0, err: '' });
    expect(bundlesIn(dir)).toEqual([]);
  });

  it('is neither built nor used with CODEGEN_NO_BUNDLE=1', () => {
    const dir = join(scratch, 'off');
    expect(checkCommitted({ CODEGEN_BUNDLE_DIR: dir, CODEGEN_NO_BUNDLE: '1' })).toEqual({ code: 0, err: '' });
    expect(existsSync(dir)).toBe(false);
  });
});
