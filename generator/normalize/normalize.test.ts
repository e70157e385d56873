import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { parseSpecText } from '../load/loadSpec.ts';
import { normalize } from './normalize.ts';
import type { Schema } from './schema.ts';

function spec(body: string, version = '3.1.0'): string {
  return `openapi: ${version}\ninfo: {title: T, version: '1'}\n${body}`;
}

function normalized(text: string) {
  return normalize(parseSpecText(text, 'spec.yaml'));
}

function problems(text: string) {
  try {
    normalized(text);
  } catch (err) {
    if (err instanceof SpecError) return err.diagnostics;
    throw err;
  }
  throw new Error('expected the spec to be rejected');
}

describe('normalize: 3.0 and 3.1 fold into one form', () => {
  it('3.0 nullable and 3.1 type lists give the same schema', () => {
    const v30 = normalized(spec('paths: {}\ncomponents:\n  schemas:\n    A: {type: string, nullable: true}\n', '3.0.3'));
    const v31 = normalized(spec('paths: {}\ncomponents:\n  schemas:\n    A: {type: [string, "null"]}\n'));
    expect(v30.schemas.get('A')).toEqual({ type: 'string', nullable: true });
    expect(v31.schemas.get('A')).toEqual({ type: 'string', nullable: true });
  });

  it('drops null members of unions and unwraps a union left with one member', () => {
    const s = normalized(spec(`paths: {}
components:
  schemas:
    B: {type: object, properties: {x: {type: string}}}
    A:
      type: object
      properties:
        b: {anyOf: [{$ref: '#/components/schemas/B'}, {type: 'null'}], description: maybe}
        e: {type: string, enum: [a, b, null]}
`));
    const a = s.schemas.get('A')!;
    expect(a.properties!.b).toMatchObject({ nullable: true, description: 'maybe', allOf: [{ $ref: '#/components/schemas/B' }] });
    expect(a.properties!.e).toEqual({ type: 'string', enum: ['a', 'b'], nullable: true });
  });

  it('turns anyOf [string, string enum] into an open enum', () => {
    const s = normalized(spec(`paths: {}
components:
  schemas:
    Model: {anyOf: [{type: string}, {type: string, enum: [gpt-4o, o3]}]}
`));
    expect(s.schemas.get('Model')).toMatchObject({ type: 'string', enum: ['gpt-4o', 'o3'], 'x-open-enum': true });
  });

  it('folds 3.0 boolean exclusive bounds into 3.1 numbers', () => {
    const s = normalized(spec('paths: {}\ncomponents:\n  schemas:\n    N: {type: number, minimum: 0, exclusiveMinimum: true}\n', '3.0.0'));
    expect(s.schemas.get('N')).toMatchObject({ exclusiveMinimum: 0 });
  });
});

describe('normalize: inline schemas get openapi-generator names', () => {
  const s = normalized(spec(`paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                stop: {anyOf: [{type: string}, {type: array, items: {type: string}}]}
                items: {type: array, items: {type: object, properties: {id: {type: string}}}}
                meta: {type: object, additionalProperties: {type: object, properties: {v: {type: integer}}}}
                titled: {title: Nice name, type: object, properties: {a: {type: string}}}
                model: {anyOf: [{type: string}, {type: string, enum: [gpt-4o]}]}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {ok: {type: boolean}}}
components:
  schemas:
    Holder:
      type: object
      properties:
        choice: {oneOf: [{type: object, properties: {a: {type: string}}}, {type: object, properties: {b: {type: string}}}]}
`));
  const names = [...s.schemas.keys()];

  it('names request and response bodies after the operation', () => {
    expect(names).toContain('createThing_request');
    expect(names).toContain('createThing_200_response');
  });

  it('names properties, array items, map values, unions and titled schemas', () => {
    expect(names).toContain('createThing_request_stop');
    expect(names).toContain('createThing_request_items_inner');
    expect(names).toContain('createThing_request_meta_value');
    expect(names).toContain('Nice_name'); // sanitized as openapi-generator does
    expect(names).toContain('Holder_choice');
    expect(names).toContain('Holder_choice_oneOf');
    expect(names).toContain('Holder_choice_oneOf_1');
    // openapi-generator keeps open enums (anyOf of strings) as models of their own.
    expect(names).toContain('createThing_request_model');
  });

  it('replaces the lifted schemas by references', () => {
    const body = s.operations[0]!.requestBody!.content[0]!.schema;
    expect(body).toEqual({ $ref: '#/components/schemas/createThing_request' });
    expect(s.schemas.get('createThing_request')!.properties!.stop).toEqual({ $ref: '#/components/schemas/createThing_request_stop' });
    expect(s.inlineOrigins.get('createThing_request_stop')).toBe('/paths/~1things/post/requestBody/content/application~1json/schema/properties/stop');
  });
});

describe('normalize: references that refer back to themselves outside components/schemas', () => {
  it('makes a nested self-referring schema a model of its own, named from where it is written', () => {
    const s = normalized(spec(`paths: {}
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
`));
    expect(s.diagnostics.items).toEqual([]);
    const part = s.schemas.get('Report_part');
    expect(part?.properties?.['parts']).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Report_part' } });
    expect(s.schemas.get('Report')?.properties?.['parts']).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Report_part' } });
    expect(s.inlineOrigins.get('Report_part')).toBe('/components/schemas/Report/definitions/part');
  });

  it('names a self-referring response schema by its last segments, free of the components', () => {
    const s = normalized(spec(`paths:
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
                  children: {type: array, items: {$ref: '#/paths/~1tree/get/responses/200/content/application~1json/schema'}}
components:
  schemas:
    application/json_schema: {type: string}
`));
    expect(s.diagnostics.items).toEqual([]);
    const name = 'application/json_schema_2';
    expect(s.schemas.get(name)?.properties?.['children']).toEqual({ type: 'array', items: { $ref: `#/components/schemas/${name.replace('/', '~1')}` } });
  });
});

describe('normalize: bad specs give located errors', () => {
  it('reports a dangling $ref with its line and pointer', () => {
    const text = spec(`paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        b: {$ref: '#/components/schemas/Missing'}
`);
    const [d] = problems(text);
    expect(d).toMatchObject({ severity: 'error', file: 'spec.yaml', pointer: '/components/schemas/A/properties/b/$ref', line: 9 });
    expect(d!.message).toContain("'#/components/schemas/Missing' points to nothing");
  });

  it("renames an operation tagged twice to a name free in both tags' classes", () => {
    const result = normalized(spec(`paths:
  /a:
    get: {operationId: getThing, tags: [beta], responses: {'200': {description: ok}}}
  /b:
    get: {operationId: getThing, tags: [alpha, beta], responses: {'200': {description: ok}}}
`));
    expect(result.operations.map((op) => op.operationId)).toEqual(['getThing', 'getThing_0']);
    expect(result.diagnostics.items.map((d) => d.message)).toEqual([expect.stringContaining('gives method BetaApi.getThing')]);
  });

  it('renames duplicate operationIds and methods that collide after camelCasing, with located warnings', () => {
    const result = normalized(spec(`paths:
  /a:
    get: {operationId: listThings, responses: {'200': {description: ok}}}
  /b:
    get: {operationId: listThings, responses: {'200': {description: ok}}}
  /c:
    get: {operationId: list_things, responses: {'200': {description: ok}}}
`));
    expect(result.operations.map((op) => op.operationId)).toEqual(['listThings', 'listThings_0', 'list_things_1']);
    const warnings = result.diagnostics.items.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => [d.line, d.pointer])).toEqual([
      [7, '/paths/~1b/get/operationId'],
      [9, '/paths/~1c/get/operationId'],
    ]);
    expect(warnings[0]!.message).toBe(
      "operationId 'listThings' gives method DefaultApi.listThings, which the operation at #/paths/~1a/get already has; named 'listThings_0' (method listThings0), as openapi-generator names it",
    );
  });

  it('reports unknown types and external refs, all at once', () => {
    const found = problems(spec(`paths:
  /a/{id}:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: strin}
components:
  schemas:
    X: {$ref: 'other.yaml#/X'}
`));
    expect(found.map((d) => d.message)).toEqual([
      'unknown type "strin"',
      "external $ref 'other.yaml#/X' is not supported: bundle the spec into one file first",
    ]);
    expect(found.every((d) => d.line !== undefined)).toBe(true);
  });

  it('warns about undeclared path parameters and unknown security schemes, and goes on', () => {
    const s = normalized(spec(`paths:
  /a/{id}:
    get:
      operationId: getA
      security: [{nope: []}]
      responses: {'200': {description: ok}}
`));
    expect(s.diagnostics.items.map((d) => [d.severity, d.message, d.line])).toEqual([
      ['warning', "path parameter 'id' of '/a/{id}' is not declared; taken as a required string", 6],
      ['warning', "security scheme 'nope' is not defined in components/securitySchemes; ignored", 7],
    ]);
    expect(s.operations[0]!.parameters).toEqual([{ name: 'id', in: 'path', required: true, deprecated: false, schema: { type: 'string' } }]);
  });

  it('reads a format written as a type, with a warning', () => {
    const s = normalized(spec('paths: {}\ncomponents:\n  schemas:\n    S: {type: int64}\n'));
    expect(s.schemas.get('S')).toEqual({ type: 'integer' });
    expect(s.diagnostics.items[0]).toMatchObject({ severity: 'warning', pointer: '/components/schemas/S/type', line: 6 });
  });

  it('rejects Swagger 1.x (2.0 is converted when loaded) and YAML syntax errors with a line', () => {
    expect(problems('swagger: "1.2"\ninfo: {title: T, version: "1"}\npaths: {}\n')[0]!.message).toContain('only Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2');
    expect(() => parseSpecText('openapi: 3.1.0\ninfo: {title: [unclosed\n', 'bad.yaml')).toThrow(/bad\.yaml:\d+:\d+ error/);
  });

  it('reports a duplicate mapping key from YAML', () => {
    expect(() => parseSpecText('openapi: 3.1.0\nopenapi: 3.0.0\n', 'dup.yaml')).toThrow(/dup\.yaml:2:\d+ error at #: .*[Mm]ap keys must be unique/);
  });
});

describe('normalize: each problem is named by its code', () => {
  // given: a spec body; want: the codes of its problems (only errors when there are errors: the run stops).
  const cases: Array<{ given: string; want: string[] }> = [
    { given: "paths: {/a: {get: {responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Nowhere'}}}}}}}}", want: ['REF_UNRESOLVED'] },
    { given: "paths: {/a: {get: {responses: {'200': {description: ok}}}}}", want: ['OPERATION_ID_MISSING'] },
    { given: "paths: {/a: {get: {operationId: a, responses: {'200': {description: ok, content: {application/json: {schema: {type: objekt}}}}}}}}", want: ['UNKNOWN_TYPE'] },
    { given: "paths: {/a: {get: {operationId: a, responses: {'200': {description: ok, content: {application/json: {schema: {type: int64}}}}}}}}", want: ['TYPE_IS_FORMAT'] },
    { given: "paths: {'/a/{id}': {get: {operationId: a, parameters: [{name: x, in: body}], responses: {'200': {description: ok}}}}}", want: ['PARAMETER_LOCATION_INVALID'] },
    { given: "paths: {'/a/{id}': {get: {operationId: a, responses: {'200': {description: ok}}}}}", want: ['PATH_PARAMETER_UNDECLARED'] },
    { given: "paths: {/a: {get: {operationId: a, responses: {'200': {description: ok}}}, post: {operationId: a, responses: {'200': {description: ok}}}}}", want: ['OPERATION_ID_DUPLICATE'] },
    { given: "paths: {}\nx-codegen-options: {apiKeyEnv: '1x'}", want: ['PACKAGE_OPTION_INVALID'] },
    { given: "paths: {}\nx-codegen-options: {colour: red}", want: ['PACKAGE_OPTION_UNKNOWN'] },
    { given: "paths: {}\ncomponents: {schemas: {A: {items: [{type: string}]}, B: {discriminator: {}}}}", want: ['TUPLE_ITEMS', 'DISCRIMINATOR_INVALID'] },
    { given: "paths: {/a: {get: {operationId: a, tags: oops, responses: {'200': {description: ok}}}}}", want: ['WRONG_TYPE'] },
  ];
  it.each(cases)('$want', ({ given, want }) => {
    let found: Array<{ code: string }>;
    try {
      found = normalized(spec(given)).diagnostics.items;
    } catch (err) {
      if (!(err instanceof SpecError)) throw err;
      found = err.diagnostics;
    }
    expect([...found].map((d) => d.code).sort()).toEqual([...want].sort());
  });
});

describe('normalize: responses read item by item', () => {
  const content = (media: string, version: string, where: 'requestBody' | 'response' = 'response') => {
    const op = where === 'response'
      ? `responses:\n        '200':\n          description: ok\n          content:\n            ${media}`
      : `requestBody:\n        content:\n          ${media}\n      responses:\n        '204': {description: none}`;
    const s = normalized(spec(`paths:\n  /x:\n    post:\n      operationId: x\n      ${op}\ncomponents:\n  schemas:\n    Pet: {type: object}\n`, version));
    const operation = s.operations[0]!;
    const media0 = where === 'response' ? operation.responses[0]!.content[0] : operation.requestBody?.content[0];
    return { media: media0, warnings: s.diagnostics.items.map((d) => d.message) };
  };
  const table: Array<[string, string, string, unknown]> = [
    ['a 3.2 JSON Lines itemSchema is each item', 'application/jsonl: {itemSchema: {$ref: "#/components/schemas/Pet"}}', '3.2.0', { schema: { $ref: '#/components/schemas/Pet' }, sequence: { format: 'json-lines', schemaIs: 'item' } }],
    ['a 3.2 json-seq itemSchema is each record', 'application/json-seq: {itemSchema: {type: integer}}', '3.2.0', { schema: { type: 'integer' }, sequence: { format: 'json-seq', schemaIs: 'item' } }],
    ['a 3.1 array schema under x-ndjson is the whole sequence', 'application/x-ndjson: {schema: {type: array, items: {type: integer}}}', '3.1.0', { sequence: { format: 'json-lines', schemaIs: 'array' } }],
    ['a 3.0 object schema under x-ndjson is each item', 'application/x-ndjson: {schema: {$ref: "#/components/schemas/Pet"}}', '3.0.3', { sequence: { format: 'json-lines', schemaIs: 'item' } }],
    ['a string schema under JSON Lines stays a whole body', 'application/jsonl: {schema: {type: string, format: binary}}', '3.1.0', { schema: { type: 'string', format: 'binary' } }],
    ['an event stream without itemSchema is read as its data (OpenAI convention)', 'text/event-stream: {schema: {$ref: "#/components/schemas/Pet"}}', '3.1.0', { sequence: { format: 'sse', schemaIs: 'item' } }],
  ];
  for (const [name, media, version, expected] of table) {
    it(name, () => {
      const read = content(media, version);
      expect(read.media).toMatchObject(expected as object);
      expect(read.media?.sequence).toEqual((expected as { sequence?: unknown }).sequence);
      expect(read.warnings).toEqual([]);
    });
  }

  it('leaves a request body of 3.2 JSON Lines items out, with a warning', () => {
    const read = content('application/jsonl: {itemSchema: {type: object}}', '3.2.0', 'requestBody');
    expect(read.media).toBeUndefined();
    expect(read.warnings).toEqual(['a request of application/jsonl items is not generated item by item yet (only responses are); this media type is left out']);
  });
});

describe('normalize: where each schema was written', () => {
  it('records the pointer of every nested schema, escaping names with / and ~', () => {
    const s = normalized(
      spec(`paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        'a/b~c': {type: array, items: {additionalProperties: {not: {type: string}}}}
      allOf: [{type: object, properties: {x: {type: integer}}}]
`),
    );
    const a = s.schemas.get('A')!;
    const nested = a.properties!['a/b~c']!;
    const values = nested.items!.additionalProperties as Schema;
    expect(s.pointers.get(nested)).toBe('/components/schemas/A/properties/a~1b~0c');
    expect(s.pointers.get(nested.items!)).toBe('/components/schemas/A/properties/a~1b~0c/items');
    expect(s.pointers.get(values)).toBe('/components/schemas/A/properties/a~1b~0c/items/additionalProperties');
    expect(s.pointers.get(values.not!)).toBe('/components/schemas/A/properties/a~1b~0c/items/additionalProperties/not');
    expect(s.pointers.get(a.allOf![0]!.properties!.x!)).toBe('/components/schemas/A/allOf/0/properties/x');
  });
});

describe('normalize: a parameter or referenced response is read once per place it is written', () => {
  const text = spec(`paths:
  /items/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get:
      operationId: getItem
      parameters: [{$ref: '#/components/parameters/top'}, {name: skip, in: query, schema: {type: integer}}]
      responses: {'200': {$ref: '#/components/responses/Item'}, default: {$ref: '#/components/responses/Error'}}
    delete:
      operationId: deleteItem
      parameters: [{$ref: '#/components/parameters/top'}, {name: skip, in: query, schema: {type: string}}]
      responses: {'204': {$ref: '#/components/responses/Item'}}
components:
  parameters:
    top: {name: $top, in: query, schema: {type: integer, minimum: 0}}
  responses:
    Item: {description: an item, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
    Error: {description: failed, headers: {X-Trace: {schema: {type: string}}}, content: {application/json: {schema: {type: string}}}}
`);

  it('gives each use its own objects, each place its own answer, and the same answer as reading it afresh', () => {
    const { operations } = normalized(text);
    const [get, del] = operations;
    const param = (op: typeof get, name: string) => op!.parameters.find((p) => p.name === name)!;
    // The path's `id` and the shared `$top`: one reading, each operation its own parameter object.
    expect(param(get, 'id')).not.toBe(param(del, 'id'));
    expect(param(get, 'id').pointer).toBe('/paths/~1items~1{id}/parameters/0');
    expect(param(get, '$top')).toEqual({ ...param(del, '$top'), pointer: '/paths/~1items~1{id}/get/parameters/0' });
    expect(param(del, '$top').pointer).toBe('/paths/~1items~1{id}/delete/parameters/0');
    // `skip` is written in two places, differently: never one answer for both.
    expect(param(get, 'skip').schema.type).toBe('integer');
    expect(param(del, 'skip').schema.type).toBe('string');
    // The same referenced response under two statuses: its own status, response and media objects each.
    const got = get!.responses.find((r) => r.status === '200')!;
    const deleted = del!.responses.find((r) => r.status === '204')!;
    expect(got).not.toBe(deleted);
    expect(got.content[0]).not.toBe(deleted.content[0]);
    expect(got.headers).not.toBe(deleted.headers);
    expect({ ...got, status: '204' }).toEqual(deleted);
    expect(get!.responses.find((r) => r.status === 'default')).toMatchObject({ description: 'failed', headers: ['x-trace'] });
  });
});
