import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test/helpers.ts';
import { parseSpecText } from './load/loadSpec.ts';
import { buildClient, DEFAULT_SPEC, generate } from './pipeline.ts';
import { ParsePool } from './postprocess/parsePool.ts';
import { isModule } from './postprocess/surface.ts';

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

  it('gives the same files when a worker thread parses the modules (as for the largest specs) as when the main thread does', async () => {
    const results = vi.spyOn(ParsePool.prototype, 'results');
    try {
      const inWorker = await generate({ specPath: DEFAULT_SPEC, outDir: join(tempDir('worker-parse'), 'client'), check: true, workerParseMinModules: 0 });
      // The worker answered for every module of the rendered tree (src/index.ts is written from its answers).
      const parsed = await results.mock.results[0]!.value;
      expect(parsed.size).toBe([...inWorker.files.keys()].filter((p) => isModule(p) && p !== 'src/index.ts').length);
      expect(inWorker.files).toEqual(buildClient(DEFAULT_SPEC).files);
    } finally {
      results.mockRestore();
    }
  });
});
