import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../load/loadSpec.ts';
import { flattenInlineSchemas } from './flattenInline.ts';
import { normalize } from './normalize.ts';

/** A 3.1 spec of one POST /things operation with this request body schema and these components. */
function specWith(body: string, components = '{}'): string {
  return `openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /things:
    post:
      operationId: createThing
      requestBody: {content: {application/json: {schema: ${body}}}}
      responses: {'200': {description: ok}}
components: {schemas: ${components}}
`;
}

const OBJECT = (prop: string) => `{type: object, properties: {${prop}: {type: string}}}`;
const BODY = '/paths/~1things/post/requestBody/content/application~1json/schema';

// given: a request body schema (and components); want: each lifted model with where it was written.
const cases: Array<{ name: string; body: string; components?: string; want: Record<string, string> }> = [
  { name: 'a scalar body stays inline', body: '{type: string}', want: {} },
  { name: 'an object body becomes <operationId>_request', body: OBJECT('a'), want: { createThing_request: BODY } },
  { name: 'a titled object is named by its title', body: `{title: Thing Spec, type: object, properties: {a: {type: string}}}`, want: { Thing_Spec: BODY } },
  { name: 'a reference body lifts nothing', body: "{$ref: '#/components/schemas/A'}", components: `{A: ${OBJECT('a')}}`, want: {} },
  {
    name: 'array items become <prefix>_inner',
    body: `{type: object, properties: {list: {type: array, items: ${OBJECT('x')}}}}`,
    want: { createThing_request_list_inner: `${BODY}/properties/list/items`, createThing_request: BODY },
  },
  {
    name: 'map values become <prefix>_value',
    body: `{type: object, additionalProperties: ${OBJECT('x')}}`,
    want: { createThing_request_value: `${BODY}/additionalProperties` },
  },
  {
    name: 'union members become <prefix>_anyOf, numbered when taken',
    body: `{anyOf: [${OBJECT('a')}, ${OBJECT('b')}]}`,
    want: { createThing_request_anyOf: `${BODY}/anyOf/0`, createThing_request_anyOf_1: `${BODY}/anyOf/1`, createThing_request: BODY },
  },
  {
    name: 'two inline schemas written alike share one model',
    body: `{type: object, properties: {p: ${OBJECT('x')}, q: ${OBJECT('x')}}}`,
    want: { createThing_request_p: `${BODY}/properties/p`, createThing_request: BODY },
  },
  {
    name: 'a component property object becomes <Component>_<prop>',
    body: '{type: string}',
    components: `{Pet: {type: object, properties: {owner: ${OBJECT('name')}}}}`,
    want: { Pet_owner: '/components/schemas/Pet/properties/owner' },
  },
];

describe('flattenInlineSchemas: given a schema, want these lifted models', () => {
  it.each(cases)('$name', ({ body, components, want }) => {
    const spec = normalize(parseSpecText(specWith(body, components), 'spec.yaml'));
    expect(Object.fromEntries(spec.inlineOrigins)).toEqual(want);
    // Lifted models follow the components, in the order they were found.
    const componentCount = spec.schemas.size - spec.inlineOrigins.size;
    expect([...spec.schemas.keys()].slice(componentCount).sort()).toEqual(Object.keys(want).sort());
  });
});

describe('flattenInlineSchemas: a function of its input', () => {
  it('returns new maps and leaves the component map it was given as it was', () => {
    const pointers = new Map<object, string>();
    const written = new Map<object, unknown>();
    const inline = { type: 'object', properties: { a: { type: 'string' } } };
    pointers.set(inline, '/components/schemas/Pet/properties/owner');
    const components = new Map([['Pet', { type: 'object', properties: { owner: inline } }]]);
    const result = flattenInlineSchemas({ operations: [], components, pointers, written });
    expect([...components.keys()]).toEqual(['Pet']);
    expect([...result.schemas.keys()]).toEqual(['Pet', 'Pet_owner']);
    expect(result.inlineOrigins).toEqual(new Map([['Pet_owner', '/components/schemas/Pet/properties/owner']]));
  });

  it('tells schemas apart by how they were written, not by their folded form', () => {
    const pointers = new Map<object, string>();
    const written = new Map<object, unknown>();
    // Both fold to the same schema, but one was written as a 3.0 nullable and one as a 3.1 type list.
    const first = { type: 'object', nullable: true, properties: { a: { type: 'string' } } };
    const second = { type: 'object', nullable: true, properties: { a: { type: 'string' } } };
    written.set(first, { type: 'object', nullable: true, properties: { a: { type: 'string' } } });
    written.set(second, { type: ['object', 'null'], properties: { a: { type: 'string' } } });
    const components = new Map([['Pet', { type: 'object', properties: { p: first, q: second } }]]);
    const result = flattenInlineSchemas({ operations: [], components, pointers, written });
    expect([...result.schemas.keys()]).toEqual(['Pet', 'Pet_p', 'Pet_q']);
  });
});
