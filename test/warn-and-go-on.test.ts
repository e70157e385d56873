// Hints a spec gets wrong, or writes in a roundabout way, warn and go on instead of stopping the
// run: duplicated operationIds are renamed as openapi-generator renames them, operations without
// one are named from their path, and discriminator mappings are resolved through references.
// Layouts that are valid but unusual (extensions among the paths, schemas that refer back to
// themselves outside components/schemas) generate too, and a parameter named "" is left out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTypeChecked, writeSpec } from './support/generateChecked.ts';

const SPEC = `openapi: 3.0.3
info: {title: Hints, version: '1'}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      tags: [pets]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}
  /pets2/{id}:
    get:
      operationId: getPet
      tags: [pets]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
  /pets3:
    get:
      operationId: getPet
      tags: [pets]
      responses: {'200': {description: ok}}
  /other:
    get:
      operationId: getPet
      tags: [other]
      responses: {'200': {description: ok}}
  /pet-store/{pet_id}/v1.2:
    post:
      tags: [pets]
      parameters: [{name: pet_id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
components:
  schemas:
    Pet:
      oneOf:
        - $ref: '#/components/schemas/Dog'
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Bird'
      discriminator:
        propertyName: kind
        mapping:
          dog: Canine
          cat: '#/components/schemas/Zoo/properties/cat'
          bird: '#/components/schemas/Bird'
          fish: '#/components/schemas/Fish'
    Canine: {$ref: '#/components/schemas/Dog'}
    Dog:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
        barks: {type: boolean}
    Cat:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
    Bird:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
    Zoo: {$ref: '#/components/schemas/Enclosure'}
    Enclosure:
      type: object
      properties:
        cat: {$ref: '#/components/schemas/Cat'}
`;

/** The 1-based line of SPEC holding `needle`. */
function lineOf(needle: string): number {
  return SPEC.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

async function generateSpec(text: string) {
  const specPath = writeSpec(text, 'warn-and-go-on');
  return { ...(await generateTypeChecked(specPath, 'warn-and-go-on')), specPath };
}

describe('warn and go on', () => {
  it('renames duplicate operationIds per API class as openapi-generator does, names id-less operations from their path, and the client type-checks', async () => {
    const { result, specPath } = await generateSpec(SPEC);
    const methods = Object.fromEntries(result.ir.apis.map((api) => [api.className, api.operations.map((op) => op.methodName)]));
    expect(methods).toEqual({ OtherApi: ['getPet'], PetsApi: ['getPet', 'getPet0', 'getPet1', 'petStorePetIdV12Post'] });
    const renames = result.warnings.filter((w) => w.message.includes('as openapi-generator names it'));
    expect(renames.map((w) => [w.file, w.line, w.column, w.pointer])).toEqual([
      [specPath, 12, 20, '/paths/~1pets2~1{id}/get/operationId'],
      [specPath, 18, 20, '/paths/~1pets3/get/operationId'],
    ]);
    expect(renames[1]!.message).toBe(
      "operationId 'getPet' gives method PetsApi.getPet, which the operation at #/paths/~1pets~1{id}/get already has; named 'getPet_1' (method getPet1), as openapi-generator names it",
    );
    const unnamed = result.warnings.find((w) => w.pointer === '/paths/~1pet-store~1{pet_id}~1v1.2/post');
    expect(unnamed?.message).toBe("operation has no operationId; named 'pet_storePetIdV12Post'");
  });

  it('resolves discriminator mappings through references and leaves out, with a warning, only the one that leads nowhere', async () => {
    const { result, outDir } = await generateSpec(SPEC);
    const mappingWarnings = result.warnings.filter((w) => w.pointer.includes('/discriminator/'));
    expect(mappingWarnings.map((w) => [w.line, w.pointer, w.message])).toEqual([
      [lineOf('fish:'), '/components/schemas/Pet/discriminator/mapping/fish', "discriminator mapping '#/components/schemas/Fish' points to nothing; it is left out"],
    ]);
    // Each mapped value reaches the member it names: Dog through the alias Canine, Cat through Zoo's property.
    const pet = readFileSync(join(outDir, 'src/models/Pet.ts'), 'utf8');
    for (const tag of ["'dog'", "'cat'", "'bird'"]) expect(pet).toContain(tag);
    expect(pet).not.toContain("'fish'");
  });
});

describe('valid but unusual layouts seen in real specs', () => {
  const UNUSUAL = `openapi: 3.0.3
info: {title: Unusual, version: '1'}
paths:
  x-context-root: /api
  /reports/{id}:
    get:
      operationId: getReport
      parameters: [{name: id, in: path, required: true, schema: {type: string}}, {name: '', in: header, schema: {type: string}}]
      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Report'}}}}}
  /tree:
    get:
      operationId: getTree
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  label: {type: string}
                  children: {type: array, items: {$ref: '#/paths/~1tree/get/responses/200/content/application~1json/schema'}}
components:
  schemas:
    Report:
      type: object
      properties:
        parts: {type: array, items: {$ref: '#/components/schemas/Report/definitions/part'}}
      definitions:
        part:
          type: object
          properties:
            name: {type: string}
            parts: {type: array, items: {$ref: '#/components/schemas/Report/definitions/part'}}
`;

  it('skips extensions among the paths and makes schemas that refer back to themselves outside components/schemas models of their own', async () => {
    const { result, outDir } = await generateSpec(UNUSUAL);
    expect(result.warnings.map((w) => [w.line, w.pointer, w.message])).toEqual([
      [8, '/paths/~1reports~1{id}/get/parameters/1/name', 'a parameter with an empty name cannot be sent; it is left out'],
    ]);
    expect(result.ir.apis[0]!.operations.find((op) => op.methodName === 'getReport')!.parameters.map((p) => p.name)).toEqual(['id']);
    expect(result.ir.apis.flatMap((api) => api.operations.map((op) => op.methodName)).sort()).toEqual(['getReport', 'getTree']);
    const part = readFileSync(join(outDir, 'src/models/ReportPart.ts'), 'utf8');
    expect(part).toMatch(/parts\?: Array<ReportPart>/);
    expect(readFileSync(join(outDir, 'src/models/Report.ts'), 'utf8')).toMatch(/parts\?: Array<ReportPart>/);
  });
});
