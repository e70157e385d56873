import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTree, tempDir } from '../../test/helpers.ts';
import { fingerprintOf, toolFingerprint } from './fingerprint.ts';
import { generateIncrementally, recordKey, type IncrementalOptions } from './incremental.ts';
import { FACTS_FILE } from './moduleFactsCache.ts';
import { BLOCKS_FILE } from './yamlBlockCache.ts';

const SPEC = `openapi: 3.1.0
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
    Pet: {type: object, properties: {name: {type: string}}}
`;

/** A spec, an output folder and a cache folder of their own. */
function setUp() {
  const dir = tempDir('incremental');
  const specPath = join(dir, 'spec.yaml');
  writeFileSync(specPath, SPEC);
  const options: IncrementalOptions = { specPath, outDir: join(dir, 'out'), cacheDir: join(dir, 'cache') };
  return { dir, specPath, out: options.outDir!, options };
}

/** A first run (full) so the next one may be answered from the record. */
async function generatedOnce() {
  const setup = setUp();
  // A record is written only for files unchanged since the run began; give the clock a tick.
  await new Promise((r) => setTimeout(r, 5));
  const first = await generateIncrementally(setup.options);
  expect(first.fromCache).toBe(false);
  return setup;
}

describe('the incremental cache', () => {
  it('answers a no-change regenerate and --check from the record, with the counts of a full run', async () => {
    const { options } = await generatedOnce();
    const again = await generateIncrementally(options);
    expect(again).toMatchObject({ fromCache: true, operations: 1, models: 1, written: { written: 0, removed: 0 } });
    const full = await generateIncrementally({ ...options, noCache: true });
    expect(again.written!.unchanged).toBe(full.written!.unchanged);
    expect(again.fileCount).toBe(full.fileCount);
    const check = await generateIncrementally({ ...options, check: true });
    expect(check).toMatchObject({ fromCache: true, diff: { added: [], changed: [], removed: [] } });
  });

  it('records a run that used no cache (CODEGEN_NO_CACHE=1): the next run is answered from its record', async () => {
    const { options } = setUp();
    await new Promise((r) => setTimeout(r, 5));
    expect((await generateIncrementally({ ...options, noCache: true })).fromCache).toBe(false);
    expect((await generateIncrementally(options)).fromCache).toBe(true);
  });

  it('stamps anew a file whose times changed but whose bytes did not, so the next run needs no hashing', async () => {
    const { options, out } = await generatedOnce();
    const record = join(options.cacheDir!, `${recordKey(options, options.outDir!)}.json`);
    const file = join(out, 'src/models/Pet.ts');
    utimesSync(file, new Date(0), new Date(0)); // new mtime and ctime, same bytes
    const stampOf = () => (JSON.parse(readFileSync(record, 'utf8')) as { outFiles: Array<{ path: string; mtimeMs: number; ctimeMs: number }> }).outFiles.find((s) => s.path === 'src/models/Pet.ts')!;
    const onDisk = lstatSync(file);
    expect(stampOf().mtimeMs).not.toBe(onDisk.mtimeMs);
    expect((await generateIncrementally(options)).fromCache).toBe(true);
    expect(stampOf()).toMatchObject({ mtimeMs: onDisk.mtimeMs, ctimeMs: onDisk.ctimeMs });
    // The renewed stamp still notices an edit.
    writeFileSync(file, readFileSync(file, 'utf8').replace('name', 'NAME'));
    expect((await generateIncrementally({ ...options, check: true })).diff!.changed).toEqual(['src/models/Pet.ts']);
  });

  it('runs in full when the spec bytes change', async () => {
    const { options, specPath, out } = await generatedOnce();
    writeFileSync(specPath, SPEC.replace('Pet: {type: object, properties: {name: {type: string}}}', 'Pet: {type: object, properties: {name: {type: string}, age: {type: integer}}}'));
    const again = await generateIncrementally(options);
    expect(again.fromCache).toBe(false);
    expect(readFileSync(join(out, 'src/models/Pet.ts'), 'utf8')).toContain('age');
  });

  it('after a spec update writes what a run without any cache writes, reusing the facts of unchanged modules and the unchanged YAML blocks', async () => {
    const { options, specPath, out, dir } = await generatedOnce();
    expect(existsSync(join(options.cacheDir!, FACTS_FILE))).toBe(true);
    expect(readFileSync(join(options.cacheDir!, BLOCKS_FILE), 'utf8')).toContain('"getPet"');
    writeFileSync(specPath, SPEC.replace('{name: {type: string}}', '{name: {type: string}, tag: {type: string}}'));
    expect((await generateIncrementally(options)).fromCache).toBe(false);
    const fresh = join(dir, 'fresh');
    await generateIncrementally({ ...options, outDir: fresh, noCache: true });
    expect(snapshotTree(out)).toEqual(snapshotTree(fresh));
    expect(readFileSync(join(out, 'api-report.md'), 'utf8')).toContain('tag?: string');
  });

  it('runs in full when the options change', async () => {
    const { options } = await generatedOnce();
    const again = await generateIncrementally({ ...options, package: { packageName: 'other-name' } });
    expect(again.fromCache).toBe(false);
    expect((await generateIncrementally({ ...options, maxSpecBytes: 1024 * 1024 })).fromCache).toBe(false);
  });

  it('runs in full, restoring the file, when an output file was edited (same size, old times) or deleted', async () => {
    const { options, out } = await generatedOnce();
    const file = join(out, 'src/models/Pet.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('name', 'NAME'));
    utimesSync(file, new Date(0), new Date(0));
    expect((await generateIncrementally({ ...options, check: true })).diff!.changed).toEqual(['src/models/Pet.ts']);
    expect((await generateIncrementally(options)).fromCache).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(original);

    await new Promise((r) => setTimeout(r, 5));
    expect((await generateIncrementally(options)).fromCache).toBe(true);
    rmSync(file);
    const check = await generateIncrementally({ ...options, check: true });
    expect(check).toMatchObject({ fromCache: false, diff: { added: ['src/models/Pet.ts'] } });
  });

  it('runs in full when the ignore file appears', async () => {
    const { options, out } = await generatedOnce();
    writeFileSync(join(out, '.openapi-generator-ignore'), 'README.md\n');
    expect((await generateIncrementally(options)).fromCache).toBe(false);
  });

  it('ignores a corrupt record and writes a good one', async () => {
    const { options } = await generatedOnce();
    const record = join(options.cacheDir!, `${recordKey(options, options.outDir!)}.json`);
    for (const bad of ['{ not json', JSON.stringify({ format: 1 }), 'null']) {
      writeFileSync(record, bad);
      expect((await generateIncrementally(options)).fromCache).toBe(false);
    }
    expect((await generateIncrementally(options)).fromCache).toBe(true);
  });

  it('does not record a --check that found stale files', async () => {
    const { options, out } = await generatedOnce();
    writeFileSync(join(out, 'README.md'), 'edited');
    const first = await generateIncrementally({ ...options, check: true });
    expect(first.diff!.changed).toEqual(['README.md']);
    const second = await generateIncrementally({ ...options, check: true });
    expect(second).toMatchObject({ fromCache: false, diff: { changed: ['README.md'] } });
  });

  it('never shares a record across generator versions: the fingerprint covers sources, templates and package.json', () => {
    const root = generatorCheckout();
    const before = fingerprintOf(root);
    for (const [path, text] of [['generator/a.ts', 'b'], ['templates/t.hbs', 'u'], ['package.json', '{"version":"1.0.1"}']] as const) {
      const copy = tempDir('fingerprint');
      cpSync(root, copy, { recursive: true });
      writeFileSync(join(copy, path), text);
      expect(fingerprintOf(copy)).not.toBe(before);
    }
    writeFileSync(join(root, 'generator/a.test.ts'), 'tests do not count');
    expect(fingerprintOf(root)).toBe(before);
    const options = { specPath: '/s.yaml' };
    expect(recordKey(options, '/out', 'tool-a')).not.toBe(recordKey(options, '/out', 'tool-b'));
  });

  it('sees a template saved while the process runs (--watch), not a source file (the process runs the code it loaded)', () => {
    const root = generatorCheckout();
    const before = toolFingerprint(root);
    expect(before).toBe(fingerprintOf(root));
    writeFileSync(join(root, 'generator/a.ts'), 'b');
    expect(toolFingerprint(root)).toBe(before);
    writeFileSync(join(root, 'templates/t.hbs'), 'u');
    expect(toolFingerprint(root)).not.toBe(before);
  });
});

/** A checkout's files that the fingerprint reads: package.json, a source file, a template. */
function generatorCheckout(): string {
  const root = tempDir('fingerprint');
  mkdirSync(join(root, 'generator'));
  mkdirSync(join(root, 'templates'));
  writeFileSync(join(root, 'package.json'), '{"version":"1.0.0"}');
  writeFileSync(join(root, 'generator/a.ts'), 'a');
  writeFileSync(join(root, 'templates/t.hbs'), 't');
  return root;
}
