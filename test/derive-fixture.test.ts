// scripts/derive-fixture.ts: prose becomes a hash-derived placeholder, structure stays as it was,
// and the same spec always gives the same fixture (the committed fixtures are re-derivable).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deriveFixture, FIXTURE_DIR, placeholder, readVersions } from '../scripts/derive-fixture.ts';

const P = placeholder;

describe('deriveFixture', () => {
  it.each([
    ['a description', 'description: Says hello.\n', `description: ${P('Says hello.')}\n`],
    ['a summary, double-quoted', 'summary: "Lists: things"\n', `summary: ${P('Lists: things')}\n`],
    [
      'a block scalar, by its text',
      'info:\n  description: |\n    Line one.\n    Line two.\n  version: "1"\n',
      `info:\n  description: ${P('Line one.\nLine two.\n')}\n  version: "1"\n`,
    ],
    ['in a flow map', 'x: {description: hi, type: string}\n', `x: {description: ${P('hi')}, type: string}\n`],
    ['a string example', 'example: gpt-4o\n', `example: ${P('gpt-4o')}\n`],
    [
      'string leaves of an example object, but not its numbers, booleans or keys',
      'example:\n  id: abc\n  n: 3\n  ok: true\n  list: [a, 1]\n',
      `example:\n  id: ${P('abc')}\n  n: 3\n  ok: true\n  list: [${P('a')}, 1]\n`,
    ],
    [
      'a named example, keeping its $ref',
      'examples:\n  one:\n    summary: First\n    value: {q: text}\n  two: {$ref: "#/components/examples/Two"}\n',
      `examples:\n  one:\n    summary: ${P('First')}\n    value: {q: ${P('text')}}\n  two: {$ref: "#/components/examples/Two"}\n`,
    ],
    [
      'x-oaiMeta text, keeping its identifiers',
      'x-oaiMeta:\n  name: Create a thing\n  group: things\n  returns: The thing.\n',
      `x-oaiMeta:\n  name: ${P('Create a thing')}\n  group: things\n  returns: ${P('The thing.')}\n`,
    ],
    ['comments, wherever they sit', '# top\nopenapi: 3.1.0   # trailing\nx:\n  # inside\n  - a\n', `# ${P('top')}\nopenapi: 3.1.0   # ${P('trailing')}\nx:\n  # ${P('inside')}\n  - a\n`],
  ])('replaces %s', (_case, given, want) => {
    expect(deriveFixture(given)).toBe(want);
  });

  it.each([
    ['names, types, enums, formats, defaults, titles, required', 'title: Thing\ntype: object\nrequired: [name]\nproperties:\n  name: {type: string, format: uuid, default: auto, enum: [auto, none]}\n'],
    ['a property called description, example or summary', 'properties:\n  description: {type: string}\n  example:\n    type: array\n    items: {type: string}\n  summary: {$ref: "#/components/schemas/S"}\n'],
    ['operations, parameters, security and vendor flags', 'paths:\n  /a:\n    get:\n      operationId: getA\n      tags: [A]\n      parameters: [{name: q, in: query}]\n      security: [{ApiKey: []}]\n      x-oaiTypeLabel: map\n'],
    ['blank lines, flow and block layout', 'openapi: 3.1.0\n\ninfo: {title: T, version: "1"}\ntags:\n  - name: A\n'],
    ['a non-string description', 'description: 42\nsummary: null\n'],
  ])('keeps %s', (_case, given) => {
    expect(deriveFixture(given)).toBe(given);
  });

  it('keeps broken YAML broken at the same construct, with the prose around it replaced', () => {
    const given = 'a:\n  description: |\n    Long\n    text.\n  enum: enum: [x, y]\n';
    const derived = deriveFixture(given);
    expect(derived).toBe(`a:\n  description: ${P('Long\ntext.\n')}\n  enum: enum: [x, y]\n`);
    expect(() => parse(derived)).toThrow(/Nested mappings are not allowed in compact mappings/);
  });

  it('gives the same output for the same input, and a different placeholder for different prose', () => {
    const given = 'description: One.\nitems:\n  - description: Two.\n';
    expect(deriveFixture(given)).toBe(deriveFixture(given));
    expect(P('One.')).toMatch(/^prose-[0-9a-f]{6}$/);
    expect(P('One.')).not.toBe(P('One!'));
  });

  it('the committed fixtures hold no prose: every description, summary and comment is a placeholder', () => {
    const names = readVersions(join(FIXTURE_DIR, 'versions.tsv')).map((row) => row.file);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const fixture = gunzipSync(readFileSync(join(FIXTURE_DIR, name))).toString('utf8');
      // A description is a placeholder (maybe anchored), an alias of one, null, or a flow-map schema of a property so named.
      const prose = fixture
        .split('\n')
        .filter((line) => /^\s*(?:- )?(?:description|summary): \S/.test(line))
        .filter((line) => !/: (?:(?:&\S+ )?prose-[0-9a-f]{6}|\*\S+|null|\{.*)\s*$/.test(line));
      const comments = fixture.split('\n').filter((line) => /(?:^|\s)#(?! prose-[0-9a-f]{6}\s*$)/.test(line));
      expect(comments, name).toEqual([]);
      expect(prose, name).toEqual([]);
    }
  }, 120_000);
});
