// The command line as a daily tool: several clients from a config file, --json, --quiet,
// --help, exit codes, and --watch against real file changes (bounded in time).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAGS } from '../generator/cli/flags.ts';
import { STAGES } from '../generator/pipeline.ts';
import { REPO, snapshotTree, tempDir } from './helpers.ts';

const TSX = join(REPO, 'node_modules/.bin/tsx');
const CLI = join(REPO, 'generator/cli.ts');
const TINY = join(REPO, 'test/fixtures/oracle/tiny-chat.yaml');

function run(cwd: string, ...args: string[]) {
  return runWith({}, cwd, ...args);
}

function runWith(env: Record<string, string>, cwd: string, ...args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A folder with two specs and a config naming both clients. */
function twoClientProject() {
  const dir = tempDir('clients');
  copyFileSync(TINY, join(dir, 'stable.yaml'));
  writeFileSync(join(dir, 'beta.yaml'), readFileSync(TINY, 'utf8').replace('title: Tiny chat', 'title: Tiny chat beta'));
  const config = { clients: { stable: { spec: 'stable.yaml', out: 'clients/stable' }, beta: { spec: 'beta.yaml', out: 'clients/beta', packageName: '@acme/beta', packageVersion: '0.2.0' } } };
  writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

describe('several clients from codegen.config.json', () => {
  it('generates every client, then --json reports counts, files and timings per client', { timeout: 120_000 }, () => {
    const dir = twoClientProject();
    const first = run(dir, 'generate');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/^stable: generated 2 operations, 6 models, (\d+) files in \d+ ms → clients\/stable \(\1 written, 0 unchanged, 0 removed\)$/m);
    expect(first.out).toMatch(/^beta: generated 2 operations, 6 models, \d+ files in \d+ ms → clients\/beta /m);
    expect(first.err).toBe(''); // not a terminal: no progress
    expect(JSON.parse(readFileSync(join(dir, 'clients/beta/package.json'), 'utf8'))).toMatchObject({ name: '@acme/beta', version: '0.2.0' });
    expect(readFileSync(join(dir, 'clients/beta/README.md'), 'utf8')).toContain('Tiny chat beta');

    writeFileSync(join(dir, 'clients/stable/stray.txt'), 'left over');
    // Every stage runs (no answer from .cache/generate), so each one is timed.
    const second = runWith({ CODEGEN_NO_CACHE: '1' }, dir, 'generate', '--client', 'stable', '--json');
    expect(second.code, second.err).toBe(0);
    const report = JSON.parse(second.out);
    expect(report).toMatchObject({ command: 'generate', ok: true, exitCode: 0, errors: [] });
    expect(report.clients).toHaveLength(1);
    const [stable] = report.clients;
    expect(stable).toMatchObject({ name: 'stable', spec: 'stable.yaml', out: 'clients/stable', exitCode: 0, operations: 2, models: 6, errors: [] });
    // stray.txt is the user's (not in the previous manifest): carried over, not counted as removed.
    expect(stable.files).toEqual({ total: stable.files.total, written: 0, unchanged: stable.files.total, removed: 0 });
    expect(readFileSync(join(dir, 'clients/stable/stray.txt'), 'utf8')).toBe('left over');
    expect(Object.keys(stable.timings)).toEqual([...STAGES, 'total']);
    expect(stable.warnings.every((w: { file: string; line: number; pointer: string }) => w.file.endsWith('stable.yaml') && w.line > 0 && typeof w.pointer === 'string')).toBe(true);

    // Nothing changed since: the record answers with the same report, and no stage ran.
    const [cached] = JSON.parse(run(dir, 'generate', '--client', 'stable', '--json').out).clients;
    expect({ ...cached, timings: undefined }).toEqual({ ...stable, timings: undefined });
    expect(Object.keys(cached.timings)).toEqual(['total']);
  });

  it('exit 2 with a located error for a bad config file, and for an unknown client', { timeout: 60_000 }, () => {
    const dir = tempDir('bad-config');
    writeFileSync(join(dir, 'codegen.config.json'), '{\n  "clients": {\n    "a": { "spec": "a.yaml", "output": "x" }\n  }\n}\n');
    const bad = run(dir, 'generate');
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toEqual([
      `${join(dir, 'codegen.config.json')}:3:10 error at #/clients/a: missing required property "out"`,
      `${join(dir, 'codegen.config.json')}:3:40 error at #/clients/a/output: unknown property "output" (expected one of: spec, out, packageName, packageVersion, options)`,
    ]);
    const unknown = run(twoClientProject(), 'generate', '--client', 'gamma');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no client named "gamma" (configured: stable, beta)');
  });
});

describe('exit codes and output modes', () => {
  it('exit 2 for usage errors, with one line and a pointer to --help', { timeout: 60_000 }, () => {
    for (const args of [['generate', '--bogus'], ['validate', '--out', 'x'], ['generate', '--watch', '--check'], ['frobnicate']]) {
      const r = run(REPO, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(2);
      expect(r.err).toContain('run with --help');
    }
    const json = run(REPO, 'generate', '--watch', '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, exitCode: 2, errors: [{ code: 'USAGE', message: expect.stringContaining('--watch') }] });
  });

  it('exit 1 for spec problems; --json carries them located, and nothing else goes to stdout', { timeout: 60_000 }, () => {
    const dir = tempDir('json-errors');
    writeFileSync(join(dir, 'spec.yaml'), readFileSync(TINY, 'utf8').replace("$ref: '#/components/schemas/CreateChatCompletionRequest'", "$ref: '#/components/schemas/Nowhere'"));
    const r = run(dir, 'generate', '--spec', 'spec.yaml', '--out', 'client', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: false, exitCode: 1 });
    expect(report.clients[0].errors).toEqual([
      {
        severity: 'error',
        code: 'REF_UNRESOLVED',
        file: join(dir, 'spec.yaml'),
        pointer: '/paths/~1chat~1completions/post/requestBody/content/application~1json/schema/$ref',
        line: 20,
        column: 21,
        message: "$ref '#/components/schemas/Nowhere' points to nothing",
      },
    ]);
    expect(readdirSync(dir)).toEqual(['spec.yaml']);
  });

  it('--quiet prints nothing when all is well', { timeout: 60_000 }, () => {
    const dir = tempDir('quiet');
    const r = run(dir, 'generate', '--spec', TINY, '--out', 'client', '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.out + r.err).toBe('');
  });

  it('--help lists every command and every flag, each with an example, and the exit codes; so does the README', { timeout: 60_000 }, () => {
    const r = run(REPO, 'generate', '--help');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    for (const command of ['generate', 'validate']) expect(r.out).toMatch(new RegExp(`^  ${command} .*\\n\\s+e\\.g\\. npm run ${command}`, 'm'));
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    for (const name of Object.keys(FLAGS)) {
      const at = lines.findIndex((line) => line.startsWith(`  --${name} `));
      expect(at, name).toBeGreaterThan(0);
      expect(lines[at + 1], name).toMatch(new RegExp(`^\\s+e\\.g\\. npm run \\w+ -- .*--${name}\\b`));
      expect(readme, `README mentions --${name}`).toContain(`--${name}`);
    }
    for (const code of ['0', '1', '2']) {
      expect(r.out).toMatch(new RegExp(`^  ${code}  \\w`, 'm'));
      expect(readme).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
    }
  });
});

describe('--watch', () => {
  it('regenerates on a real save, keeps the last good output on a broken one, and stops cleanly', { timeout: 180_000 }, async () => {
    const dir = tempDir('watch-cli');
    const spec = join(dir, 'spec.yaml');
    const good = readFileSync(TINY, 'utf8');
    writeFileSync(spec, good);
    const child = spawn(TSX, [CLI, 'generate', '--watch', '--spec', spec, '--out', join(dir, 'client')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    /** Waits, at most `ms`, until `text()` has matched `pattern` `times` times. */
    const waitFor = async (text: () => string, pattern: RegExp, times: number, ms = 60_000) => {
      const deadline = Date.now() + ms;
      while ((text().match(new RegExp(pattern.source, pattern.flags + 'g')) ?? []).length < times) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}\nstdout:\n${out}\nstderr:\n${err}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await waitFor(() => err, /watching the spec and the templates/, 1);
      await waitFor(() => out, /generated 2 operations/, 1);
      // Every run of watch mode is one line, stamped with its time.

      writeFileSync(spec, good.replace('title: Tiny chat', 'title: Tiny chat, saved again'));
      await waitFor(() => out, /^\[\d\d:\d\d:\d\d\] generated 2 operations, 6 models, \d+ files in \d+ ms → client \(\d+ written, \d+ unchanged, 0 removed\)$/m, 2);
      expect(readFileSync(join(dir, 'client/README.md'), 'utf8')).toContain('Tiny chat, saved again');
      const lastGood = snapshotTree(join(dir, 'client'));

      writeFileSync(spec, good.replace("$ref: '#/components/schemas/CreateChatCompletionRequest'", "$ref: '#/components/schemas/Nowh"));
      await waitFor(() => err, /client kept as it was \(the last good output\): 1 problem/, 1);
      expect(err).toMatch(new RegExp(`^${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error at #`, 'm'));
      expect(snapshotTree(join(dir, 'client'))).toEqual(lastGood);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(0);
  });
});
