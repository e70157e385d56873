// The README's promise, checked as a new user would meet it: the committed repository, cloned
// into an empty folder with nothing beside it, installs, regenerates to the committed client, and
// passes the suite (all but the oracle tests, which need Java, and this test itself).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateJar } from '../generator/oracle/jar.ts';
import { REPO, tempDir } from './helpers.ts';

const MINUTE = 60_000;

/** The environment without the outer vitest's own variables, so the inner run starts as from a shell. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TINYPOOL)/.test(key) && key !== 'NODE_ENV'));
}

function run(cwd: string, command: string, args: string[], timeout: number) {
  const options: SpawnSyncOptions = { cwd, env: userEnv(), encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 };
  const r = spawnSync(command, args, options);
  const output = `${String(r.stdout)}\n${String(r.stderr)}`.slice(-4000);
  return { code: r.status, output, timedOut: r.error !== undefined };
}

/** The jar `npm test` would fetch, given from the local cache so that the run stays offline. */
function provideJar(clone: string): void {
  const jar = locateJar();
  const target = join(clone, '.cache/openapi-generator', basename(jar));
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(jar, target);
  } catch {
    copyFileSync(jar, target);
  }
}

function expectSuccess(r: ReturnType<typeof run>, step: string): void {
  expect(r.timedOut, `${step} timed out`).toBe(false);
  expect(r.code, `${step}:\n${r.output}`).toBe(0);
}

describe('a fresh clone, with nothing beside it', () => {
  it('runs npm ci, generate --check and the non-oracle suite, and stays clean', { timeout: 30 * MINUTE }, () => {
    const parent = tempDir('fresh-clone');
    const clone = join(parent, 'repo');
    try {
      expect(run(parent, 'git', ['clone', '--quiet', REPO, clone], 2 * MINUTE).code).toBe(0);
      expect(existsSync(join(parent, 'shared')), 'nothing beside the clone').toBe(false);

      const steps: Array<[string, string[], number]> = [
        ['npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], 10 * MINUTE],
        ['npm', ['run', 'generate', '--', '--check'], 2 * MINUTE],
        ['npm', ['run', 'typecheck'], 3 * MINUTE],
      ];
      for (const [command, args, timeout] of steps) expectSuccess(run(clone, command, args, timeout), `${command} ${args.join(' ')}`);

      provideJar(clone);
      const report = join(parent, 'vitest.json');
      const suite = run(clone, 'node_modules/.bin/vitest', ['run', '--exclude', 'test/oracle/**', '--exclude', 'test/fresh-clone.test.ts', '--reporter=default', '--reporter=json', `--outputFile=${report}`], 20 * MINUTE);
      expectSuccess(suite, 'vitest run');
      expect(suite.output).toMatch(/the optional corpus \S+ is absent/);
      // Every test ran but the optional sweep's.
      const results = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; testResults: Array<{ name: string; assertionResults: Array<{ status: string; fullName: string }> }> };
      const notRun = results.testResults.flatMap((file) => file.assertionResults.filter((t) => t.status !== 'passed').map((t) => `${relative(clone, file.name)}: ${t.fullName}`));
      expect(notRun.every((t) => t.startsWith('test/all-specs.test.ts: ')), notRun.join('\n')).toBe(true);
      expect(results.numPassedTests).toBeGreaterThan(0);

      expect(run(clone, 'git', ['status', '--porcelain'], MINUTE).output.trim()).toBe('');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
