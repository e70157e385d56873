import { describe, expect, it } from 'vitest';
import { buildIr } from '../ir/buildIr.ts';
import { parseSpecText } from '../load/loadSpec.ts';
import { normalize } from '../normalize/normalize.ts';
import { irOfSpecFile } from '../diff/loadIr.ts';
import { DEFAULT_SPEC } from '../pipeline.ts';
import { buildView, docsContext, modelView } from './buildView.ts';

// The view of a small spec: the type expressions, names and argument lists the templates print.
const ir = buildView(buildIr(
  normalize(
    parseSpecText(
      `openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /items/{item_id}:
    get:
      operationId: getItem
      tags: [Items]
      parameters:
        - {name: item_id, in: path, required: true, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
        - {name: tags, in: query, required: true, schema: {type: array, items: {type: string}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
components:
  schemas:
    Item:
      type: object
      required: [id, kind, created]
      properties:
        id: {type: string}
        kind: {type: string, enum: [a, b]}
        created: {type: integer, readOnly: true}
        note: {type: [string, 'null']}
        tags: {type: object, additionalProperties: {type: integer}}
        model: {anyOf: [{type: string}, {type: string, enum: [gpt-4o]}]}
        anything: {}
    Role: {type: string, enum: [user, assistant, it's]}
    Shape:
      oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}]
      discriminator: {propertyName: kind, mapping: {circle: '#/components/schemas/Circle', square: '#/components/schemas/Square'}}
    Circle: {type: object, required: [kind], properties: {kind: {type: string, enum: [circle]}, r: {type: number}}}
    Square: {type: object, required: [kind], properties: {kind: {type: string}, side: {type: number}}}
    Both: {allOf: [{$ref: '#/components/schemas/Item'}, {type: object, properties: {extra: {type: boolean}}}]}
    Map: {type: object, additionalProperties: {type: string}, nullable: true}
    Free: {type: object}
    Pair: {type: array, items: {type: number}}
`,
      'spec.yaml',
    ),
  ),
));
const model = (name: string) => modelView(ir.models.find((m) => m.name === name)!.ir);

describe('type mapping', () => {
  it('maps object properties precisely: required, readonly, nullable, maps, open enums, unknown', () => {
    const props = Object.fromEntries(model('Item').properties.map((p) => [p.wireName, p]));
    expect(props.id).toMatchObject({ tsType: 'string', optional: false });
    expect(props.kind!.tsType).toBe("'a' | 'b'");
    expect(props.created).toMatchObject({ tsType: 'number', readonly: true });
    expect(props.note).toMatchObject({ tsType: 'string | null', optional: true });
    expect(props.tags!.tsType).toBe('Record<string, number>');
    expect(props.model!.tsType).toBe('ItemModel');
    expect(model('ItemModel')).toMatchObject({ kind: 'alias', tsType: "(string & {}) | 'gpt-4o'" });
    expect(props.anything!.tsType).toBe('unknown');
  });

  it('makes string enums a const object plus a literal union', () => {
    const role = model('Role');
    expect(role.kind).toBe('enum');
    expect(role.enumMembers).toEqual([
      { key: 'User', literal: "'user'", literalMarkdown: "'user'" },
      { key: 'Assistant', literal: "'assistant'", literalMarkdown: "'assistant'" },
      { key: 'ItS', literal: "'it\\'s'", literalMarkdown: "'it\\'s'" },
    ]);
  });

  it('discriminates unions, adding the tag only where a member does not pin it', () => {
    expect(model('Shape').tsType).toBe("Circle | (Square & { kind: 'square' })");
    expect(model('Shape').imports).toEqual(['Circle', 'Square']);
  });

  it('intersects allOf references with merged inline members', () => {
    const both = model('Both');
    expect(both.kind).toBe('intersection');
    expect(both.heritage).toEqual(['Item']);
    expect(both.properties.map((p) => p.wireName)).toEqual(['extra']);
  });

  it('keeps maps, free-form objects and arrays as aliases or index signatures', () => {
    expect(model('ModelMap')).toMatchObject({ kind: 'interface', indexSignature: 'string' }); // `Map` would shadow the global
    expect(model('Free')).toMatchObject({ kind: 'alias', tsType: 'Record<string, unknown>' });
    expect(model('Pair')).toMatchObject({ kind: 'alias', tsType: 'Array<number>' });
  });
});

describe('operations', () => {
  const op = ir.apis.find((a) => a.className === 'ItemsApi')!.operations[0]!;

  it('puts required parameters first, in path order, and optional ones in an Opts object', () => {
    expect(op.positional.map((p) => `${p.varName}: ${p.tsType}`)).toEqual(['itemId: string', 'tags: Array<string>']);
    expect(op.opts).toMatchObject({ name: 'GetItemOpts' });
    expect(op.opts!.params.map((p) => p.accessor)).toEqual(['opts?.limit']);
    expect(op.returnType).toBe('Item');
    expect(op.withHttpInfoName).toBe('getItemWithHttpInfo');
  });
});

describe('docsContext', () => {
  it('is what the view shows of the client, so models rendered before the view get the same pages', () => {
    const client = irOfSpecFile(DEFAULT_SPEC);
    const view = buildView(client);
    expect(docsContext(client)).toEqual({ moduleName: view.moduleName, packageName: view.packageName, basePath: view.basePath });
  });
});
