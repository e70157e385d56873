// The release plan: versions from the diff's bump (pre-1.0 rules), the change-log entry, the last release.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiDiff } from '../generator/diff/diffIr.ts';
import { changelogEntry, lastRelease, nextVersion, prependChangelog } from '../scripts/release-plan.ts';

describe('nextVersion', () => {
  it.each([
    ['1.2.3', 'major', '2.0.0'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'patch', '1.2.4'],
    ['1.2.3', 'none', '1.2.3'],
    // before 1.0.0 a breaking change bumps the minor, anything else the patch
    ['0.3.1', 'major', '0.4.0'],
    ['0.3.1', 'minor', '0.3.2'],
    ['0.3.1', 'patch', '0.3.2'],
  ] as const)('%s + %s → %s', (current, bump, want) => {
    expect(nextVersion(current, bump)).toBe(want);
  });

  it('refuses a version it cannot bump', () => {
    expect(() => nextVersion('1.0.0-beta.1', 'minor')).toThrow(/is not MAJOR.MINOR.PATCH/);
  });
});

describe('changelog', () => {
  const diff: ApiDiff = {
    bump: 'major',
    summary: { breaking: 1, feature: 0, docs: 1 },
    changes: [
      { kind: 'breaking', path: 'Pet.na`me', message: 'property na`me removed\u001b[2J', base: '#/x', head: null, direction: 'output', group: 'Pet', deprecation: false },
      { kind: 'docs', path: 'PetsApi.getPet', message: 'operation deprecated', base: '#/y', head: '#/y', direction: 'both', group: 'PetsApi', deprecation: true },
    ],
  };

  it('one entry: heading, summary line, one item a change, spec text kept inert', () => {
    expect(changelogEntry('2.0.0', diff)).toBe(
      ['## 2.0.0', '', 'major: 1 breaking, 0 features, 1 docs', '', "- breaking: `Pet.na'me` property na`me removed\\u001b[2J", '- docs (deprecation): `PetsApi.getPet` operation deprecated', ''].join('\n'),
    );
  });

  it('new entries go on top, below the title', () => {
    const first = prependChangelog(undefined, '## 1.0.0\n');
    expect(first).toBe('# Changelog\n\n## 1.0.0\n');
    expect(prependChangelog(first, '## 1.1.0\n')).toBe('# Changelog\n\n## 1.1.0\n\n## 1.0.0\n');
  });
});

describe('lastRelease', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

  it('is the newest generated-v tag, else the commit that last changed generated/package.json', () => {
    const repo = mkdtempSync(join(tmpdir(), 'release-plan-'));
    git(repo, 'init', '-q');
    expect(lastRelease(repo, '1.0.0')).toBeUndefined();
    mkdirSync(join(repo, 'generated'));
    writeFileSync(join(repo, 'generated/package.json'), '{}');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'first');
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    expect(lastRelease(repo, '1.0.0')).toEqual({ ref: commit, version: '1.0.0', from: `generated/package.json 1.0.0 as of ${commit.slice(0, 7)}` });
    git(repo, 'tag', 'generated-v1.2.0');
    git(repo, 'tag', 'generated-v1.10.0');
    git(repo, 'tag', 'generated-vnot-a-version');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'next');
    expect(lastRelease(repo, '1.0.0')).toMatchObject({ ref: 'generated-v1.10.0', version: '1.10.0' });
    // The tag being released (on HEAD, as in the release workflow) is not the last release.
    git(repo, 'tag', 'generated-v1.11.0');
    expect(lastRelease(repo, '1.0.0')).toMatchObject({ ref: 'generated-v1.10.0', version: '1.10.0' });
  });
});
