// Renames: given two small specs where one thing changed its name, want one `renamed` change
// where the IR diff alone reports a removal and an addition; and no pairing where the two are not
// clearly the same thing.
import { describe, expect, it } from 'vitest';
import { apiDiff } from './apiDiffCommand.ts';
import { diffClients, type ApiChange } from './diffIr.ts';
import { irOfSpecText } from './loadIr.ts';
import { renameRefs } from './renames.ts';
import type { TsType } from '../ir/types.ts';

type Spec = Record<string, any>;

function spec(): Spec {
  const ok = (ref: string) => ({ '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } } });
  return {
    openapi: '3.0.0',
    info: { title: 'Pets', version: '1' },
    paths: {
      '/pets': {
        post: {
          operationId: 'createPet',
          tags: ['Pets'],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PetRequest' } } } },
          responses: ok('Pet'),
        },
      },
      '/pets/{pet_id}': {
        get: { operationId: 'getPet', tags: ['Pets'], parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok('Pet') },
      },
    },
    components: {
      schemas: {
        PetRequest: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string' } } },
        Pet: {
          type: 'object',
          required: ['id', 'owner'],
          properties: { id: { type: 'string' }, owner: { $ref: '#/components/schemas/Owner' }, born: { type: 'integer' } },
        },
        Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, since: { type: 'integer' }, address: { type: 'object', properties: { city: { type: 'string' } } } } },
      },
    },
  };
}

function diffOf(edit: (s: Spec) => void) {
  const after = spec();
  edit(after);
  const base = irOfSpecText(JSON.stringify(spec()), 'base.json');
  const head = irOfSpecText(JSON.stringify(after), 'head.json');
  return { plain: diffClients(base, head), paired: apiDiff(base, head) };
}

const summary = (c: ApiChange) => `${c.kind} ${c.path}: ${c.message}`;

describe('renames', () => {
  it('an operation with the same method and path under another operationId is one breaking rename', () => {
    const { plain, paired } = diffOf((s) => (s.paths['/pets/{pet_id}'].get.operationId = 'retrievePet'));
    expect(plain.changes.map(summary)).toEqual(['breaking PetsApi.getPet: operation GET /pets/{pet_id} removed', 'feature PetsApi.retrievePet: operation GET /pets/{pet_id} added']);
    expect(paired.changes).toEqual([
      expect.objectContaining({ kind: 'breaking', path: 'PetsApi.retrievePet', message: 'operation renamed: PetsApi.getPet → PetsApi.retrievePet', base: '#/paths/~1pets~1{pet_id}/get', head: '#/paths/~1pets~1{pet_id}/get' }),
    ]);
    expect(paired.changes[0]?.before).toMatch(/^getPet\(/);
    expect(paired.changes[0]?.after).toMatch(/^retrievePet\(/);
    expect(paired).toMatchObject({ bump: 'major', summary: { breaking: 1, feature: 0, docs: 0 } });
  });

  it('a model with the identical structure under a new name is one rename, and the properties that now use the new name say nothing more', () => {
    const { plain, paired } = diffOf((s) => {
      s.components.schemas.PetOwner = s.components.schemas.Owner;
      delete s.components.schemas.Owner;
      s.components.schemas.Pet.properties.owner = { $ref: '#/components/schemas/PetOwner' };
    });
    expect(plain.changes.map((c) => c.path)).toEqual(expect.arrayContaining(['Owner', 'OwnerAddress', 'PetOwner', 'PetOwnerAddress', 'Pet.owner']));
    // The inline child (`address`) was renamed with its parent; Pet.owner's type change is the rename itself.
    expect(paired.changes.map(summary)).toEqual(['breaking PetOwner: model renamed: Owner → PetOwner', 'breaking PetOwnerAddress: model renamed: OwnerAddress → PetOwnerAddress']);
    expect(paired.changes.find((c) => c.path === 'PetOwner')).toMatchObject({ base: '#/components/schemas/Owner', head: '#/components/schemas/PetOwner' });
  });

  it('a property removed and one of the same type added in the same model is one breaking rename', () => {
    const { plain, paired } = diffOf((s) => {
      const pet = s.components.schemas.Pet;
      pet.properties.birth_year = pet.properties.born;
      delete pet.properties.born;
    });
    expect(plain.changes.map(summary)).toEqual(['breaking Pet.born: property born removed', 'feature Pet.birth_year: optional property birth_year added']);
    expect(paired.changes.map(summary)).toEqual(['breaking Pet.birth_year: property renamed: born → birth_year']);
    expect(paired.changes[0]).toMatchObject({ base: '#/components/schemas/Pet/properties/born', head: '#/components/schemas/Pet/properties/birth_year', before: 'born?: number', after: 'birth_year?: number' });
  });

  it('a path parameter renamed in place keeps the URL and the argument: one docs change, no endpoint move', () => {
    const { plain, paired } = diffOf((s) => {
      const item = s.paths['/pets/{pet_id}'];
      delete s.paths['/pets/{pet_id}'];
      item.get.parameters[0].name = 'id';
      s.paths['/pets/{id}'] = item;
    });
    expect(plain.changes.map((c) => c.kind)).toContain('breaking');
    expect(paired.changes.map(summary)).toEqual(['docs PetsApi.getPet(id): path parameter renamed: pet_id → id (same URL, same argument position)']);
    expect(paired.changes[0]).toMatchObject({ base: '#/paths/~1pets~1{pet_id}/get/parameters/0', head: '#/paths/~1pets~1{id}/get/parameters/0' });
    expect(paired.bump).toBe('patch');
  });

  it('does not pair things that are not clearly the same', () => {
    // A property of another type, two candidates at once, and a model whose shape differs.
    const otherType = diffOf((s) => {
      delete s.components.schemas.Pet.properties.born;
      s.components.schemas.Pet.properties.birthday = { type: 'string' };
    });
    expect(otherType.paired.changes.map((c) => c.message)).toEqual(['property born removed', 'optional property birthday added']);
    const two = diffOf((s) => {
      delete s.components.schemas.Pet.properties.born;
      s.components.schemas.Pet.properties.a = { type: 'integer' };
      s.components.schemas.Pet.properties.b = { type: 'integer' };
    });
    expect(two.paired.changes.every((c) => !c.message.includes('renamed'))).toBe(true);
    const reshaped = diffOf((s) => {
      s.components.schemas.Keeper = { ...s.components.schemas.Owner, required: [] };
      delete s.components.schemas.Owner;
      s.components.schemas.Pet.properties.owner = { $ref: '#/components/schemas/Keeper' };
    });
    expect(reshaped.paired.changes.some((c) => c.message === 'model Owner removed')).toBe(true);
  });

  it('does not take an identical shape elsewhere for a rename: the new model must be used where the old one was', () => {
    // Owner leaves Pet; an unrelated, identically shaped Vet appears on PetRequest.
    const { paired } = diffOf((s) => {
      s.components.schemas.Vet = s.components.schemas.Owner;
      delete s.components.schemas.Owner;
      s.components.schemas.Pet.properties.owner = { type: 'string' };
      s.components.schemas.PetRequest.properties.vet = { $ref: '#/components/schemas/Vet' };
    });
    expect(paired.changes.map((c) => c.message)).toEqual(expect.arrayContaining(['model Owner removed', 'model Vet added']));
    expect(paired.changes.every((c) => !c.message.includes('renamed'))).toBe(true);
  });

  it('renameRefs renames model references at any depth of a type tree, never literals or other models', () => {
    const typeUsing = (model: string): TsType => {
      const ref: TsType = { kind: 'reference', model };
      return {
        kind: 'union',
        members: [
          { kind: 'array', items: ref },
          { kind: 'literal', value: 'Owner' },
          { kind: 'reference', model: 'OwnerAddress' },
          { kind: 'object', properties: [{ name: 'Owner', type: { kind: 'record', values: ref }, optional: false, readonly: false }], additional: { kind: 'intersection', members: [ref] } },
        ],
      };
    };
    expect(renameRefs(typeUsing('Owner'), new Map([['Owner', 'PetOwner']]))).toEqual(typeUsing('PetOwner'));
  });

  it('pairs a renamed model used inside arrays and unions, and drops the type changes that are only the rename', () => {
    const { paired } = diffOf((s) => {
      s.components.schemas.PetOwner = s.components.schemas.Owner;
      delete s.components.schemas.Owner;
      s.components.schemas.Pet.properties.owner = { $ref: '#/components/schemas/PetOwner' };
      s.components.schemas.Pet.properties.previous = { type: 'array', items: { $ref: '#/components/schemas/PetOwner' } };
    });
    expect(paired.changes.map(summary)).toEqual([
      'breaking PetOwner: model renamed: Owner → PetOwner',
      'breaking PetOwnerAddress: model renamed: OwnerAddress → PetOwnerAddress',
      'feature Pet.previous: optional property previous added',
    ]);
  });

  // Given the rename Owner → PetOwner and one more edit, want the changes the edit makes beyond the rename.
  const beyondTheRename: Array<[string, (s: Spec) => void, string[]]> = [
    ['additional properties typed by the renamed model (a change without declarations)', (s) => (s.components.schemas.Pet.additionalProperties = { $ref: '#/components/schemas/PetOwner' }), []],
    ['a property whose wire name is the old model name', (s) => (s.components.schemas.Pet.properties.Owner = { $ref: '#/components/schemas/PetOwner' }), []],
    ['the rename plus null in a response', (s) => (s.components.schemas.Pet.properties.owner = { allOf: [{ $ref: '#/components/schemas/PetOwner' }], nullable: true }), ['breaking Pet.owner: property owner lost Owner in a response type; gained PetOwner, null']],
  ];
  it.each(beyondTheRename)('a rename and %s', (_name, edit, want) => {
    const withOwner = (s: Spec, name: string) => {
      s.components.schemas.Pet.additionalProperties = { $ref: `#/components/schemas/${name}` };
      s.components.schemas.Pet.properties.Owner = { $ref: `#/components/schemas/${name}` };
      s.components.schemas.Pet.properties.owner = { $ref: `#/components/schemas/${name}` };
    };
    const base = spec();
    withOwner(base, 'Owner');
    const head = spec();
    head.components.schemas.PetOwner = head.components.schemas.Owner;
    delete head.components.schemas.Owner;
    withOwner(head, 'PetOwner');
    edit(head);
    const changes = apiDiff(irOfSpecText(JSON.stringify(base), 'base.json'), irOfSpecText(JSON.stringify(head), 'head.json')).changes.map(summary);
    expect(changes.filter((c) => !c.includes('model renamed'))).toEqual(want);
  });

  it('an operation of 3.2 additionalOperations or the query method renamed in place is one rename too', () => {
    const spec32 = (copyId: string, queryId: string) =>
      JSON.stringify({
        openapi: '3.2.0',
        info: { title: 'Pets', version: '1' },
        paths: {
          '/pets': {
            additionalOperations: { COPY: { operationId: copyId, tags: ['Pets'], responses: { '204': { description: 'copied' } } } },
            query: { operationId: queryId, tags: ['Pets'], responses: { '204': { description: 'found' } } },
          },
        },
      });
    const changes = apiDiff(irOfSpecText(spec32('copyPets', 'findPets'), 'base.json'), irOfSpecText(spec32('duplicatePets', 'searchPets'), 'head.json')).changes;
    expect(changes.map(summary)).toEqual(['breaking PetsApi.duplicatePets: operation renamed: PetsApi.copyPets → PetsApi.duplicatePets', 'breaking PetsApi.searchPets: operation renamed: PetsApi.findPets → PetsApi.searchPets']);
  });
});
