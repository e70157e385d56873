import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { normalize } from '../normalize/normalize.ts';
import { parseSpecText } from './loadSpec.ts';

const SWAGGER = `swagger: '2.0'
info: {title: Pets, version: '1'}
host: api.example.com
basePath: /v1
schemes: [https]
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      produces: [application/json]
      parameters:
        - {name: body, in: body, schema: {type: object}}
        - {name: petId, in: path, required: true, type: string}
        - {name: limit, in: query, type: integer, format: int32}
      responses:
        '200':
          description: ok
          schema: {$ref: '#/definitions/Pet'}
definitions:
  Pet:
    type: object
    properties:
      owner:
        $ref: '#/definitions/Missing'
`;

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('Swagger 2.0', () => {
  it('is converted to OpenAPI 3.0 in the load stage', () => {
    const { document } = parseSpecText(SWAGGER, 'pets.yaml');
    expect(String(document['openapi'])).toMatch(/^3\.0\./);
    expect(document['swagger']).toBeUndefined();
    expect(document).toMatchObject({
      servers: [{ url: 'https://api.example.com/v1' }],
      components: { schemas: { Pet: { type: 'object' } } },
      paths: { '/pets/{petId}': { get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } } } } },
    });
  });

  it('locates a problem of the converted document on the line of the 2.0 file', () => {
    let error: SpecError | undefined;
    try {
      normalize(parseSpecText(SWAGGER, 'pets.yaml'));
    } catch (err) {
      error = err as SpecError;
    }
    expect(error).toBeInstanceOf(SpecError);
    const missing = error!.diagnostics.find((d) => d.pointer.startsWith('/components/schemas/Pet'));
    expect(missing).toMatchObject({ file: 'pets.yaml', line: lineOf(SWAGGER, "$ref: '#/definitions/Missing'") });
  });

  it('locates moved parameters and responses by where 2.0 wrote them', () => {
    const { locate } = parseSpecText(SWAGGER, 'pets.yaml');
    // The body parameter left the list, so the 3.0 index 1 is the 2.0 index 2.
    expect(locate('/paths/~1pets~1{petId}/get/parameters/1/schema/format')?.line).toBe(lineOf(SWAGGER, 'name: limit'));
    expect(locate('/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema')?.line).toBe(lineOf(SWAGGER, "schema: {$ref: '#/definitions/Pet'}"));
    expect(locate('/components/schemas/Pet/properties')?.line).toBe(lineOf(SWAGGER, 'owner:'));
  });

  it('refuses another swagger version in one located sentence', () => {
    expect(() => parseSpecText("swagger: '1.2'\ninfo: {title: T, version: '1'}\n", 'old.yaml')).toThrow(/old\.yaml:1:1 error at #: only Swagger 2\.0 and OpenAPI 3\.0, 3\.1 and 3\.2 are supported/);
  });
});
