// npm run release -- [--dry-run]
//
// 1. refuses a dirty tree or a stale generated/ (as `generate --check` sees it);
// 2. diffs the spec against the last release (scripts/release-plan.ts) and computes the version;
// 3. prepares the release, unless HEAD already is it (tagged generated-vX.Y.Z at that version, as
//    when the release workflow runs on the pushed tag): records the version in
//    codegen.config.json (generated/package.json is generated from it, so generated/ stays
//    fresh), regenerates, prepends generated/CHANGELOG.md, commits that and tags the commit;
// 4. packs a copy of generated/ (built by its prepack script with this repository's compiler),
//    runs publint and attw on the tarball, and `npm publish`es it: `--provenance` in CI that
//    supports it (GitHub Actions with an OIDC token), `--dry-run` when dry. A version the
//    registry already has is not published again (the workflow on the pushed tag after a local
//    release).
// With --dry-run nothing in the repository changes and nothing is published.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiDiff, clientAt } from '../generator/diff/apiDiffCommand.ts';
import { summaryLine } from '../generator/diff/format.ts';
import { irOfSpecFile } from '../generator/diff/loadIr.ts';
import { REPO_ROOT } from '../generator/files.ts';
import { changelogEntry, git, lastRelease, nextVersion, prependChangelog, RELEASE_TAG_PREFIX } from './release-plan.ts';

const CLIENT = 'openai';
const SPEC = 'spec/openapi.yaml';
const OUT = join(REPO_ROOT, 'generated');
const CONFIG = join(REPO_ROOT, 'codegen.config.json');

function main(dryRun: boolean): number {
  const dirty = git(REPO_ROOT, ['status', '--porcelain']);
  if (dirty) return refuse(`the working tree has uncommitted changes; commit them first:\n${dirty}`);
  const check = runGenerate(['--check']);
  if (check.status !== 0) return refuse(`generated/ is not what codegen.config.json gives (run npm run generate and commit):\n${check.output}`);

  const recorded = readJson(join(OUT, 'package.json')).version as string;
  const last = lastRelease(REPO_ROOT, recorded);
  const head = irOfSpecFile(join(REPO_ROOT, SPEC));
  const diff = last ? apiDiff(clientAt(last.ref, SPEC, REPO_ROOT), head) : undefined;
  const bump = diff?.bump ?? 'none';
  const version = last ? nextVersion(last.version, bump) : recorded;
  console.log(`last release: ${last?.from ?? 'none (first release)'}`);
  console.log(`api diff: ${diff ? summaryLine(diff) : 'none'}`);
  if (last && bump === 'none') {
    console.log(`nothing to release: the API is unchanged since ${last.from}`);
    return 0;
  }
  const tag = `${RELEASE_TAG_PREFIX}${version}`;
  const pushedTag = process.env.GITHUB_REF_TYPE === 'tag' ? process.env.GITHUB_REF_NAME : undefined;
  if (pushedTag && pushedTag !== tag) return refuse(`the pushed tag ${pushedTag} does not match the computed version ${version}`);
  const prepared = recorded === version && git(REPO_ROOT, ['tag', '--points-at', 'HEAD']).split('\n').includes(tag);
  if (pushedTag && !prepared) return refuse(`${pushedTag} is not on a prepared release commit: run npm run release where you tag, and push its commit and tag`);
  const changelogPath = join(OUT, 'CHANGELOG.md');
  let changelog: string;
  if (prepared) {
    console.log(`version: ${version}, prepared in ${tag}`);
    changelog = readFileSync(changelogPath, 'utf8');
  } else {
    console.log(`version: ${recorded} → ${version}`);
    const entry = diff ? changelogEntry(version, diff) : `## ${version}\n\nFirst release.\n`;
    console.log(`\nCHANGELOG.md entry:\n\n${entry}`);
    changelog = prependChangelog(existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined, entry);
    if (!dryRun) prepare(version, changelog, tag);
  }
  publish(version, changelog, dryRun);
  if (!dryRun) console.log(`released ${version}: push the commit and the tag ${tag}`);
  return 0;
}

/** Writes the release into the repository: version, regenerated client, change log; one commit, one tag. */
function prepare(version: string, changelog: string, tag: string): void {
  const config = readJson(CONFIG);
  config.clients[CLIENT].packageVersion = version;
  writeFileSync(CONFIG, JSON.stringify(config, null, 2) + '\n');
  const regenerated = runGenerate([]);
  if (regenerated.status !== 0) throw new Error(`npm run generate failed:\n${regenerated.output}`);
  writeFileSync(join(OUT, 'CHANGELOG.md'), changelog);
  git(REPO_ROOT, ['add', '--', CONFIG, OUT]);
  git(REPO_ROOT, ['commit', '-q', '-m', `Release ${tag}`]);
  git(REPO_ROOT, ['tag', tag]);
  console.log(`committed and tagged ${tag}`);
}

/** Packs a copy of generated/ at `version`, checks the tarball, publishes it (or pretends to). */
function publish(version: string, changelog: string, dryRun: boolean): void {
  const work = mkdtempSync(join(tmpdir(), 'release-'));
  try {
    const pkgDir = join(work, 'package');
    cpSync(OUT, pkgDir, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) });
    const pkg = readJson(join(pkgDir, 'package.json'));
    pkg.version = version;
    writeFileSync(join(pkgDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
    writeFileSync(join(pkgDir, 'CHANGELOG.md'), changelog);
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(pkgDir, 'node_modules'), 'dir');
    const bin = join(REPO_ROOT, 'node_modules/.bin');
    const env = { ...process.env, PATH: `${join(REPO_ROOT, 'node_modules/typescript/bin')}:${bin}:${process.env.PATH}` };
    const run = (cmd: string, args: string[], cwd = work) => {
      console.log(`$ ${cmd} ${args.join(' ')}`);
      return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    };
    const tarball = run('npm', ['pack', pkgDir, '--pack-destination', work, '--silent']).trim().split('\n').pop()!;
    console.log(run(join(bin, 'publint'), ['run', '--strict', tarball]).trim());
    console.log(run(join(bin, 'attw'), [tarball, '--format', 'table-flipped']).trim());
    if (!dryRun && isPublished(pkg.name, version, env)) {
      console.log(`${pkg.name}@${version} is already on the registry: nothing to publish`);
      return;
    }
    const provenance = process.env.GITHUB_ACTIONS === 'true' && process.env.ACTIONS_ID_TOKEN_REQUEST_URL ? ['--provenance'] : [];
    console.log(run('npm', ['publish', tarball, ...provenance, ...(dryRun ? ['--dry-run'] : [])]).trim());
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Whether the registry has this version; a package it has never seen (E404) has none. */
function isPublished(name: string, version: string, env: NodeJS.ProcessEnv): boolean {
  const view = spawnSync('npm', ['view', `${name}@${version}`, 'version', '--json'], { env, encoding: 'utf8', timeout: 60_000 });
  if (view.status === 0) return view.stdout.trim() !== '';
  if (/\bE404\b/.test(`${view.stdout}${view.stderr}`)) return false;
  throw new Error(`npm view ${name}@${version} failed: ${`${view.stdout}${view.stderr}`.trim().split('\n').slice(0, 3).join(' ')}`);
}

/** `npm run generate` as a user runs it: every client of codegen.config.json, exactly as configured. */
function runGenerate(flags: string[]): { status: number; output: string } {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), join(REPO_ROOT, 'generator/cli.ts'), 'generate', '--quiet', ...flags], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status ?? 2, output: `${result.stdout}${result.stderr}`.trim() };
}

function readJson(file: string) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function refuse(reason: string): number {
  console.error(`release refused: ${reason}`);
  return 2;
}

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dry-run');
if (unknown.length > 0) {
  console.error(`usage: npm run release -- [--dry-run]   (unknown: ${unknown.join(' ')})`);
  process.exitCode = 2;
} else {
  process.exitCode = main(args.includes('--dry-run'));
}
