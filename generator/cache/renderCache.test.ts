import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers.ts';
import { buildIr, DEFAULT_PACKAGE } from '../ir/buildIr.ts';
import { parseSpecText } from '../load/loadSpec.ts';
import { normalize } from '../normalize/normalize.ts';
import { forgetCompiledTemplates, keyOf, render, TEMPLATES_DIR } from '../render/render.ts';
import { buildView } from '../view/buildView.ts';
import { RenderCache, renderFileOf } from './renderCache.ts';

const spec = (petDescription: string, weightDefault = '1') => `openapi: 3.1.0
info: {title: Pets, version: '1'}
paths:
  /pets/{pet_id}:
    get:
      operationId: getPet
      tags: [Pets]
      parameters:
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
components:
  schemas:
    Pet: {type: object, description: '${petDescription}', properties: {name: {type: string}, weight: {type: number, default: ${weightDefault}}}}
    Owner: {type: object, properties: {pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}
    Color: {type: string, enum: [red, green]}
`;

const viewOf = (text: string) => buildView(buildIr(normalize(parseSpecText(text, 'spec.yaml')), { ...DEFAULT_PACKAGE }));
const OUT = '/out';

/** A render with a cache read from `dir` and saved after; what it had to make. */
function renderWith(dir: string, text: string, tool = 'tool-a', templatesDir = TEMPLATES_DIR) {
  forgetCompiledTemplates(); // each render starts as a fresh process would
  const cache = new RenderCache(dir, OUT, tool);
  const files = render(viewOf(text), { memo: cache, templatesDir });
  cache.save();
  return { files, made: cache.made };
}

/** 1 API + 3 models, each a unit of two files; 13 templates and partials. */
const UNITS = 4;
const TEMPLATES = 13;

afterEach(() => forgetCompiledTemplates());

describe('the render cache', () => {
  it('renders again only the changed model, and gives the same files as rendering everything', () => {
    const dir = tempDir('rendered');
    expect(renderWith(dir, spec('A pet.')).made).toBe(UNITS + TEMPLATES);
    const again = renderWith(dir, spec('A pet.'));
    expect(again.made).toBe(0);
    const changed = renderWith(dir, spec('A cat.'));
    expect(changed.made).toBe(1);
    expect(changed.files.get('docs/Pet.md')).toContain('A cat.');
    forgetCompiledTemplates();
    expect(changed.files).toEqual(render(viewOf(spec('A cat.'))));
  });

  it('tells NaN from Infinity: a default that only JSON would blur renders again', () => {
    const dir = tempDir('rendered');
    renderWith(dir, spec('A pet.', '.inf'));
    const nan = renderWith(dir, spec('A pet.', '.nan'));
    expect(nan.made).toBe(1);
    expect(nan.files.get('docs/Pet.md')).toContain('[default to NaN]');
    expect(keyOf({ value: Number.NaN })).not.toBe(keyOf({ value: null }));
    expect(keyOf(Number.NaN)).not.toBe(keyOf(null));
    expect(keyOf([undefined])).not.toBe(keyOf([null]));
    expect(keyOf({ value: Number.POSITIVE_INFINITY })).not.toBe(keyOf({ value: Number.NEGATIVE_INFINITY }));
  });

  it('renders everything again after a template changes, or for another generator', () => {
    const dir = tempDir('rendered');
    renderWith(dir, spec('A pet.'));
    const templates = tempDir('templates');
    cpSync(TEMPLATES_DIR, templates, { recursive: true });
    const modelTemplate = join(templates, 'model.ts.hbs');
    writeFileSync(modelTemplate, `// edited\n${readFileSync(modelTemplate, 'utf8')}`);
    const edited = renderWith(dir, spec('A pet.'), 'tool-a', templates);
    // Every unit's key names all the templates; only the edited one compiles again.
    expect(edited.made).toBe(UNITS + 1);
    expect(edited.files.get('src/models/Pet.ts')).toMatch(/^\/\/ edited\n/);
    expect(renderWith(dir, spec('A pet.'), 'tool-b').made).toBe(UNITS + TEMPLATES);
  });

  it('makes again what a corrupt file or a malformed entry holds', () => {
    const dir = tempDir('rendered');
    const first = renderWith(dir, spec('A pet.'));
    const file = renderFileOf(dir, OUT);
    const good = readFileSync(file, 'utf8');
    const data = JSON.parse(good) as { texts: Record<string, unknown> };
    const keys = Object.keys(data.texts);
    data.texts[keys[0]!] = ['only one text'];
    data.texts[keys[1]!] = [1, 2];
    writeFileSync(file, JSON.stringify(data));
    const repaired = renderWith(dir, spec('A pet.'));
    expect(repaired.made).toBe(2);
    expect(repaired.files).toEqual(first.files);

    writeFileSync(file, good.slice(0, good.length / 2));
    expect(renderWith(dir, spec('A pet.')).made).toBe(UNITS + TEMPLATES);
  });

  it('keeps one file per output folder, with this run and the one before, and leaves it alone when nothing was made', () => {
    const dir = tempDir('rendered');
    renderWith(dir, spec('A pet.'));
    renderWith(dir, spec('A cat.'));
    renderWith(dir, spec('A dog.'));
    // The dog's run keeps its own entries and as many earlier ones: the cat's Pet is still there.
    expect(renderWith(dir, spec('A cat.')).made).toBe(0);
    expect(readdirSync(dir)).toEqual([renderFileOf(dir, OUT).slice(dir.length + 1)]);
    writeFileSync(renderFileOf(dir, OUT), readFileSync(renderFileOf(dir, OUT), 'utf8') + '\n');
    renderWith(dir, spec('A cat.'));
    expect(readFileSync(renderFileOf(dir, OUT), 'utf8').endsWith('\n')).toBe(true);
  });
});
