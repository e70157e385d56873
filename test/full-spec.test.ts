// OpenAI's real spec, as committed fixtures (structure kept, prose replaced): the newest version
// (3.1) and 2025-03-22 (3.0) must generate, type-check under --strict with zero errors, and leave
// nothing out; the version upstream published with broken YAML gets a located error.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toApiClassName } from '../generator/naming.ts';
import { generate } from '../generator/pipeline.ts';
import { loadSpec } from '../generator/load/loadSpec.ts';
import { fixtureSpec, newestSpec, tempDir, TSC } from './helpers.ts';
import { BROKEN_UPSTREAM, expectBrokenYamlRejected } from './support/brokenUpstream.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe.each([
  ['newest', () => newestSpec()],
  ['2025-03-22 (OpenAPI 3.0)', () => fixtureSpec('2025-03-22-1ff8b64.yaml.gz')],
])('the real OpenAI spec, %s', (_label, specOf) => {
  it('generates, type-checks with tsc --strict, and covers every operation and schema', { timeout: 600_000 }, async () => {
    const specPath = specOf();
    const outDir = join(tempDir('full'), 'client');
    const result = await generate({ specPath, outDir });

    const tsc = spawnSync(TSC, ['-p', join(outDir, 'tsconfig.json'), '--noEmit', '--strict'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr, 'tsc output').toBe('');
    expect(tsc.status).toBe(0);

    const doc = loadSpec(specPath).document as { paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>; components: { schemas: Record<string, unknown> } };
    const operations = Object.values(doc.paths).flatMap((item) => METHODS.filter((m) => item[m]).map((m) => item[m]!));
    expect(result.operations).toBe(operations.length);
    for (const op of operations) {
      const api = result.ir.apis.find((a) => a.className === toApiClassName(op.tags?.[0]));
      const method = api?.operations.find((o) => o.operationId === op.operationId);
      expect(method, `operation ${op.operationId}`).toBeDefined();
      const source = readFileSync(join(outDir, 'src/apis', `${api!.className}.ts`), 'utf8');
      expect(source).toContain(`async ${method!.methodName}WithHttpInfo(`);
    }
    // Chat completions stream: `stream: true` picks the typed stream overload.
    const chat = result.ir.apis.find((a) => a.className === 'ChatApi')!.operations.find((o) => o.methodName === 'createChatCompletion')!;
    expect(chat.stream).toMatchObject({ mediaType: 'text/event-stream', chunkType: { kind: 'reference', model: 'CreateChatCompletionStreamResponse' }, selectedByFlag: true });
    for (const key of Object.keys(doc.components.schemas)) {
      const model = result.ir.models.find((m) => m.schemaKey === key && !m.inline);
      expect(model, `component schema ${key}`).toBeDefined();
      expect(existsSync(join(outDir, 'src/models', `${model!.name}.ts`)), `${model!.name}.ts`).toBe(true);
      expect(existsSync(join(outDir, 'docs', `${model!.name}.md`)), `${model!.name}.md`).toBe(true);
    }
  });
});

describe(`the fixture of ${BROKEN_UPSTREAM}`, () => {
  it('is rejected with the line of its YAML error', async () => {
    await expectBrokenYamlRejected(fixtureSpec(BROKEN_UPSTREAM));
  });
});
