import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../../test/helpers.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { ConfigError, SpecError, UsageError } from '../errors.ts';
import { DEFAULT_PACKAGE } from '../ir/buildIr.ts';
import { DEFAULT_OUT, DEFAULT_SPEC } from '../pipeline.ts';
import { parseConfig, selectClients, type ClientJob } from './config.ts';
import { validateAgainstSchema } from './jsonSchema.ts';

const FILE = '/project/codegen.config.json';
const DEFAULTS: ClientJob = { name: 'default', specPath: DEFAULT_SPEC, outDir: DEFAULT_OUT, package: {} };

/** The located lines a config text is refused with. */
function problemsOf(text: string): string[] {
  try {
    parseConfig(text, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as SpecError).diagnostics.map(formatDiagnostic);
  }
  throw new Error('the config was accepted');
}

describe('codegen.config.json', () => {
  it('lists clients with paths relative to the config file and passes options through', () => {
    const jobs = parseConfig(
      JSON.stringify({
        clients: {
          stable: { spec: 'specs/stable.yaml', out: 'clients/stable' },
          beta: { spec: '/abs/beta.yaml', out: 'clients/beta', packageName: '@acme/beta', packageVersion: '2.0.0-beta.1', options: { moduleName: 'Beta', apiKeyEnv: 'BETA_KEY' } },
        },
      }),
      FILE,
    );
    expect(jobs).toEqual([
      { name: 'stable', specPath: '/project/specs/stable.yaml', outDir: '/project/clients/stable', package: {} },
      { name: 'beta', specPath: '/abs/beta.yaml', outDir: '/project/clients/beta', package: { moduleName: 'Beta', apiKeyEnv: 'BETA_KEY', packageName: '@acme/beta', packageVersion: '2.0.0-beta.1' } },
    ]);
  });

  it('locates every schema problem by line, column and JSON pointer', () => {
    const text = [
      '{',
      '  "clients": {',
      '    "ok": { "spec": "a.yaml", "out": "a" },',
      '    "no-out": { "spec": "b.yaml" },',
      '    "typo": { "spec": "c.yaml", "out": "c", "pakageName": "x" },',
      '    "bad-name": { "spec": "d.yaml", "out": "d", "packageName": "Not Valid" },',
      '    "bad-version": { "spec": "e.yaml", "out": "e", "packageVersion": 2 },',
      '    "-dash": { "spec": "", "out": "f" }',
      '  }',
      '}',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      `${FILE}:4:15 error at #/clients/no-out: missing required property "out"`,
      `${FILE}:5:59 error at #/clients/typo/pakageName: unknown property "pakageName" (expected one of: spec, out, packageName, packageVersion, options)`,
      `${FILE}:6:64 error at #/clients/bad-name/packageName: "Not Valid" does not match ^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$`,
      `${FILE}:7:70 error at #/clients/bad-version/packageVersion: must be a string, not an integer`,
      `${FILE}:8:14 error at #/clients/-dash: name "-dash" does not match ^[A-Za-z0-9][A-Za-z0-9._-]*$`,
      `${FILE}:8:24 error at #/clients/-dash/spec: must not be empty`,
    ]);
  });

  it('locates syntax errors, duplicate client names and an empty or missing client list', () => {
    expect(problemsOf('{ "clients": { "a": { "spec": "x", } }')[0]).toMatch(/^\/project\/codegen\.config\.json:1:\d+ error at #: /);
    expect(problemsOf('{"clients": {\n "a": {"spec": "x", "out": "a"},\n "a": {"spec": "y", "out": "b"}}}')[0]).toMatch(/^\/project\/codegen\.config\.json:3:2 error at #: .*[Uu]nique/);
    expect(problemsOf('{ "clients": {} }')).toEqual([`${FILE}:1:14 error at #/clients: needs at least 1 entry`]);
    expect(problemsOf('[]')).toEqual([`${FILE}:1:1 error at #: must be an object, not an array`]);
    expect(problemsOf('{ "client": {} }')).toEqual([`${FILE}:1:1 error at #: missing required property "clients"`, `${FILE}:1:13 error at #/client: unknown property "client" (expected one of: $schema, clients)`]);
  });

  it('checks the known package options and lets other options through', () => {
    const text = '{"clients": {"a": {"spec": "a.yaml", "out": "a", "options": {"apiKeyEnv": "MY-KEY", "repository": "http://x", "extra": 1}}}}';
    expect(problemsOf(text)).toEqual([
      `${FILE}:1:75 error at #/clients/a/options/apiKeyEnv: "MY-KEY" does not match ^[A-Za-z_][A-Za-z0-9_]*$`,
      `${FILE}:1:99 error at #/clients/a/options/repository: "http://x" does not match ^https://[^\\s]+$`,
    ]);
    const shapes = '{"clients": {"a": {"spec": "a.yaml", "out": "a", "options": {"moduleName": "petClient", "errorShape": "aws"}}}}';
    expect(problemsOf(shapes)).toEqual([
      `${FILE}:1:76 error at #/clients/a/options/moduleName: "petClient" does not match ^[A-Z][A-Za-z0-9]{0,199}$`,
      `${FILE}:1:103 error at #/clients/a/options/errorShape: "aws" does not match ^(common|openai)$`,
    ]);
  });

  it('refuses two clients writing into the same or a nested folder', () => {
    const text = '{"clients": {\n "a": {"spec": "a.yaml", "out": "out"},\n "b": {"spec": "b.yaml", "out": "./out/b"}}}';
    expect(problemsOf(text)).toEqual([`${FILE}:3:33 error at #/clients/b/out: output folder overlaps the one of client "a"; each client needs its own folder`]);
  });

  it('the committed config generates spec/openapi.yaml into generated/ as the defaults do', () => {
    const [job, ...others] = selectClients({}, DEFAULTS, REPO);
    expect(others).toEqual([]);
    expect(job).toMatchObject({ specPath: DEFAULT_SPEC, outDir: DEFAULT_OUT });
    expect({ ...DEFAULT_PACKAGE, ...job!.package }).toEqual(DEFAULT_PACKAGE);
  });
});

describe('choosing the clients of a run', () => {
  const project = tempDir('config');
  writeFileSync(join(project, 'codegen.config.json'), JSON.stringify({ clients: { stable: { spec: 'stable.yaml', out: 'out/stable', packageName: 'stable' }, beta: { spec: 'beta.yaml', out: 'out/beta' } } }));
  const bare = tempDir('no-config');

  it('every configured client by default; --client picks one and the flags override it', () => {
    expect(selectClients({}, DEFAULTS, project).map((job) => job.name)).toEqual(['stable', 'beta']);
    const [stable] = selectClients({ client: 'stable', out: 'elsewhere', package: { packageVersion: '3.0.0' } }, DEFAULTS, project);
    expect(stable).toEqual({ name: 'stable', specPath: join(project, 'stable.yaml'), outDir: join(project, 'elsewhere'), package: { packageName: 'stable', packageVersion: '3.0.0' } });
  });

  it('--spec or --out without --client make one ad-hoc client from the defaults', () => {
    expect(selectClients({ spec: 'mine.yaml' }, DEFAULTS, project)).toEqual([{ ...DEFAULTS, specPath: join(project, 'mine.yaml') }]);
    expect(selectClients({ out: 'x' }, DEFAULTS, bare)).toEqual([{ ...DEFAULTS, outDir: join(bare, 'x') }]);
  });

  it('without a config file the default client is the only one; --config names another file', () => {
    expect(selectClients({}, DEFAULTS, bare)).toEqual([DEFAULTS]);
    mkdirSync(join(bare, 'conf'), { recursive: true });
    writeFileSync(join(bare, 'conf/clients.json'), JSON.stringify({ clients: { one: { spec: 'one.yaml', out: 'one' } } }));
    expect(selectClients({ config: 'conf/clients.json' }, DEFAULTS, bare)).toEqual([{ name: 'one', specPath: join(bare, 'conf/one.yaml'), outDir: join(bare, 'conf/one'), package: {} }]);
    expect(() => selectClients({ config: 'missing.json' }, DEFAULTS, bare)).toThrow(ConfigError);
  });

  it('refuses an unknown client name, and package flags that would apply to several clients', () => {
    expect(() => selectClients({ client: 'gamma' }, DEFAULTS, project)).toThrow(new UsageError('no client named "gamma" (configured: stable, beta)'));
    expect(() => selectClients({ package: { packageName: 'x' } }, DEFAULTS, project)).toThrow(UsageError);
  });
});

describe('the schema validator', () => {
  it('refuses a schema keyword it does not implement, instead of ignoring it', () => {
    expect(() => validateAgainstSchema('x', { type: 'string', maxLength: 3 })).toThrow(/keyword "maxLength" is not supported/);
  });

  it('accepts an integer where a number is asked for, and follows $ref', () => {
    const schema = { $defs: { n: { type: 'number' } }, type: 'object', additionalProperties: { $ref: '#/$defs/n' } };
    expect(validateAgainstSchema({ a: 1, b: 1.5 }, schema)).toEqual([]);
    expect(validateAgainstSchema({ a: 'one' }, schema)).toEqual([{ pointer: '/a', message: 'must be a number, not a string' }]);
  });
});
