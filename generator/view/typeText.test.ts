// TsType → text, given → want: the TypeScript the client declares and the Markdown the docs show.
import { describe, expect, it } from 'vitest';
import { T } from '../ir/typeExpr.ts';
import type { TsType } from '../ir/types.ts';
import { exampleText } from './exampleText.ts';
import { docType, printType } from './typeText.ts';
import type { ExampleValue } from '../ir/types.ts';

const ref = (model: string): TsType => ({ kind: 'reference', model });
const union = (...members: TsType[]): TsType => ({ kind: 'union', members });
const intersection = (...members: TsType[]): TsType => ({ kind: 'intersection', members });

const types: Array<[TsType, string, string]> = [
  [T.string, 'string', '**string**'],
  [T.binary, 'Blob', '**Blob**'],
  [{ kind: 'literal', value: "it's" }, "'it\\'s'", "**'it\\'s'**"],
  [{ kind: 'literal', value: 2 }, '2', '**2**'],
  [union(T.openString, { kind: 'literal', value: 'a' }), "(string & {}) | 'a'", "**(string &amp; {}) \\| 'a'**"],
  [ref('Pet'), 'Pet', '[**Pet**](Pet.md)'],
  [union(ref('Pet'), T.null), 'Pet | null', '[**Pet**](Pet.md) \\| null'],
  [{ kind: 'array', items: ref('Pet') }, 'Array<Pet>', '[**Array&lt;Pet&gt;**](Pet.md)'],
  [{ kind: 'record', values: T.number }, 'Record<string, number>', '**Record&lt;string, number&gt;**'],
  [union(intersection(ref('A'), ref('B')), T.string), '(A & B) | string', '**(A &amp; B) \\| string**'],
  [intersection(ref('A'), union(ref('B'), ref('C'))), 'A & (B | C)', '**A &amp; (B \\| C)**'],
  [{ kind: 'object', properties: [{ name: 'a-b', type: T.string, optional: true, readonly: true }], additional: T.unknown }, "{ readonly 'a-b'?: string; [key: string]: unknown }", "**{ readonly 'a-b'?: string; [key: string]: unknown }**"],
  [{ kind: 'object', properties: [] }, 'Record<string, never>', '**Record&lt;string, never&gt;**'],
];

describe('printType and docType', () => {
  it.each(types)('%# prints %s', (type, code, markdown) => {
    expect(printType(type)).toBe(code);
    expect(docType(type)).toBe(markdown);
  });
});

const examples: Array<[string, ExampleValue, string]> = [
  ['a string stays a literal', { kind: 'scalar', value: "*/ '`" }, "'*/ \\'\\u0060'"],
  ['null', { kind: 'scalar', value: null }, 'null'],
  ['binary data', { kind: 'binary' }, "new Blob(['...'])"],
  ['an array', { kind: 'array', items: [{ kind: 'scalar', value: 1 }] }, '[1]'],
  ['an empty object', { kind: 'object', entries: [] }, '{}'],
  ['a nested object, keys made safe', { kind: 'object', entries: [{ name: '__proto__', value: { kind: 'object', entries: [{ name: 'a b', value: { kind: 'scalar', value: true } }] } }] }, "{\n  ['__proto__']: {\n    'a b': true,\n  },\n}"],
];

describe('exampleText', () => {
  it.each(examples)('%s', (_name, value, want) => {
    expect(exampleText(value)).toBe(want);
  });
});
