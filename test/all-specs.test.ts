// Every version of OpenAI's spec in ../shared (2022 to 2026) generates a client that
// type-checks under --strict; the one version whose YAML is broken gets a located error.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../generator/diagnostics.ts';
import { generate } from '../generator/pipeline.ts';
import { SPECS, sharedSpec, tempDir, TSC } from './helpers.ts';

// Upstream published this one with `enum: enum: [...]`, which is not YAML.
const BROKEN_UPSTREAM = '2023-06-28-a33b9f9.yaml.gz';

const versions = readFileSync(join(SPECS, 'versions.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0]!);

describe('every real spec version', () => {
  it('versions.tsv lists the 33 specs', () => {
    expect(versions).toHaveLength(33);
    expect(versions).toContain(BROKEN_UPSTREAM);
  });

  it.each(versions.filter((v) => v !== BROKEN_UPSTREAM))('%s generates and type-checks', { timeout: 300_000 }, async (version) => {
    const outDir = join(tempDir('version'), 'client');
    const result = await generate({ specPath: sharedSpec(version), outDir });
    expect(result.operations).toBeGreaterThan(0);
    const tsc = spawnSync(TSC, ['-p', join(outDir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
  });

  it(`${BROKEN_UPSTREAM} is rejected with the line of its YAML error`, async () => {
    const spec = sharedSpec(BROKEN_UPSTREAM);
    const failure = await generate({ specPath: spec, outDir: join(tempDir('broken'), 'client') }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(SpecError);
    expect((failure as SpecError).diagnostics[0]).toMatchObject({ file: spec, line: 1985, severity: 'error' });
  });
});
