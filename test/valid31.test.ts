// Shapes OpenAPI 3.1 made valid that 3.0 refused: a document without `paths` (webhooks or
// components only) and an operation without `responses`. Both generate a client that type-checks.
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../generator/pipeline.ts';
import { generateTypeChecked, writeSpec } from './support/generateChecked.ts';

const WEBHOOKS_ONLY = `openapi: 3.1.0
info: {title: Hooks, version: '1'}
webhooks:
  petAdded:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Pet'}
      responses:
        '200': {description: ok}
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
`;

const NO_RESPONSES = `openapi: 3.1.0
info: {title: Quiet, version: '1'}
paths:
  /ping:
    post:
      operationId: ping
`;

async function generatesAndTypeChecks(text: string) {
  return (await generateTypeChecked(writeSpec(text, 'valid31'), 'valid31')).result;
}

describe('valid 3.1 shapes', () => {
  it('a webhooks-only document (no paths) generates its models', async () => {
    const result = await generatesAndTypeChecks(WEBHOOKS_ONLY);
    expect(result.operations).toBe(0);
    expect(result.ir.models.map((m) => m.name)).toContain('Pet');
  });

  it('an operation without responses generates a method', async () => {
    const result = await generatesAndTypeChecks(NO_RESPONSES);
    expect(result.operations).toBe(1);
  });

  it('3.0 still requires paths and responses, with located errors', async () => {
    for (const [text, message] of [
      [WEBHOOKS_ONLY.replace('3.1.0', '3.0.3'), /spec\.yaml:1:1 error at #: paths must be an object/],
      [NO_RESPONSES.replace('3.1.0', '3.0.3'), /spec\.yaml:6:7 error at #\/paths\/~1ping\/post\/responses: an operation needs responses/],
    ] as const) {
      const specPath = writeSpec(text, 'valid30');
      await expect(generate({ specPath, outDir: join(dirname(specPath), 'client') })).rejects.toThrow(message);
    }
  });
});
