// Example values, given → want: a schema and the example value the docs show for it.
import { describe, expect, it } from 'vitest';
import type { Schema } from '../normalize/schema.ts';
import { ExampleWriter } from './examples.ts';
import type { ExampleValue } from './types.ts';

const schemas: Record<string, Schema> = {
  Node: { type: 'object', required: ['next'], properties: { next: { $ref: '#/components/schemas/Node' } } },
  Named: { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'Rex' } } },
  Aged: { type: 'object', required: ['age'], properties: { age: { type: 'integer' } } },
};
const writer = new ExampleWriter((key) => schemas[key]);
const scalar = (value: string | number | boolean | null): ExampleValue => ({ kind: 'scalar', value });
const object = (entries: Record<string, ExampleValue>): ExampleValue => ({ kind: 'object', entries: Object.entries(entries).map(([name, value]) => ({ name, value })) });

const cases: Array<[string, Schema, ExampleValue]> = [
  ['the spec example wins', { type: 'string', example: 'hi', default: 'no' }, scalar('hi')],
  ['then examples[0]', { type: 'integer', examples: [7, 8] }, scalar(7)],
  ['then the default', { type: 'boolean', default: true }, scalar(true)],
  ['then the first enum value', { type: 'string', enum: ['x', 'y'] }, scalar('x')],
  ['a string placeholder', { type: 'string' }, scalar('string')],
  ['a date-time placeholder', { type: 'string', format: 'date-time' }, scalar('2024-01-01T00:00:00Z')],
  ['binary data', { type: 'string', format: 'binary' }, { kind: 'binary' }],
  ['a number placeholder', { type: 'number' }, scalar(0)],
  ['an array shows an item only when one is required', { type: 'array', items: { type: 'number' } }, { kind: 'array', items: [] }],
  ['an array with minItems', { type: 'array', minItems: 1, items: { type: 'number' } }, { kind: 'array', items: [scalar(0)] }],
  ['an object shows its required properties', { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'string' } } }, object({ a: scalar('string') })],
  ['allOf members merge into one object', { allOf: [{ $ref: '#/components/schemas/Named' }, { $ref: '#/components/schemas/Aged' }] }, object({ name: scalar('Rex'), age: scalar(0) })],
  ['oneOf shows its first member', { oneOf: [{ type: 'integer' }, { type: 'string' }] }, scalar(0)],
  ['a cycle stops at the repeated reference', { $ref: '#/components/schemas/Node' }, object({ next: { kind: 'object', entries: [] } })],
  ['nothing known is null', {}, scalar(null)],
];

describe('ExampleWriter.write', () => {
  it.each(cases)('%s', (_name, schema, want) => {
    expect(writer.write(schema)).toEqual(want);
  });
});
