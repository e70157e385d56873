// Which paging pattern the IR reads from an operation, given → want, and how a wrong
// `x-pagination` extension warns (located) and gives no iterator.
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../load/loadSpec.ts';
import { normalize } from '../normalize/normalize.ts';
import { buildIr } from './buildIr.ts';
import { resolveSchema } from './pagination.ts';

/** One GET operation with these query parameters and this 200 JSON schema (YAML flow text), plus extra operation keys. */
function build(params: string[], schema: string, extra = '', headers = '') {
  const spec = normalize(
    parseSpecText(
      `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /items:
    get:
      operationId: listItems
      parameters: [${params.map((p) => `{name: ${p}, in: query, schema: {type: ${/page|offset|skip/.test(p) ? 'integer' : 'string'}}}`).join(', ')}]
${extra ? `      ${extra}\n` : ''}      responses:
        '200': {description: ok, ${headers}content: {application/json: {schema: ${schema}}}}
components:
  schemas:
    Item: {type: object, properties: {id: {type: string}}}
`,
      'spec.yaml',
    ),
  );
  const ir = buildIr(spec);
  return { pagination: ir.apis[0]!.operations[0]!.pagination, warnings: spec.diagnostics.items.filter((d) => d.severity === 'warning').map((d) => `${d.pointer}: ${d.message}`) };
}

const LIST = "{type: array, items: {$ref: '#/components/schemas/Item'}}";
const page = (fields: string) => `{type: object, properties: {${fields}}}`;

describe('patterns recognised from parameters and the page', () => {
  it.each<[string, string[], string, Record<string, unknown> | undefined, string?]>([
    ['OpenAI: after, last_id, has_more', ['after', 'limit'], page(`data: ${LIST}, last_id: {type: string}, has_more: {type: boolean}`), { kind: 'cursor', param: 'after', itemsField: ['data'], nextField: ['last_id'], hasMoreField: ['has_more'], itemCursorField: ['id'] }],
    ['a nested next cursor', ['cursor'], page(`items: ${LIST}, meta: {type: object, properties: {next_cursor: {type: string}}}`), { kind: 'cursor', param: 'cursor', itemsField: ['items'], nextField: ['meta', 'next_cursor'], itemCursorField: undefined }],
    ['a cursor parameter with nothing to feed it', ['cursor'], page(`items: ${LIST}`), undefined],
    ['page and per_page', ['page', 'per_page'], page(`results: ${LIST}`), { kind: 'page', param: 'page', itemsField: ['results'] }],
    ['offset and limit', ['offset', 'limit'], page(`data: ${LIST}, total: {type: integer}`), { kind: 'offset', param: 'offset', itemsField: ['data'] }],
    ['a next URL field wins over a page number', ['page'], page(`next: {type: string, nullable: true}, results: ${LIST}`), { kind: 'nextUrl', nextField: ['next'], itemsField: ['results'] }],
    ['a declared Link header', [], LIST, { kind: 'link', itemsField: undefined }, 'headers: {Link: {schema: {type: string}}}, '],
    ['a list without any pattern', ['q'], LIST, undefined],
    ['a page without a list', ['page'], page('count: {type: integer}'), undefined],
  ])('%s', (_name, params, schema, want, headers) => {
    const { pagination } = build(params, schema, '', headers ?? '');
    if (want === undefined) expect(pagination).toBeUndefined();
    else expect(pagination).toMatchObject(want);
  });
});

describe('x-pagination', () => {
  it('names the pattern, with dotted or listed field paths; the item type comes from the items field', () => {
    const { pagination } = build(['token'], page(`entries: ${LIST}`), "x-pagination: {kind: cursor, param: token, itemsField: entries, nextField: [paging, 'next.token']}");
    expect(pagination).toEqual({ kind: 'cursor', param: 'token', itemsField: ['entries'], nextField: ['paging', 'next.token'], itemCursorField: undefined, hasMoreField: undefined, itemType: { kind: 'reference', model: 'Item' } });
  });

  it('false turns detection off', () => {
    expect(build(['page'], page(`results: ${LIST}`), 'x-pagination: false').pagination).toBeUndefined();
  });

  it.each([
    ['x-pagination: [cursor]', 'x-pagination must be an object'],
    ['x-pagination: {kind: sideways}', 'x-pagination kind must be one of cursor, page, offset, link, nextUrl'],
    ['x-pagination: {kind: page}', "x-pagination of kind page needs param, the query parameter's name"],
    ['x-pagination: {kind: nextUrl}', 'x-pagination of kind nextUrl needs nextField'],
    ['x-pagination: {kind: link, itemsField: 3}', 'x-pagination itemsField must be a field name, a dotted path or a list of names'],
  ])('%s warns at the extension and gives no iterator', (extra, message) => {
    const { pagination, warnings } = build(['page'], page(`results: ${LIST}`), extra);
    expect(pagination).toBeUndefined();
    expect(warnings).toEqual([`/paths/~1items/get/x-pagination: ${message}; no …All iterator`]);
  });
});

describe('resolveSchema', () => {
  const specOf = (components: string) =>
    normalize(parseSpecText(`openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n${components}`, 'spec.yaml'));

  it('answers each model and each spec on its own, however often it is asked', () => {
    const one = specOf(`    Base: {type: object, properties: {id: {type: string}}}\n    User: {allOf: [{$ref: '#/components/schemas/Base'}], properties: {name: {type: string}}}\n`);
    const other = specOf(`    Base: {type: object, properties: {code: {type: integer}}}\n    User: {allOf: [{$ref: '#/components/schemas/Base'}], properties: {mail: {type: string}}}\n`);
    for (let round = 0; round < 2; round++) {
      expect(Object.keys(resolveSchema({ $ref: '#/components/schemas/User' }, one)!.properties!)).toEqual(['id', 'name']);
      expect(Object.keys(resolveSchema({ $ref: '#/components/schemas/Base' }, one)!.properties!)).toEqual(['id']);
      expect(Object.keys(resolveSchema({ $ref: '#/components/schemas/User' }, other)!.properties!)).toEqual(['code', 'mail']);
      expect(resolveSchema({ $ref: '#/components/schemas/Missing' }, one)).toBeUndefined();
    }
  });

  it('still stops a chain of references deeper than it follows, at every depth it is asked from', () => {
    const chain = Array.from({ length: 12 }, (_, i) => `    S${i}: {$ref: '#/components/schemas/S${i + 1}'}\n`).join('') + `    S12: {type: string}\n`;
    const spec = specOf(chain);
    expect(resolveSchema({ $ref: '#/components/schemas/S0' }, spec)).toBeUndefined();
    expect(resolveSchema({ $ref: '#/components/schemas/S8' }, spec)).toEqual({ type: 'string' });
  });
});
