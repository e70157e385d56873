// What the IR says an operation means, given → want: parameters with location, style and type,
// body media types, responses by status, security, streaming and paging patterns.
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../load/loadSpec.ts';
import { normalize } from '../normalize/normalize.ts';
import { printType } from '../view/typeText.ts';
import { buildIr } from './buildIr.ts';
import { T } from './typeExpr.ts';
import type { OperationIR } from './types.ts';

const ir = buildIr(
  normalize(
    parseSpecText(
      `openapi: 3.0.3
info: {title: T, version: '1'}
servers: [{url: 'https://api.example.com/v1'}]
security: [{Bearer: []}]
paths:
  /items/{item_id}:
    get:
      operationId: listItems
      tags: [Items, Extra]
      parameters:
        - {name: item_id, in: path, required: true, schema: {type: string}}
        - {name: after, in: query, schema: {type: string}}
        - {name: ids, in: query, style: form, explode: false, schema: {type: array, items: {type: integer}}}
        - {name: trace, in: header, schema: {type: string, default: on}}
        - {name: trace, in: query, schema: {type: integer, example: 5}}
        - {name: session, in: cookie, schema: {type: string}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/ItemPage'}}}}
        4XX: {description: client error, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
        default: {description: other}
  /chat:
    post:
      operationId: chat
      security: []
      requestBody:
        required: true
        content:
          text/plain: {schema: {type: string}}
          application/json: {schema: {$ref: '#/components/schemas/ChatRequest'}}
      responses:
        '200':
          description: ok
          content:
            application/json: {schema: {type: object, properties: {id: {type: string}}}}
            text/event-stream: {schema: {$ref: '#/components/schemas/Chunk'}}
  /speech:
    post:
      operationId: speak
      requestBody: {content: {multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}, encoding: {file: {contentType: audio/mpeg}}}}}
      responses:
        '200': {description: ok, content: {audio/mpeg: {schema: {type: string, format: binary}}}}
components:
  securitySchemes:
    Bearer: {type: http, scheme: bearer, bearerFormat: JWT}
  schemas:
    ItemPage: {type: object, required: [data, has_more], properties: {data: {type: array, items: {$ref: '#/components/schemas/Item'}}, has_more: {type: boolean}}}
    Item: {type: object, properties: {id: {type: string}}}
    Problem: {type: object, properties: {message: {type: string}}}
    ChatRequest: {type: object, required: [prompt], properties: {prompt: {type: string}, stream: {type: boolean}}}
    Chunk: {type: object, properties: {delta: {type: string}}}
`,
      'spec.yaml',
    ),
  ),
);
const operation = (id: string): OperationIR => ir.apis.flatMap((a) => a.operations).find((o) => o.operationId === id)!;
const list = operation('listItems');

describe('parameters', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['path', 'item_id', { varName: 'itemId', style: 'simple', explode: false, required: true, type: T.string, carriable: true }],
    ['query', 'after', { style: 'form', explode: true, required: false }],
    ['query', 'ids', { style: 'form', explode: false, type: { kind: 'array', items: T.number } }],
    ['header', 'trace', { varName: 'trace2', style: 'simple', default: 'on', example: { kind: 'scalar', value: 'on' } }],
    // Same wire name, another location: its own example, not the header's.
    ['query', 'trace', { varName: 'trace', type: T.number, example: { kind: 'scalar', value: 5 } }],
    ['cookie', 'session', { style: 'form', explode: true, type: T.string }],
  ];
  it.each(cases)('%s parameter %s', (location, name, want) => {
    expect(list.parameters.find((p) => p.in === location && p.name === name)).toMatchObject(want);
  });

  it('come in call order: path, query, header, cookie', () => {
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:item_id', 'query:after', 'query:ids', 'query:trace', 'header:trace', 'cookie:session']);
  });
});

describe('operations', () => {
  it.each<[string, () => unknown, unknown]>([
    ['every tag is kept', () => list.tags, ['Items', 'Extra']],
    ['responses by status, with their media types', () => list.responses.map((r) => [r.status, r.media.map((m) => m.mediaType)]), [['200', ['application/json']], ['4XX', ['application/json']], ['default', []]]],
    ['the result is the 200 JSON body', () => list.result, { decode: 'json', mediaType: 'application/json', type: { kind: 'reference', model: 'ItemPage' } }],
    ['cursor pages are a described pattern', () => list.pagination, { kind: 'cursor', param: 'after', nextField: undefined, itemCursorField: ['id'], itemsField: ['data'], hasMoreField: ['has_more'], itemType: { kind: 'reference', model: 'Item' } }],
    ['error responses by status, a body without content unknown', () => list.errors, { typeName: 'ListItemsError', responses: [{ status: '4XX', type: { kind: 'reference', model: 'Problem' }, description: 'client error' }, { status: 'default', type: T.unknown, description: 'other' }] }],
    ['the document security applies', () => list.security, [[{ scheme: 'Bearer', scopes: [] }]]],
    ['optional parameters get an options type', () => list.optionsTypeName, 'ListItemsOpts'],
    ['a body lists every media type, JSON is sent', () => operation('chat').requestBody, { required: true, varName: 'chatRequest', media: [{ mediaType: 'text/plain', type: T.string }, { mediaType: 'application/json' }], sent: { mediaType: 'application/json', type: { kind: 'reference', model: 'ChatRequest' } } }],
    ['a stream a body flag selects', () => operation('chat').stream, { mediaType: 'text/event-stream', chunkType: { kind: 'reference', model: 'Chunk' }, selectedByFlag: true }],
    ['security: [] needs none', () => operation('chat').security, []],
    ['a form body keeps its encoding', () => operation('speak').requestBody?.sent, { mediaType: 'multipart/form-data', encoding: { file: { contentType: 'audio/mpeg' } } }],
    ['a binary answer', () => operation('speak').result, { decode: 'binary', mediaType: 'audio/mpeg', type: T.binary }],
  ])('%s', (_name, get, want) => {
    expect(get()).toMatchObject(want as object);
  });

  it('the scheme and the servers are kept with their meaning', () => {
    expect(ir.securitySchemes).toEqual([{ name: 'Bearer', type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: undefined, in: undefined, paramName: undefined }]);
    expect(ir.servers).toEqual([{ url: 'https://api.example.com/v1', variables: [] }]);
  });
});

describe('nullable path and header parameters', () => {
  const spec = `openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /users/{user_id}/items/{item_id}:
    get:
      operationId: getUserItem
      tags: [Items]
      parameters:
        - {name: user_id, in: path, required: true, schema: {type: string, nullable: true}}
        - {name: item_id, in: path, required: true, schema: {type: [integer, 'null']}}
        - {name: X-Trace, in: header, schema: {type: [string, 'null']}}
      responses:
        '204': {description: none}
`;
  const op = buildIr(normalize(parseSpecText(spec, 'spec.yaml'))).apis[0]!.operations[0]!;
  const typeOf = (wireName: string) => printType(op.parameters.find((p) => p.name === wireName)!.type);

  it('types a path parameter without null, since a path segment is never null on the wire', () => {
    expect(typeOf('user_id')).toBe('string');
    expect(typeOf('item_id')).toBe('number');
  });

  it('keeps null on a header parameter (an absent header)', () => {
    expect(typeOf('X-Trace')).toBe('string | null');
  });
});

describe('names the runtime already exports', () => {
  it('are never taken by a model: a schema called Stream or RateLimitError gets a suffix', () => {
    const clashing = buildIr(
      normalize(
        parseSpecText(
          `openapi: 3.1.0
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Stream: {type: object, properties: {id: {type: string}}}
    RateLimitError: {type: string}
    Paging: {type: integer}
`,
          'spec.yaml',
        ),
      ),
    );
    expect(clashing.models.map((m) => m.name)).toEqual(['Paging2', 'RateLimitError2', 'Stream2']);
  });
});

describe('model names too long for a file', () => {
  const specWith = (component: string) =>
    normalize(
      parseSpecText(
        `openapi: 3.1.0
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    ${component}:
      type: object
      properties:
        ${'inner'.repeat(12)}: {type: object, properties: {x: {type: string}}}
`,
        'spec.yaml',
      ),
    );

  it('are shortened with a hash when we made them from a path of inline schemas, with a warning', () => {
    const spec = specWith('Outer'.repeat(30));
    const models = buildIr(spec).models.map((m) => m.name);
    const lifted = models.find((name) => name !== 'Outer'.repeat(30))!;
    expect(lifted).toMatch(/^(Outer)+Inner.*_[0-9a-f]{8}$/);
    expect(lifted.length).toBe(200);
    expect(spec.diagnostics.items.filter((d) => d.code === 'MODEL_RENAMED')).toHaveLength(1);
    expect(buildIr(specWith('Outer'.repeat(30))).models.map((m) => m.name)).toEqual(models);
  });

  it("stay an error when the spec's own component name is too long", () => {
    expect(() => buildIr(specWith('Outer'.repeat(41)))).toThrow(/longer than 200, too long for a file name/);
  });
});
