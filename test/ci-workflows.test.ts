// The GitHub Actions workflows, tested through what they run (no hosted runner): every command
// they call exists, spec-controlled values reach shells only through env, the PR report gives
// the comment and label, and the sticky-comment script edits its own comment instead of adding one.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMENT_MARKER, prReport } from '../scripts/ci/pr-report.ts';
import { REPO } from './helpers.ts';

const API_DIFF_WORKFLOW = join(REPO, '.github/workflows/api-diff.yml');
const RELEASE_WORKFLOW = join(REPO, '.github/workflows/release.yml');
const WORKFLOWS = [API_DIFF_WORKFLOW, RELEASE_WORKFLOW];
const runSteps = (file: string): string[] => Object.values(parse(readFileSync(file, 'utf8')).jobs as Record<string, { steps: Array<{ run?: string }> }>).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run] : [])));

describe('workflows', () => {
  it('call only npm scripts and files that exist', () => {
    const scripts = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const file of WORKFLOWS) {
      for (const run of runSteps(file)) {
        for (const [, name = ''] of run.matchAll(/npm run ([\w:-]+)/g)) expect(scripts, `${file}: npm run ${name}`).toHaveProperty([name]);
        for (const [path] of run.matchAll(/scripts\/[\w/.-]+\.(?:ts|sh)/g)) expect(existsSync(join(REPO, path)), `${file}: ${path}`).toBe(true);
      }
    }
  });

  it('pass event values to shells through env, never spliced into a script', () => {
    for (const file of WORKFLOWS) for (const run of runSteps(file)) expect(run).not.toContain('${{');
  });

  it('the PR workflow checks freshness, then diffs against the base branch, then comments', () => {
    const runs = runSteps(API_DIFF_WORKFLOW).join('\n');
    expect(runs.indexOf('npm run generate -- --check')).toBeLessThan(runs.indexOf('scripts/ci/pr-report.ts --base "origin/$BASE_REF"'));
    expect(runs).toContain('scripts/ci/sticky-comment.sh');
    expect(runSteps(RELEASE_WORKFLOW)).toContain('npm run release');
  });
});

/** A git repository whose committed spec differs from the working tree's by `change`. */
function repoWithChange(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ci-pr-'));
  const spec = (props: Record<string, unknown>) =>
    JSON.stringify({
      openapi: '3.0.0',
      info: { title: 'T', version: '1' },
      paths: { '/a': { get: { operationId: 'getA', tags: ['A'], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } } },
      components: { schemas: { A: { type: 'object', properties: props } } },
    });
  mkdirSync(join(dir, 'spec'));
  writeFileSync(join(dir, 'spec/openapi.yaml'), spec({ id: { type: 'string' } }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  writeFileSync(join(dir, 'spec/openapi.yaml'), spec({ id: { type: 'string' }, name: { type: 'string' } }));
  return dir;
}

describe('pr-report', () => {
  it('labels by the bump (an unchanged API is a patch) and marks the body', () => {
    const empty = { bump: 'none', summary: { breaking: 0, feature: 0, docs: 0 }, changes: [] } as const;
    expect(prReport({ ...empty, changes: [] }).label).toBe('semver:patch');
    expect(prReport({ ...empty, changes: [], bump: 'major' }).label).toBe('semver:major');
    expect(prReport({ ...empty, changes: [], bump: 'minor' }).body.startsWith(`${COMMENT_MARKER}\n## API changes: minor`)).toBe(true);
  });

  it('as the workflow runs it: writes the body and prints the label for $GITHUB_OUTPUT', { timeout: 60_000 }, () => {
    const dir = repoWithChange();
    const out = execFileSync(process.execPath, [join(REPO, 'node_modules/tsx/dist/cli.mjs'), join(REPO, 'scripts/ci/pr-report.ts'), '--base', 'HEAD', '--body', 'api-diff.md'], { cwd: dir, encoding: 'utf8' });
    expect(out).toBe('label=semver:minor\n');
    expect(readFileSync(join(dir, 'api-diff.md'), 'utf8')).toContain('- `A.name`: optional property name added');
  });
});

describe('sticky-comment.sh', () => {
  /** Runs the script with a fake `gh` that logs its calls and reports an existing comment when asked. */
  function runSticky(existingId: string, label = 'semver:minor', body = `${COMMENT_MARKER}\nreport`) {
    const dir = mkdtempSync(join(tmpdir(), 'ci-sticky-'));
    const log = join(dir, 'calls.log');
    writeFileSync(join(dir, 'gh'), `#!/usr/bin/env bash\necho "$*" >> "${log}"\ncase "$*" in (*--paginate*) echo "${existingId}";; esac\n`);
    chmodSync(join(dir, 'gh'), 0o755);
    writeFileSync(join(dir, 'body.md'), body);
    const result = spawnSync('bash', [join(REPO, 'scripts/ci/sticky-comment.sh'), '42', join(dir, 'body.md'), label], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, GITHUB_REPOSITORY: 'o/r' }, encoding: 'utf8' });
    return { status: result.status, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
  }

  it('edits its own earlier comment', () => {
    const { status, calls } = runSticky('777');
    expect(status).toBe(0);
    expect(calls).toContain(`api --method PATCH repos/o/r/issues/comments/777 -F body=@${calls.find((c) => c.includes('PATCH'))!.split('body=@')[1]}`);
    expect(calls.some((c) => c.includes('--method POST'))).toBe(false);
  });

  it('creates the comment when there is none, and sets exactly one semver label', () => {
    const { status, calls } = runSticky('');
    expect(status).toBe(0);
    expect(calls.some((c) => c.startsWith('api --method POST repos/o/r/issues/42/comments'))).toBe(true);
    expect(calls.filter((c) => c.includes('--add-label'))).toEqual(['pr edit 42 --repo o/r --add-label semver:minor']);
    expect(calls.filter((c) => c.includes('--remove-label')).length).toBe(2);
  });

  it('refuses a label or body it did not make', () => {
    expect(runSticky('', 'semver:$(reboot)').status).toBe(2);
    expect(runSticky('', 'semver:minor', 'no marker').status).toBe(2);
  });

  it('looks for the same marker the report writes', () => {
    expect(readFileSync(join(REPO, 'scripts/ci/sticky-comment.sh'), 'utf8')).toContain(`marker='${COMMENT_MARKER}'`);
  });
});
