// `npm run release`, the real path, end to end: a temporary repository holding this checkout's
// generator and a small spec, a released 1.0.0 tag, a spec change, then the release against a
// loopback fake npm registry (never the real one: npm is pointed at 127.0.0.1 with a dummy token
// in a temporary userconfig). The release must bump by the computed bump, prepend the change
// log, commit and tag, and publish that version; it must refuse a dirty tree and a stale client.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers.ts';

/** What the generator needs to run in another folder (tests, fixtures and the committed client stay behind). */
const GENERATOR_FILES = ['generator', 'templates', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', '.gitignore'];

interface Publish {
  name: string;
  versions: string[];
  authorization: string | undefined;
  tarballs: number;
}

/** A registry that answers `npm view` and `npm publish` for whatever it was sent, and nothing else. */
class FakeRegistry {
  readonly publishes: Publish[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > 20 * 1024 * 1024) request.destroy();
        else chunks.push(chunk);
      });
      request.on('end', () => {
        const name = decodeURIComponent((request.url ?? '/').slice(1).split('?')[0] ?? '');
        const reply = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (request.method === 'PUT') {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          this.publishes.push({ name: body.name, versions: Object.keys(body.versions ?? {}), authorization: request.headers.authorization, tarballs: Object.keys(body._attachments ?? {}).length });
          return reply(201, { ok: true });
        }
        const published = this.publishes.filter((p) => p.name === name);
        if (request.method === 'GET' && published.length > 0) {
          const versions = Object.fromEntries(published.flatMap((p) => p.versions).map((v) => [v, { name, version: v }]));
          return reply(200, { name, versions, 'dist-tags': { latest: Object.keys(versions).at(-1) } });
        }
        reply(404, { error: 'Not found' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function spec(petProperties: Record<string, unknown>): string {
  return JSON.stringify({
    openapi: '3.0.0',
    info: { title: 'Pets', version: '1' },
    paths: {
      '/pets/{id}': {
        get: {
          operationId: 'getPet',
          tags: ['Pets'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
        },
      },
    },
    components: { schemas: { Pet: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, ...petProperties } } } },
  });
}

describe('npm run release, against a fake registry', { timeout: 600_000 }, () => {
  const registry = new FakeRegistry();
  const work = mkdtempSync(join(tmpdir(), 'release-e2e-'));
  const repo = join(work, 'repo');
  let env: NodeJS.ProcessEnv;

  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const generate = () => execFileSync(process.execPath, [join(repo, 'node_modules/tsx/dist/cli.mjs'), 'generator/cli.ts', 'generate', '--quiet'], { cwd: repo, env, stdio: 'pipe' });
  const writeSpec = (text: string) => writeFileSync(join(repo, 'spec/openapi.yaml'), text);
  const commitAll = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  /** `npm run release` in the repository, asynchronously: the fake registry answers from this process. */
  const release = (args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}) =>
    new Promise<{ status: number; output: string }>((resolve) => {
      const child = spawn('npm', ['run', 'release', '--', ...args], { cwd: repo, env: { ...env, ...extraEnv } });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (status) => resolve({ status: status ?? -1, output }));
    });
  const readJson = (file: string) => JSON.parse(readFileSync(join(repo, file), 'utf8'));

  beforeAll(async () => {
    const url = await registry.start();
    const userconfig = join(work, 'npmrc');
    writeFileSync(userconfig, `registry=${url}\n//${url.replace(/^http:\/\//, '')}:_authToken=dummy-token-for-the-fake-registry\n`);
    env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|NODE_AUTH_TOKEN$|GITHUB_)/i.test(key))),
      npm_config_userconfig: userconfig,
      npm_config_registry: url,
      npm_config_cache: join(work, 'npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      GIT_AUTHOR_NAME: 'Release Test',
      GIT_AUTHOR_EMAIL: 'release@example.invalid',
      GIT_COMMITTER_NAME: 'Release Test',
      GIT_COMMITTER_EMAIL: 'release@example.invalid',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    };
    mkdirSync(join(repo, 'spec'), { recursive: true });
    for (const file of GENERATOR_FILES) cpSync(join(REPO, file), join(repo, file), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(repo, 'node_modules'), 'dir');
    writeFileSync(join(repo, 'codegen.config.json'), JSON.stringify({ clients: { openai: { spec: 'spec/openapi.yaml', out: 'generated', packageName: 'openapi-openai', packageVersion: '1.0.0' } } }, null, 2) + '\n');
    writeSpec(spec({ name: { type: 'string' } }));
    git('init', '-q', '-b', 'main');
    // The symlink is no folder to .gitignore's `node_modules/`.
    writeFileSync(join(repo, '.git/info/exclude'), 'node_modules\n');
    generate();
    commitAll('1.0.0');
    git('tag', 'generated-v1.0.0');
  }, 300_000);

  afterAll(async () => {
    await registry.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses a dirty tree, and a generated/ that is not what the spec gives', async () => {
    writeFileSync(join(repo, 'notes.txt'), 'work in progress\n');
    const dirty = await release();
    expect(dirty.status).toBe(2);
    expect(dirty.output).toContain('release refused: the working tree has uncommitted changes');
    rmSync(join(repo, 'notes.txt'));

    writeSpec(spec({ name: { type: 'string' }, nickname: { type: 'string' } }));
    commitAll('spec: nickname (client not regenerated)');
    const stale = await release();
    expect(stale.status).toBe(2);
    expect(stale.output).toContain('release refused: generated/ is not what codegen.config.json gives');
    expect(registry.publishes).toEqual([]);
  });

  it('bumps by the API diff, prepends the change log, commits, tags and publishes that version', async () => {
    generate();
    commitAll('regenerate');
    const dry = await release(['--dry-run']);
    expect(dry.status, dry.output).toBe(0);
    expect(dry.output).toContain('version: 1.0.0 → 1.1.0');
    expect(git('status', '--porcelain')).toBe('');
    expect(registry.publishes).toEqual([]);

    const run = await release();
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('api diff: minor: 0 breaking, 1 feature, 0 docs');
    expect(readJson('codegen.config.json').clients.openai.packageVersion).toBe('1.1.0');
    expect(readJson('generated/package.json').version).toBe('1.1.0');
    expect(readFileSync(join(repo, 'generated/CHANGELOG.md'), 'utf8')).toBe(
      ['# Changelog', '', '## 1.1.0', '', 'minor: 0 breaking, 1 feature, 0 docs', '', '- feature: `Pet.nickname` optional property nickname added', ''].join('\n'),
    );
    expect(git('status', '--porcelain')).toBe('');
    expect(git('log', '-1', '--format=%s')).toBe('Release generated-v1.1.0');
    expect(git('tag', '--points-at', 'HEAD')).toBe('generated-v1.1.0');
    expect(registry.publishes).toEqual([{ name: 'openapi-openai', versions: ['1.1.0'], authorization: 'Bearer dummy-token-for-the-fake-registry', tarballs: 1 }]);
  });

  it('on the pushed tag (the release workflow) publishes nothing twice', async () => {
    const run = await release([], { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'generated-v1.1.0' });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('version: 1.1.0, prepared in generated-v1.1.0');
    expect(run.output).toContain('openapi-openai@1.1.0 is already on the registry');
    expect(registry.publishes).toHaveLength(1);
    expect(git('status', '--porcelain')).toBe('');
  });
});
