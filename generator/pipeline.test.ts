import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.ts';
import { parseSpecText } from './load/loadSpec.ts';
import { generate } from './pipeline.ts';

const SPEC = `openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /things:
    get:
      operationId: listThings
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}}
`;

describe('generate', () => {
  it('works on the spec it is given already loaded, without reading the file again (generate --validate)', async () => {
    const missing = join(tempDir('preloaded'), 'not-there.yaml');
    const result = await generate({ specPath: missing, outDir: join(tempDir('preloaded-out'), 'client'), check: true, loaded: parseSpecText(SPEC, missing) });
    expect(result.operations).toBe(1);
    expect(result.models).toBe(1);
    expect(result.timings.load).toBeUndefined();
  });
});
