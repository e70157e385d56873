// The one published version of OpenAI's spec whose YAML is broken, checked both as a committed
// fixture (full-spec) and, when the optional corpus is present, as published (all-specs).
import { join } from 'node:path';
import { expect } from 'vitest';
import { SpecError } from '../../generator/errors.ts';
import { generate } from '../../generator/pipeline.ts';
import { lineOf, tempDir } from '../helpers.ts';

/** Upstream published this one with `enum: enum: [...]`, which is not YAML. */
export const BROKEN_UPSTREAM = '2023-06-28-a33b9f9.yaml.gz';

/** Generating from `spec` fails with one located error at the line of `enum: enum:`, writing nothing. */
export async function expectBrokenYamlRejected(spec: string): Promise<void> {
  const failure = await generate({ specPath: spec, outDir: join(tempDir('broken'), 'client') }).catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(SpecError);
  expect((failure as SpecError).diagnostics[0]).toMatchObject({ file: spec, line: lineOf(spec, 'enum: enum:'), severity: 'error' });
}
