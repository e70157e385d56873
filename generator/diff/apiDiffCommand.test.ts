// The api:diff command: where the two specs come from, the three output formats, --fail-on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { runApiDiff } from './apiDiffCommand.ts';

/** A one-operation spec; `extra` adds properties to the response model, `required` to the request body. */
function spec(options: { extra?: Record<string, unknown>; required?: string[]; deprecated?: boolean } = {}): string {
  return JSON.stringify({
    openapi: '3.0.0',
    info: { title: 'T', version: '1' },
    paths: {
      '/pets': {
        post: {
          operationId: 'createPet',
          tags: ['Pets'],
          deprecated: options.deprecated ?? false,
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
        },
      },
    },
    components: {
      schemas: {
        NewPet: { type: 'object', required: options.required ?? [], properties: { name: { type: 'string' }, tag: { type: 'string' } } },
        Pet: { type: 'object', properties: { id: { type: 'string' }, ...options.extra } },
      },
    },
  });
}

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'api-diff-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

describe('api:diff sources', () => {
  it('a git ref means the spec committed there; the head defaults to the working tree', () => {
    const repo = folderWith({ 'spec/openapi.yaml': spec() });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'base');
    writeFileSync(join(repo, 'spec/openapi.yaml'), spec({ extra: { age: { type: 'integer' } } }));
    const run = runApiDiff(['--base', 'HEAD', '--format', 'text'], repo);
    expect(run.output).toBe('feature Pet.age: optional property age added\nminor: 0 breaking, 1 feature, 0 docs\n');
  });

  it('a folder means its spec (--spec names it); a file is the spec itself', () => {
    const base = folderWith({ 'api/spec.json': spec() });
    const head = folderWith({ 'new.json': spec({ required: ['name'] }) });
    const run = runApiDiff(['--base', base, '--head', join(head, 'new.json'), '--spec', 'api/spec.json', '--format', 'text'], '/');
    expect(run.output).toContain('breaking NewPet.name: property name became required in a request type');
  });

  it('refuses a ref that could be read as an option, and a ref without the spec', () => {
    const repo = folderWith({ 'spec/openapi.yaml': spec() });
    git(repo, 'init', '-q');
    expect(() => runApiDiff(['--base', '--output=/tmp/x'], repo)).toThrow(UsageError);
    expect(() => runApiDiff(['--base', 'no-such-ref'], repo)).toThrow(/no spec spec\/openapi.yaml at git ref "no-such-ref"/);
  });

  it('rejects unknown formats, --fail-on values and a missing --base', () => {
    expect(() => runApiDiff(['--base', 'x', '--format', 'html'])).toThrow(/--format must be one of json, text, md/);
    expect(() => runApiDiff(['--base', 'x', '--fail-on', 'docs'])).toThrow(/--fail-on must be breaking or feature/);
    expect(() => runApiDiff([])).toThrow(/--base is required/);
  });
});

describe('api:diff outputs', () => {
  const dir = folderWith({
    'base.json': spec(),
    'head.json': spec({ required: ['name'], deprecated: true, extra: { 'we`ird': { type: 'string' } } }),
    'feature.json': spec({ extra: { age: { type: 'integer' } } }),
  });
  const run = (head: string, ...flags: string[]) => runApiDiff(['--base', join(dir, 'base.json'), '--head', join(dir, head), ...flags]);

  it('json has exactly the documented shape', () => {
    const out = JSON.parse(run('head.json', '--format', 'json').output);
    expect(Object.keys(out)).toEqual(['bump', 'summary', 'changes']);
    expect(out.bump).toBe('major');
    expect(out.summary).toEqual({ breaking: 1, feature: 1, docs: 1 });
    for (const change of out.changes) expect(Object.keys(change)).toEqual(['kind', 'path', 'message', 'base', 'head']);
    expect(out.changes[0]).toEqual({ kind: 'breaking', path: 'NewPet.name', message: 'property name became required in a request type', base: '#/components/schemas/NewPet/properties/name', head: '#/components/schemas/NewPet/properties/name' });
  });

  it('md lists deprecations first, then breaking changes, grouped, with before and after; spec names stay in code spans', () => {
    const md = run('head.json', '--format', 'md').output;
    expect(md.startsWith('## API changes: major: 1 breaking, 1 feature, 1 docs\n')).toBe(true);
    const order = ['### Deprecations', '### Breaking changes (1)', '#### `NewPet`', '  - before: `name?: string`', '  - after: `name: string`', '### Features (1)', '#### `Pet`'].map((s) => md.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(md).toContain("- ``Pet.we`ird``: optional property we\\`ird added");
  });

  it('text: one line a change and the summary line', () => {
    expect(run('head.json').output.split('\n').filter(Boolean)).toEqual([
      'breaking NewPet.name: property name became required in a request type',
      "feature Pet.we`ird: optional property we`ird added",
      'docs (deprecation) PetsApi.createPet: operation deprecated',
      'major: 1 breaking, 1 feature, 1 docs',
    ]);
  });

  it('a control character in a spec name reaches neither the terminal nor the Markdown as itself', () => {
    const hostile = folderWith({ 'h.json': spec({ extra: { 'x\u001b[2J\ny': { type: 'string' } } }) });
    const runHostile = (format: string) => runApiDiff(['--base', join(dir, 'base.json'), '--head', join(hostile, 'h.json'), '--format', format]).output;
    expect(runHostile('text')).toContain('feature Pet.x\\u001b[2J\\u000ay: optional property');
    expect(runHostile('text')).not.toContain('\u001b');
    expect(runHostile('md')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('--fail-on exits 2 when hit, 0 otherwise', () => {
    expect(run('head.json', '--fail-on', 'breaking').exitCode).toBe(2);
    expect(run('feature.json', '--fail-on', 'breaking').exitCode).toBe(0);
    expect(run('feature.json', '--fail-on', 'feature').exitCode).toBe(2);
    expect(run('base.json', '--fail-on', 'feature').exitCode).toBe(0);
  });
});
