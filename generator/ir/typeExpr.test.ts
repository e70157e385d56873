// The type mapper, given → want: a schema and the TsType tree it means.
import { describe, expect, it } from 'vitest';
import type { Schema } from '../normalize/schema.ts';
import { T, TypeMapper } from './typeExpr.ts';
import type { TsType } from './types.ts';

const schemas: Record<string, Schema> = {
  Pet: { type: 'object', properties: { kind: { type: 'string', enum: ['cat'] } } },
  Dog: { type: 'object', properties: { kind: { type: 'string' } } },
  Maybe: { type: 'string', nullable: true },
};
const mapper = new TypeMapper({ nameOf: (key) => (key in schemas ? key : undefined), schemaOf: (key) => schemas[key] });
const ref = (model: string): TsType => ({ kind: 'reference', model });
const lit = (value: string | number | boolean): TsType => ({ kind: 'literal', value });
const union = (...members: TsType[]): TsType => ({ kind: 'union', members });

const cases: Array<[string, Schema, TsType]> = [
  ['a string', { type: 'string' }, T.string],
  ['binary data', { type: 'string', format: 'binary' }, T.binary],
  ['an integer is a number', { type: 'integer' }, T.number],
  ['a nullable boolean', { type: 'boolean', nullable: true }, union(T.boolean, T.null)],
  ['a type list (normalize turns "null" into nullable)', { type: ['string', 'integer'] }, union(T.string, T.number)],
  ['a closed enum', { type: 'string', enum: ['a', 'b'] }, union(lit('a'), lit('b'))],
  ['an open enum', { type: 'string', enum: ['a'], 'x-open-enum': true } as Schema, union(T.openString, lit('a'))],
  ['a const', { const: 3 }, lit(3)],
  ['an array', { type: 'array', items: { type: 'number' } }, { kind: 'array', items: T.number }],
  ['a map', { type: 'object', additionalProperties: { type: 'integer' } }, { kind: 'record', values: T.number }],
  ['a free-form object', { type: 'object' }, { kind: 'record', values: T.unknown }],
  ['an inline object keeps wire names', { type: 'object', required: ['a-b'], properties: { 'a-b': { type: 'string', readOnly: true }, c: {} } }, { kind: 'object', properties: [{ name: 'a-b', type: T.string, optional: false, readonly: true }, { name: 'c', type: T.unknown, optional: true, readonly: false }], additional: undefined }],
  ['a reference', { $ref: '#/components/schemas/Pet' }, ref('Pet')],
  ['a reference to a nullable model', { $ref: '#/components/schemas/Maybe' }, union(ref('Maybe'), T.null)],
  ['an unknown reference', { $ref: '#/components/schemas/Nope' }, T.unknown],
  ['allOf is an intersection', { allOf: [{ $ref: '#/components/schemas/Pet' }, { $ref: '#/components/schemas/Dog' }] }, { kind: 'intersection', members: [ref('Pet'), ref('Dog')] }],
  ['oneOf members are de-duplicated', { oneOf: [{ type: 'string' }, { type: 'string' }, { type: 'number' }] }, union(T.string, T.number)],
  ['unknown absorbs a union', { anyOf: [{ type: 'string' }, {}] }, T.unknown],
  ['nothing at all', {}, T.unknown],
  [
    'a discriminator adds the tag a member does not pin',
    { oneOf: [{ $ref: '#/components/schemas/Pet' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Pet', dog: '#/components/schemas/Dog' } } },
    union(ref('Pet'), { kind: 'intersection', members: [ref('Dog'), { kind: 'object', properties: [{ name: 'kind', type: lit('dog'), optional: false, readonly: false }] }] }),
  ],
];

describe('TypeMapper.typeOf', () => {
  it.each(cases)('%s', (_name, schema, want) => {
    expect(mapper.typeOf(schema)).toEqual(want);
  });
});
