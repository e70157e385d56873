import { describe, expect, it } from 'vitest';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { specErrorOf } from '../../test/helpers.ts';
import { pointerOf } from '../pointer.ts';
import { parseSpecText } from './loadSpec.ts';
import { JsonPositions, parseJson } from './jsonSource.ts';

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'T', version: '1' },
  paths: {
    '/pets/{id}': {
      get: {
        operationId: 'getPet',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'q', in: 'query', schema: { type: 'array', items: { type: 'integer' } } },
        ],
        responses: { '200': { description: 'ok' }, default: { description: 'error' } },
      },
    },
  },
  components: {
    schemas: {
      'a/b~c': { type: 'object', properties: { 'é "quoted" \\ key': { type: 'string', enum: ['x', 'y'] } } },
      Empty: {},
      List: [],
    },
  },
};

/** Every pointer of a value, containers and scalars alike. */
function pointersOf(value: unknown, path: string[] = []): string[] {
  const own = pointerOf(path);
  if (value === null || typeof value !== 'object') return [own];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [own, ...entries.flatMap(([k, v]) => pointersOf(v, [...path, k]))];
}

/** Where YAML's syntax tree puts each pointer (what the loader reported before JSON had its own path). */
function yamlPosition(text: string, pointer: string): { line: number; column: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const keys = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const node = doc.getIn(keys, true);
  if (!isNode(node) || !node.range) throw new Error(`no node at ${pointer}`);
  const at = lines.linePos(node.range[0]);
  return { line: at.line, column: at.col };
}

describe('JSON positions', () => {
  const layouts = {
    'pretty-printed': JSON.stringify(SPEC, null, 2),
    minified: JSON.stringify(SPEC),
    'CRLF and tabs': JSON.stringify(SPEC, null, '\t').replace(/\n/g, '\r\n'),
    'unicode escapes': JSON.stringify(SPEC, null, 1).replace(/é/g, '\\u00e9'),
  };

  it.each(Object.entries(layouts))('matches YAML for every pointer of a %s document', (_, text) => {
    const positions = new JsonPositions(text);
    for (const pointer of pointersOf(SPEC)) expect({ pointer, ...positions.locate(pointer) }).toEqual({ pointer, ...yamlPosition(text, pointer) });
  });

  it('finds nested values, escaped keys (~0 ~1), quoted keys and array items', () => {
    const text = JSON.stringify(SPEC, null, 2);
    const positions = new JsonPositions(text);
    // Where a piece of the text first occurs (each needle below occurs once).
    const at = (needle: string) => {
      const before = text.slice(0, text.indexOf(needle)).split('\n');
      return { line: before.length, column: before.at(-1)!.length + 1 };
    };
    expect(positions.locate('/paths/~1pets~1{id}/get/parameters/1/schema/items/type')).toEqual(at('"integer"'));
    expect(positions.locate('/components/schemas/a~1b~0c')).toEqual(at('{\n        "type": "object"'));
    expect(positions.locate('/components/schemas/a~1b~0c/properties/é "quoted" \\ key/enum/1')).toEqual(at('"y"'));
    expect(positions.locate('/paths/~1pets~1{id}/get/responses/200')).toEqual(at('{\n            "description": "ok"'));
  });

  it('names the nearest existing ancestor of a pointer to nothing, and the root for the empty pointer', () => {
    const text = '\n  {"a": {"b": [1, {"c": true}]}}';
    const positions = new JsonPositions(text);
    expect(positions.locate('')).toEqual({ line: 2, column: 3 });
    expect(positions.locate('/a/b/1/missing/deeper')).toEqual({ line: 2, column: 19 });
    expect(positions.locate('/a/b/7')).toEqual({ line: 2, column: 15 });
    expect(positions.locate('/a/b/1/c/past-a-scalar')).toEqual({ line: 2, column: 25 });
  });
});

describe('reading JSON', () => {
  it('gives the value JSON.parse gives, __proto__ as a plain key', () => {
    const text = '{"openapi": "3.0.3", "__proto__": {"polluted": true}, "n": 1e400, "s": "\\ud83d\\ude00\\/"}';
    const parsed = parseJson(text)!;
    expect(parsed.value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
  });

  it('leaves a duplicate key to the YAML path, which reports it located', () => {
    const text = '{\n  "openapi": "3.0.3",\n  "info": {"title": "T", "title": "U", "version": "1"},\n  "paths": {}\n}';
    expect(parseJson(text)).toBeUndefined();
    const err = specErrorOf(() => parseSpecText(text, 'dup.json'));
    expect(err.diagnostics[0]).toMatchObject({ code: 'SYNTAX_ERROR', line: 3, message: expect.stringMatching(/unique/i) });
  });

  it('counts a colon inside a string, or an escaped quote, as text, not as a key', () => {
    expect(parseJson('{"a": "x:\\"y\\": z", "b\\"": [":"]}')?.value).toEqual({ a: 'x:"y": z', 'b"': [':'] });
  });

  it('leaves invalid JSON and YAML to the YAML path, located as before', () => {
    expect(parseJson('{"a": 1,}')).toBeUndefined();
    expect(parseJson('openapi: 3.0.3')).toBeUndefined();
    const err = specErrorOf(() => parseSpecText('{\n  "openapi": "3.0.3",\n  "info": {"title": "T" "version": "1"}\n}', 'bad.json'));
    expect(err.diagnostics[0]).toMatchObject({ code: 'SYNTAX_ERROR', file: 'bad.json', line: 3 });
  });

  it('locates a problem found later on the line of the JSON text', () => {
    const text = JSON.stringify({ ...SPEC, info: { title: 'T', version: '1' } }, null, 2);
    const loaded = parseSpecText(text, 'spec.json');
    const before = text.slice(0, text.indexOf('"getPet"')).split('\n');
    expect(loaded.locate('/paths/~1pets~1{id}/get/operationId')).toEqual({ line: before.length, column: before.at(-1)!.length + 1 });
  });
});
