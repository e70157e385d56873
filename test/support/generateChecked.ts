// One small spec → a generated client in a fresh folder, type-checked under the package's own
// strict tsconfig: the end-to-end check of the tests that write their own specs.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { generate, type GenerateResult } from '../../generator/pipeline.ts';
import { tempDir, TSC } from '../helpers.ts';

/** Writes spec text into a fresh folder; returns the spec's path. */
export function writeSpec(text: string, prefix: string): string {
  const specPath = join(tempDir(prefix), 'spec.yaml');
  writeFileSync(specPath, text);
  return specPath;
}

/** Generates the spec into a fresh folder and expects tsc to find nothing in the client. */
export async function generateTypeChecked(specPath: string, prefix: string): Promise<{ result: GenerateResult; outDir: string }> {
  const outDir = join(tempDir(prefix), 'client');
  const result = await generate({ specPath, outDir });
  const tsc = spawnSync(process.execPath, [TSC, '-p', join(outDir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  return { result, outDir };
}
