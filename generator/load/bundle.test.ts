import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specErrorOf } from '../../test/helpers.ts';
import { normalize } from '../normalize/normalize.ts';
import { loadSpec } from './loadSpec.ts';

/** Writes the files of a spec into a fresh folder; returns the path of `openapi.yaml`. */
function specFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'spec', name)), { recursive: true });
    writeFileSync(join(dir, 'spec', name), text);
  }
  return join(dir, 'spec', 'openapi.yaml');
}

const HEAD = "openapi: 3.0.3\ninfo: {title: Multi, version: '1'}\n";

const PETS = {
  'openapi.yaml': `${HEAD}paths:
  /pets:
    $ref: './paths/pets.yaml'
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - $ref: './paths/params.yaml#/PetId'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: './schemas/pet.yaml'}
components:
  schemas:
    Owner:
      $ref: './schemas/owner.yaml'
`,
  'paths/pets.yaml': `get:
  operationId: listPets
  responses:
    '200':
      description: ok
      content:
        application/json:
          schema: {type: array, items: {$ref: '../schemas/pet.yaml'}}
`,
  'paths/params.yaml': 'PetId: {name: id, in: path, required: true, schema: {type: string}}\n',
  'schemas/pet.yaml': "type: object\nproperties:\n  owner: {$ref: './owner.yaml'}\n  parent: {$ref: '#'}\n",
  'schemas/owner.yaml': "type: object\nproperties:\n  pets: {type: array, items: {$ref: './pet.yaml'}}\n",
};

describe('multi-file specs', () => {
  it('bundles path items, parameters and schemas by $ref; schemas are hoisted, recursion across files kept', () => {
    const { document } = loadSpec(specFolder(PETS));
    expect(document).toMatchObject({
      paths: {
        '/pets': { get: { operationId: 'listPets', responses: { 200: { content: { 'application/json': { schema: { items: { $ref: '#/components/schemas/pet' } } } } } } } },
        '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path' }] } },
      },
      components: {
        schemas: {
          Owner: { properties: { pets: { items: { $ref: '#/components/schemas/pet' } } } },
          pet: { properties: { owner: { $ref: '#/components/schemas/Owner' }, parent: { $ref: '#/components/schemas/pet' } } },
        },
      },
    });
    const spec = normalize(loadSpec(specFolder(PETS)));
    expect(spec.operations.map((o) => o.operationId).sort()).toEqual(['getPet', 'listPets']);
  });

  it('locates a problem in the file and on the line where it is written', () => {
    const path = specFolder({ ...PETS, 'paths/pets.yaml': 'get:\n  operationId: listPets\n  parameters:\n    - {name: q, in: nowhere}\n' });
    const err = specErrorOf(() => normalize(loadSpec(path)));
    expect(err.diagnostics.length).toBeGreaterThan(0);
    for (const d of err.diagnostics) expect(d).toMatchObject({ file: join(dirname(path), 'paths/pets.yaml') });
    expect(err.diagnostics.find((d) => d.message.includes('needs responses'))).toMatchObject({ line: 2 }); // the operation that lacks them
  });

  it('refuses a missing file, a file outside the folder and the network, each at its $ref', () => {
    const path = specFolder({
      'openapi.yaml': `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: './missing.yaml'}\n    B: {$ref: '../outside.yaml'}\n    C: {$ref: 'https://example.com/c.yaml'}\n    D: {$ref: './d.yaml#/Nope'}\n`,
      'd.yaml': 'Yes: {type: string}\n',
      '../outside.yaml': 'type: string\n',
    });
    const err = specErrorOf(() => loadSpec(path));
    expect(err.diagnostics.map((d) => [d.line, d.pointer, d.message.replace(/\(.*\)/, '(…)')])).toEqual([
      [6, '/components/schemas/A/$ref', "$ref './missing.yaml' names a file that does not exist (…)"],
      [7, '/components/schemas/B/$ref', "$ref '../outside.yaml' leaves the spec's folder (…); only files inside it are read"],
      [8, '/components/schemas/C/$ref', "$ref 'https://example.com/c.yaml' is remote: only files inside the spec's folder are read, never the network"],
      [9, '/components/schemas/D/$ref', "$ref './d.yaml#/Nope' points to nothing"],
    ]);
  });

  it('stops a cycle of copied references across files, located in the file that closes it', () => {
    const path = specFolder({
      'openapi.yaml': `${HEAD}paths:\n  /a: {$ref: './a.yaml'}\n`,
      'a.yaml': "get:\n  $ref: './b.yaml'\n",
      'b.yaml': "$ref: './a.yaml#/get'\n",
    });
    const err = specErrorOf(() => loadSpec(path));
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]).toMatchObject({ file: join(dirname(path), 'a.yaml'), line: 2, pointer: '/get/$ref' });
    expect(err.diagnostics[0]!.message).toMatch(/forms a cycle across files: b\.yaml# → a\.yaml#\/get → b\.yaml#$/);
  });

  it('holds every file to the size limit and the alias bound', () => {
    const big = specFolder({ 'openapi.yaml': `${HEAD}paths: {}\ncomponents: {schemas: {A: {$ref: './a.yaml'}}}\n`, 'a.yaml': `type: string\ndescription: '${'x'.repeat(1990)}'\n` });
    expect(specErrorOf(() => loadSpec(big, { maxSpecBytes: 2048 })).message).toMatch(/a\.yaml error at #: the spec's files together are larger than 2 KB/);
    const lol = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`)].join('\n');
    const bomb = specFolder({ 'openapi.yaml': `${HEAD}paths: {}\ncomponents: {schemas: {A: {$ref: './a.yaml'}}}\n`, 'a.yaml': `${lol}\n` });
    expect(specErrorOf(() => loadSpec(bomb)).message).toMatch(/a\.yaml:\d+:\d+ error at #: YAML aliases here expand beyond/);
  });

  it('bundles discriminator mapping values that name other files, so they resolve to the hoisted schemas', () => {
    const path = specFolder({
      'openapi.yaml': `${HEAD}paths: {}\ncomponents:\n  schemas:\n    Pet: {$ref: './pets.yaml#/Pet'}\n`,
      'pets.yaml': `Pet:
  oneOf: [{$ref: './dog.yaml'}, {$ref: '#/Cat'}]
  discriminator:
    propertyName: kind
    mapping: {dog: './dog.yaml', cat: '#/Cat', bird: './bird.yaml'}
Cat: {type: object, required: [kind], properties: {kind: {type: string}}}
`,
      'dog.yaml': 'type: object\nrequired: [kind]\nproperties:\n  kind: {type: string}\n',
    });
    const spec = normalize(loadSpec(path));
    expect(spec.schemas.get('Pet')?.discriminator?.mapping).toEqual({ dog: '#/components/schemas/dog', cat: '#/components/schemas/Cat' });
    // The file that does not exist is not an error: that one value is left out, with a warning where it is written.
    const warning = spec.diagnostics.items.find((d) => d.pointer.endsWith('/mapping/bird'));
    expect(warning).toMatchObject({ severity: 'warning', file: join(dirname(path), 'pets.yaml'), line: 5 });
  });
});
