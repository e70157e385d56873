// The command line as users run it: summary, --check, located errors, and a failed run
// that leaves the output folder exactly as it was.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTreeAtomically } from '../generator/write/writeTree.ts';
import { REPO, snapshotTree, tempDir } from './helpers.ts';

const TSX = join(REPO, 'node_modules/.bin/tsx');
const CLI = join(REPO, 'generator/cli.ts');

function run(...args: string[]) {
  return runWith(process.env, ...args);
}

function runWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', cwd: REPO, env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const BROKEN = `openapi: 3.1.0
info: {title: Broken, version: '1'}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Nowhere'}
`;

describe('npm run generate', () => {
  it('prints a one-line summary and writes the tree', { timeout: 60_000 }, () => {
    const out = join(tempDir('cli'), 'client');
    const r = run('generate', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^generated 9 operations, \d+ models, \d+ files in \d+ ms → /m);
    expect(readFileSync(join(out, 'src/apis/ChatApi.ts'), 'utf8')).toContain('export class ChatApi extends BaseApi');
  });

  it('--check passes on a fresh tree and fails, naming the files, on a stale one', { timeout: 60_000 }, () => {
    const out = join(tempDir('check'), 'client');
    expect(run('generate', '--out', out).code).toBe(0);
    expect(run('generate', '--out', out, '--check').code).toBe(0);
    writeFileSync(join(out, 'src/models/ErrorResponse.ts'), '// edited by hand\n');
    writeFileSync(join(out, 'stray.txt'), 'not generated');
    rmSync(join(out, 'docs/ChatApi.md'));
    const stale = run('generate', '--out', out, '--check');
    expect(stale.code).toBe(1);
    expect(stale.err).toContain('~ src/models/ErrorResponse.ts');
    expect(stale.err).toContain('+ docs/ChatApi.md');
    expect(stale.err, "a file the generator did not write is the user's, not a difference").not.toContain('stray.txt');
  });

  it('a bad spec gives located errors and leaves the output folder untouched', { timeout: 60_000 }, async () => {
    const dir = tempDir('atomic');
    const out = join(dir, 'client');
    await writeTreeAtomically(new Map([['marker.txt', 'the previous generation']]), out);
    cpSync(join(REPO, 'generated/src/models'), join(out, 'kept'), { recursive: true });
    const before = snapshotTree(out);
    const spec = join(dir, 'broken.yaml');
    writeFileSync(spec, BROKEN);

    const r = run('generate', '--spec', spec, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${spec}:12:30 error at #/paths/~1things/get/responses/200/content/application~1json/schema/$ref: $ref '#/components/schemas/Nowhere' points to nothing`);
    expect(r.err).toContain('nothing was written');
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['broken.yaml', 'client']); // no temporary folder left behind
  });

  it('a YAML syntax error is located too', { timeout: 60_000 }, () => {
    const spec = join(tempDir('yaml'), 'bad.yaml');
    writeFileSync(spec, 'openapi: 3.1.0\ninfo:\n  title: [unclosed\n  version: 1\n');
    const r = run('generate', '--spec', spec, '--out', join(tempDir('yaml-out'), 'x'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error at #: `));
  });
});

describe('npm run validate', () => {
  it('lists every problem of our own checks with file, line and pointer', { timeout: 60_000 }, () => {
    const spec = join(tempDir('validate'), 'two-problems.yaml');
    writeFileSync(spec, BROKEN.replace("operationId: listThings", "operationId: listThings\n      parameters: [{name: id, in: body}]"));
    const r = run('validate', '--spec', spec, '--no-oracle');
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toEqual([
      `${spec}:7:35 error at #/paths/~1things/get/parameters/0/in: parameter 'in' must be path, query, header or cookie`,
      `${spec}:13:30 error at #/paths/~1things/get/responses/200/content/application~1json/schema/$ref: $ref '#/components/schemas/Nowhere' points to nothing`,
    ]);
    expect(r.out).toContain('2 errors, 0 warnings');
  });

  it('with openapi-generator too, reports each problem once, in file order', { timeout: 120_000 }, () => {
    const spec = join(REPO, 'test/fixtures/broken/oracle-invalid.yaml');
    const r = run('validate', '--spec', spec);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      // 3.1 makes responses optional, so only openapi-generator's stricter validator reports this one.
      `${spec}:9:7 error at #/paths/~1chat~1completions/post/responses: openapi-generator: attribute paths.'/chat/completions'(post).responses is missing`,
      `${spec}:21:11 error at #/paths/~1models/get/parameters/0/in: parameter 'in' must be path, query, header or cookie`,
      `${spec}:30:23 error at #/paths/~1models/get/responses/200/content/application~1json/schema/type: unknown type "objekt"`,
      `${spec}:40:7 warning at #/components/schemas/audit_log.api_key.created: openapi-generator: Unused model: audit_log.api_key.created`,
      `${spec}:41:17 error at #/components/schemas/audit_log.api_key.created/required: required must be a list of property names`,
    ]);
  });

  it('says in one sentence what to install when Java is missing', { timeout: 60_000 }, () => {
    const nodeOnly = join(tempDir('nojava'), 'bin');
    mkdirSync(nodeOnly);
    symlinkSync(process.execPath, join(nodeOnly, 'node'));
    const r = runWith({ ...process.env, PATH: nodeOnly }, 'validate');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/Java/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
