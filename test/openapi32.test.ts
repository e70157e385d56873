// OpenAPI 3.2 documents generate: what 3.2 adds is folded into what 3.0 and 3.1 already
// generate, and what cannot be honoured yet is left out with a located warning.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../generator/diagnostics.ts';
import { generate } from '../generator/pipeline.ts';
import { printType } from '../generator/view/typeText.ts';
import { lineOf } from './helpers.ts';
import { generateTypeChecked, writeSpec } from './support/generateChecked.ts';

const PETS = join(import.meta.dirname, 'fixtures/specs/openapi32/pets.yaml');

describe('OpenAPI 3.2', async () => {
  const { result, outDir } = await generateTypeChecked(PETS, 'openapi32');
  const ops = result.ir.apis.flatMap((api) => api.operations);
  const op = (name: string) => ops.find((o) => o.methodName === name)!;

  it('generates the query method and additionalOperations as methods that send those HTTP methods', () => {
    expect(ops.map((o) => [o.methodName, o.method.toUpperCase()])).toEqual([
      ['listPets', 'GET'],
      ['searchPets', 'QUERY'],
      ['copyPets', 'COPY'],
      ['watchPets', 'GET'],
      ['exportPets', 'GET'],
    ]);
    expect(readFileSync(join(outDir, 'src/apis/PetsApi.ts'), 'utf8')).toContain("method: 'QUERY'");
  });

  it('passes a form-shaped in: querystring parameter as its query parameters', () => {
    const list = op('listPets');
    expect(list.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.required, printType(p.type)])).toEqual([
      ['species', true, 'string'],
      ['limit', false, 'number'],
    ]);
  });

  it("types a text/event-stream's itemSchema as the stream of its events' JSON data", () => {
    expect(op('watchPets').stream?.chunkType).toEqual({ kind: 'reference', model: 'WatchPets200Response' });
    expect(readFileSync(join(outDir, 'src/models/WatchPets200Response.ts'), 'utf8')).toContain('export type WatchPets200Response = Pet | Removal;');
  });

  it("types a JSON Lines itemSchema as the stream of its lines' items", () => {
    expect(op('exportPets').stream).toMatchObject({ mediaType: 'application/jsonl', format: 'json-lines', chunkType: { kind: 'reference', model: 'Pet' } });
    expect(op('exportPets').result.decode).toBe('none');
  });

  it('resolves relative server URLs against $self, and takes a tag summary as its description', () => {
    expect(readFileSync(join(outDir, 'src/runtime/server.ts'), 'utf8')).toContain("'https://api.example.com/v1'");
    expect(result.ir.apis[0]!.description).toContain('Everything about pets');
  });

  it('keeps the defaultMapping member open while the mapped one is pinned', () => {
    expect(readFileSync(join(outDir, 'src/models/Animal.ts'), 'utf8')).toContain("export type Animal = (Cat & { kind: 'cat' }) | Pet;");
  });

  it('warns, located, about each part it leaves out, and about nothing else', () => {
    const at = (needle: string) => lineOf(PETS, needle);
    expect(result.warnings.map((w) => [w.line, w.pointer])).toEqual([
      [at('operationId: tunnelPets'), '/paths/~1pets/additionalOperations/CONNECT'],
      [at('- name: selection'), '/paths/~1pets~1export/get/parameters/0'],
      [at('parent: pets'), '/tags/1/parent'],
    ]);
    expect(result.warnings.map(formatDiagnostic).join('\n')).toMatch(/CONNECT cannot be sent by fetch.*\n.*"selection" is not a form.*\n.*tag parent and kind/);
  });
});

describe('3.2 additions in a 3.1 document', () => {
  it('are not read as 3.2: a querystring parameter is still refused there, located', async () => {
    const specPath = writeSpec(readFileSync(PETS, 'utf8').replace('openapi: 3.2.0', 'openapi: 3.1.0'), 'openapi31');
    await expect(generate({ specPath, outDir: join(dirname(specPath), 'client') })).rejects.toThrow(
      `${specPath}:${lineOf(specPath, 'in: querystring')}:15 error at #/paths/~1pets/get/parameters/0/in: parameter 'in' must be path, query, header or cookie`,
    );
  });
});
