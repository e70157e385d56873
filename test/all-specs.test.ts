// The optional sweep: every version of OpenAI's spec in the larger corpus beside the checkout
// (../shared/specs/openai, 2022 to 2026) generates a client that type-checks under --strict, and
// the one version whose YAML is broken gets a located error. A clone without the corpus says so
// in one line and runs nothing here; the committed fixtures (full-spec, api-diff) always run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVersions } from '../scripts/derive-fixture.ts';
import { generate } from '../generator/pipeline.ts';
import { CORPUS_SPECS, tempDir, TSC } from './helpers.ts';
import { BROKEN_UPSTREAM, expectBrokenYamlRejected } from './support/brokenUpstream.ts';

const TSV = join(CORPUS_SPECS, 'versions.tsv');
const present = existsSync(TSV);
if (!present) console.log(`all-specs: the optional corpus ${CORPUS_SPECS} is absent; the every-version sweep is skipped.`);
const versions = present ? readVersions(TSV).map((row) => row.file) : [];

describe.skipIf(!present)('every real spec version', () => {
  it('versions.tsv lists the 33 specs', () => {
    expect(versions).toHaveLength(33);
    expect(versions).toContain(BROKEN_UPSTREAM);
  });

  it.each(versions.filter((v) => v !== BROKEN_UPSTREAM))('%s generates and type-checks', { timeout: 300_000 }, async (version) => {
    const outDir = join(tempDir('version'), 'client');
    const result = await generate({ specPath: join(CORPUS_SPECS, version), outDir });
    expect(result.operations).toBeGreaterThan(0);
    const tsc = spawnSync(TSC, ['-p', join(outDir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
  });

  it(`${BROKEN_UPSTREAM} is rejected with the line of its YAML error`, async () => {
    await expectBrokenYamlRejected(join(CORPUS_SPECS, BROKEN_UPSTREAM));
  });
});
