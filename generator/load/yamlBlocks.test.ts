import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { parsePointer, pointerOf } from '../pointer.ts';
import { outlineYaml, parseBlock, readYamlBlocks } from './yamlBlocks.ts';
import { locateInYaml } from './yamlDocument.ts';
import { fixtureSpec } from '../../test/helpers.ts';

/** What the whole parse gives: the value and its locator. */
function wholeParse(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  return { value: doc.toJS({ maxAliasCount: 1000 }) as unknown, locate: (pointer: string) => locateInYaml(doc, lines, parsePointer(pointer)) };
}

/** The pointer of every value in a document, each also with a child that does not exist. */
function pointersOf(value: unknown, path: string[] = []): string[] {
  const found = [pointerOf(path), pointerOf([...path, 'no such key'])];
  if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) found.push(...pointersOf(child, [...path, key]));
  return found;
}

/** Node's deep equality: vitest's reads an own `constructor` key as the value's class. */
function expectSameValue(actual: unknown, expected: unknown) {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
}

/** Expects the block read to give the whole parse's value and, for every pointer, its position. */
function expectSameAsWhole(text: string) {
  const blocks = readYamlBlocks(text);
  expect(blocks).toBeDefined();
  const whole = wholeParse(text);
  expectSameValue(blocks!.value, whole.value);
  for (const pointer of pointersOf(whole.value)) expect([pointer, blocks!.locate(pointer)]).toEqual([pointer, whole.locate(pointer)]);
}

/** A spec with entries long enough to be split, and the YAML forms a spec uses. */
function specText(newline = '\n'): string {
  const schema = (n: number) => [
    `    # schema ${n}`,
    `    Model${n}:`,
    '      type: object',
    `      description: |`,
    `        Line one of ${n}.`,
    '',
    '        Line three, after a blank line.',
    '      properties:',
    '        name: {type: string, maxLength: 10}',
    '        "200":',
    '          type: string',
    `          example: 'it''s ${n}'`,
    '        tags:',
    '        - a',
    '        - b',
    '        folded: >-',
    '          folded',
    '          text',
    '        kept: |+',
    '          kept',
    '',
  ];
  const path = (n: number) => [`  /things/{id}/part${n}:`, '    get:', `      operationId: getPart${n}`, '      responses:', "        '200':", '          description: ok', '          content:', '            application/json:', '              schema:', `                $ref: '#/components/schemas/Model${n}'`];
  const lines = [
    '# A spec written for this test',
    'openapi: 3.1.0',
    'info: {title: Blocks, version: "1"}',
    'tags:',
    '- name: things',
    'paths:',
    ...Array.from({ length: 6 }, (_, n) => path(n)).flat(),
    'components:',
    '  schemas:',
    ...Array.from({ length: 6 }, (_, n) => schema(n)).flat(),
    '# a closing comment',
  ];
  return lines.join(newline) + newline;
}

describe('reading YAML block by block', () => {
  it('splits path items and schemas into blocks and gives the whole parse value and positions', () => {
    const text = specText();
    const outline = outlineYaml(text)!;
    const mappings = outline.filter((item) => item.kind === 'mapping').map((item) => item.path.join('/'));
    expect(mappings).toEqual(['', 'paths', 'components', 'components/schemas']);
    const blocks = outline.filter((item) => item.kind === 'block');
    expect(blocks).toHaveLength(3 + 6 + 6); // openapi, info, tags; path items; schemas
    // A block runs from its key to the next key: the comment above a key ends the block before it.
    const model1 = blocks.find((b) => b.text.includes('Model1:'))!.text.split('\n');
    expect([model1[0], model1.at(-2)]).toEqual(['    Model1:', '    # schema 2']);
    expectSameAsWhole(text);
  });

  // Committed fixtures keep the real spec's structure (prose replaced): the newest splits, the 2023 one, as upstream published it, is not valid YAML.
  it.each([
    ['2026-08-21-f85dbe2.yaml.gz', true],
    ['2025-03-22-1ff8b64.yaml.gz', true],
    ['2023-06-28-a33b9f9.yaml.gz', false],
  ])('reads the OpenAI fixture %s block by block: %s', (name, splits) => {
    const text = gunzipSync(readFileSync(fixtureSpec(name))).toString('utf8');
    const blocks = readYamlBlocks(text);
    expect(blocks !== undefined).toBe(splits);
    if (!blocks) return;
    const whole = wholeParse(text);
    expectSameValue(blocks.value, whole.value);
    const pointers = pointersOf(whole.value).filter((_, n) => n % 20 === 0);
    for (const pointer of pointers) expect([pointer, blocks.locate(pointer)]).toEqual([pointer, whole.locate(pointer)]);
  });

  it('gives the same with CRLF line ends', () => {
    expect(outlineYaml(specText('\r\n'))).toBeDefined();
    expectSameAsWhole(specText('\r\n'));
  });

  // Each text is valid YAML (or an error for the whole parse to report) the scanner must not vouch for.
  const fallbacks: Array<[string, string]> = [
    ['an alias to an anchor in another top-level entry', specText().replace('operationId: getPart0', 'operationId: &id getPart0').replace(/Model5:\n {6}type: object/, 'Model5:\n      type: *id')],
    ['an alias to an anchor in another block', specText().replace('      type: object', '      type: &kind object').replace(/Model5:\n {6}type: object/, 'Model5:\n      type: *kind')],
    ['a repeated schema name (the whole parse reports it)', specText().replace('Model2:', 'Model1:')],
    ['a repeated top-level key', `${specText()}openapi: 3.0.0\n`],
    ['a __proto__ key', `${specText()}__proto__: {polluted: true}\n`],
    ['a tab where a key should be', specText().replace('  /things/{id}/part2:', '\t/things/{id}/part2:')],
    ['a document start marker', `---\n${specText()}`],
    ['a document end marker', `${specText()}...\n`],
    ['a directive', `%YAML 1.2\n---\n${specText()}`],
    ['a byte order mark', `\ufeff${specText()}`],
    ['a flow mapping as the root', '{openapi: 3.1.0, info: {title: T, version: "1"}}\n'],
    ['a sequence as the root', '- openapi\n- info\n'],
    ['a scalar as the root', 'just text\n'],
    ['a complex key', `? openapi\n: 3.1.0\n${specText().replace('openapi: 3.1.0\n', '')}`],
    ['an infinite number', specText().replace("example: 'it''s 3'", 'example: .inf')],
    ['not a number', specText().replace("example: 'it''s 3'", 'example: .nan')],
    ['minus zero', specText().replace("example: 'it''s 3'", 'example: -0.0')],
    ['a quoted string running on at the key indentation', specText().replace('info: {title: Blocks, version: "1"}', 'info: "two\nlines"')],
    ['a less indented line inside a split entry', specText().replace('  schemas:\n', '  schemas:\n # fine\n').replace('    Model4:', ' Model4:')],
    ['a key line without a colon', specText().replace('    Model3:', '    Model3')],
  ];
  it.each(fallbacks)('leaves the whole parse to read %s', (_, text) => {
    expect(readYamlBlocks(text)).toBeUndefined();
  });

  it('vouches for an alias whose anchor is in the same block', () => {
    const text = specText().replace('      type: object', '      type: &kind object').replace('        name: {type: string, maxLength: 10}', '        name: {type: *kind}');
    expectSameAsWhole(text);
  });

  it('reads one block only when it stands alone', () => {
    expect(parseBlock('  Pet:\n    type: object\n')).toEqual({ key: 'Pet', value: { type: 'object' } });
    expect(parseBlock('a: 1\nb: 2\n')).toBeUndefined(); // two keys
    expect(parseBlock('a: *missing\n')).toBeUndefined();
    expect(parseBlock('a: [1,\n')).toBeUndefined();
  });

  it('gives the whole parse value and positions for any document it vouches for (property)', () => {
    const key = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('/a/{id}', '200', 'true', 'null', '~', '- x', '# c', 'a: b', "it's", 'ü'));
    const leaf = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)), fc.boolean(), fc.constant(null), fc.constant('line one\nline two\n'), fc.constant('  leading spaces'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    const spec = fc.record({
      info: fc.dictionary(key, value, { maxKeys: 3 }),
      paths: fc.dictionary(key, fc.dictionary(key, value, { maxKeys: 6 }), { minKeys: 1, maxKeys: 8 }),
      components: fc.record({ schemas: fc.dictionary(key, value, { minKeys: 1, maxKeys: 12 }) }),
    });
    const style = fc.record({ lineWidth: fc.constantFrom(0, 20, 80), indent: fc.constantFrom(2, 4), indentSeq: fc.boolean(), defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN'> });
    let split = 0;
    fc.assert(
      fc.property(spec, style, (document, options) => {
        const text = stringify(document, options);
        const blocks = readYamlBlocks(text);
        if (!blocks) return;
        if (outlineYaml(text)!.some((item) => item.kind === 'mapping' && item.path.length > 0)) split++;
        const whole = wholeParse(text);
        expectSameValue(blocks.value, whole.value);
        for (const pointer of pointersOf(whole.value)) expect([pointer, blocks.locate(pointer)]).toEqual([pointer, whole.locate(pointer)]);
      }),
      { numRuns: 150, seed: 20261126 },
    );
    expect(split).toBeGreaterThan(10); // the property saw split documents, not only fallbacks
  });
});
