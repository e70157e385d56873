// Parity with openapi-generator's Ruby client on real specs (the newest as a committed fixture): our generator must write the
// same API classes, operations, models and docs. Heavy (a Java run over the full OpenAI spec);
// every missing piece (generate(), a spec, Java, the jar) makes these tests fail, never skip.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../generator/files.ts';
import { generateRubyClient } from '../../generator/oracle/openapiGenerator.ts';
import { compareInventories, readOursInventory, readRubyInventory, type ParityReport } from '../../generator/oracle/parity.ts';
import { newestSpec } from '../helpers.ts';

type Generate = (opts: { specPath: string; outDir: string }) => Promise<unknown>;

async function loadGenerate(): Promise<Generate> {
  const file = path.join(REPO_ROOT, 'generator/pipeline.ts');
  expect(existsSync(file), 'generator/pipeline.ts must exist').toBe(true);
  const mod = (await import(pathToFileURL(file).href)) as { generate?: unknown };
  expect(typeof mod.generate, 'generator/pipeline.ts must export generate()').toBe('function');
  return mod.generate as Generate;
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parity-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function parityFor(specPath: string, name: string): Promise<ParityReport> {
  expect(existsSync(specPath), `${specPath} is missing`).toBe(true);
  const generate = await loadGenerate();
  const rubyDir = path.join(work, `${name}-ruby`);
  const oursDir = path.join(work, `${name}-ours`);
  await Promise.all([generateRubyClient(specPath, rubyDir), generate({ specPath, outDir: oursDir })]);
  const [ruby, ours] = await Promise.all([readRubyInventory(rubyDir), readOursInventory(oursDir)]);
  expect(ruby.apis.length, 'openapi-generator wrote no API class').toBeGreaterThan(0);
  return compareInventories(ruby, ours);
}

describe('parity with openapi-generator 7.x (Ruby)', () => {
  it('spec/openapi.yaml: every API class, operation, model and doc', { timeout: 600_000 }, async () => {
    const report = await parityFor(path.join(REPO_ROOT, 'spec/openapi.yaml'), 'spec');
    for (const category of ['apis', 'operations', 'models', 'docs'] as const) {
      const p = report.categories[category];
      // A model named like a JavaScript global (`Error`) is `ModelError` on our side, on purpose.
      const renamed = p.missingOnOurSide.filter((name) => p.extraOnOurSide.includes(`Model${name}`));
      expect(renamed, `${category} renamed from a global`).toEqual(category === 'models' || category === 'docs' ? ['Error'] : []);
      expect(p.missingOnOurSide.filter((name) => !renamed.includes(name)), `${category} missing on our side`).toEqual([]);
      expect(p.matchedByNormalization, `${category} whose names differ only in case, _ or -`).toEqual([]);
      expect(p.matched + renamed.length, category).toBe(p.ruby);
    }
  });

  it('newest full OpenAI spec: every API class and operation, and 95% of models', { timeout: 600_000 }, async () => {
    const report = await parityFor(newestSpec(), 'latest');
    for (const category of ['apis', 'operations'] as const) {
      const p = report.categories[category];
      expect(p.missingOnOurSide, `${category} missing on our side`).toEqual([]);
      expect(p.matchedByNormalization, `${category} whose names differ only in case, _ or -`).toEqual([]);
      expect(p.percent, category).toBe(100);
    }
    const models = report.categories.models;
    expect(models.percent, `models missing on our side: ${models.missingOnOurSide.join(', ')}`).toBeGreaterThanOrEqual(95);
  });
});
