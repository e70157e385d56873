// What a release is, decided without side effects: the version that follows from the API diff
// since the last release, and the change-log entry that says why.
//
// Versions follow semver from the classified diff: breaking → major, feature → minor, docs →
// patch. Before 1.0.0 (npm's caret treats 0.x minors as breaking) everything moves one place
// right: breaking → minor, feature and docs → patch.
import { execFileSync } from 'node:child_process';
import type { ApiDiff, Bump } from '../generator/diff/diffIr.ts';
import { summaryLine, terminalText } from '../generator/diff/format.ts';

export const RELEASE_TAG_PREFIX = 'generated-v';

export function nextVersion(current: string, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (!match) throw new Error(`generated/package.json's version ${JSON.stringify(current)} is not MAJOR.MINOR.PATCH`);
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (bump === 'none') return current;
  const effective: Bump = major > 0 ? bump : bump === 'major' ? 'minor' : 'patch';
  if (effective === 'major') return `${major + 1}.0.0`;
  if (effective === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** The change-log entry: a heading, the summary line, then one list item a change (deprecations marked). */
export function changelogEntry(version: string, diff: ApiDiff): string {
  const items = diff.changes.map((c) => `- ${c.kind}${c.deprecation ? ' (deprecation)' : ''}: \`${terminalText(c.path).replace(/`/g, "'")}\` ${terminalText(c.message)}`);
  return [`## ${version}`, '', summaryLine(diff), '', ...items, ''].join('\n');
}

/** Prepends an entry below the file's title, creating the file's title when there is none. */
export function prependChangelog(existing: string | undefined, entry: string): string {
  const title = '# Changelog\n\n';
  const rest = existing?.startsWith(title) ? existing.slice(title.length) : (existing ?? '');
  return title + entry + (rest ? '\n' + rest : '');
}

export interface LastRelease {
  /** The git ref whose spec was released. */
  ref: string;
  version: string;
  /** How it was found, for the report. */
  from: string;
}

/**
 * The last released state: the newest `generated-vX.Y.Z` tag that is not on the commit being
 * released (the workflow runs on the pushed tag itself), or else the commit that last changed
 * generated/package.json, at the version recorded there.
 */
export function lastRelease(cwd: string, recordedVersion: string): LastRelease | undefined {
  if (!hasCommit(cwd)) return undefined;
  const tags = git(cwd, ['tag', '--list', `${RELEASE_TAG_PREFIX}*`, '--no-contains', 'HEAD', '--sort=-v:refname']).split('\n').filter((t) => /^generated-v\d+\.\d+\.\d+$/.test(t));
  const newest = tags[0];
  if (newest !== undefined) return { ref: newest, version: newest.slice(RELEASE_TAG_PREFIX.length), from: `tag ${newest}` };
  const commit = git(cwd, ['log', '-1', '--format=%H', '--', 'generated/package.json']);
  if (!commit) return undefined;
  return { ref: commit, version: recordedVersion, from: `generated/package.json ${recordedVersion} as of ${commit.slice(0, 7)}` };
}

function hasCommit(cwd: string): boolean {
  try {
    git(cwd, ['rev-parse', '--verify', '-q', 'HEAD']);
    return true;
  } catch {
    return false;
  }
}

export function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}
