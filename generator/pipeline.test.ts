import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test/helpers.ts';
import { parseSpecText } from './load/loadSpec.ts';
import { HeapPolicy } from './heapPolicy.ts';
import { buildClient, DEFAULT_SPEC, generate } from './pipeline.ts';
import { ParsePool, PARALLEL_LIKELY_MIN_SPEC_BYTES } from './postprocess/parsePool.ts';
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

  it('fits the lean heap to a tree parsed in-process, not to one a worker parses', async () => {
    const fit = vi.spyOn(HeapPolicy.prototype, 'fit');
    const large = (name: string) => {
      const missing = join(tempDir(name), 'large.yaml');
      // The spec's size, as load reports it, decides when the heap is fitted.
      return { specPath: missing, outDir: join(tempDir(`${name}-out`), 'client'), check: true, loaded: { ...parseSpecText(SPEC, missing), bytes: PARALLEL_LIKELY_MIN_SPEC_BYTES } };
    };
    try {
      await generate({ ...large('lean-in-process'), workerParseMinModules: Number.POSITIVE_INFINITY });
      expect(fit).toHaveBeenCalledWith(PARALLEL_LIKELY_MIN_SPEC_BYTES); // parsed in-process after all: fitted after ir
      fit.mockClear();
      await generate({ ...large('lean-worker'), workerParseMinModules: 0 });
      expect(fit).not.toHaveBeenCalled();
      const small = join(tempDir('lean-small-spec'), 'small.yaml');
      await generate({ specPath: small, outDir: join(tempDir('lean-small-spec-out'), 'client'), check: true, loaded: parseSpecText(SPEC, small), workerParseMinModules: 0 });
      expect(fit).toHaveBeenCalledTimes(1); // a small spec is fitted as soon as it is loaded (the policy itself ignores specs under 8 MB)
    } finally {
      fit.mockRestore();
    }
  });
});
