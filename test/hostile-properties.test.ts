// Property-based: random specs, and random mutations of a valid one, either generate output
// that type-checks and runs nothing when imported, or fail with located errors only. Never a
// stack trace, never a hang. Runs are few (the suite runs on 2 cores); FC_SEED and FC_RUNS
// explore further, e.g. `FC_SEED=7 FC_RUNS=300 npx vitest run test/hostile-properties.test.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../generator/errors.ts';
import { escapePointerSegment } from '../generator/pointer.ts';
import { generate } from '../generator/pipeline.ts';
import { tempDir } from './helpers.ts';
import { fileNameProblems, importEvery, typeCheckTogether } from './support/generatedOutputs.ts';

const SEED = Number(process.env.FC_SEED ?? 20261126);
const RUNS = Number(process.env.FC_RUNS ?? 16);
/** Far above any honest run on a slow machine; a blow-up takes minutes. */
const MAX_MS_PER_SPEC = 15_000;
const LOCATED = /^\S+:\d+:\d+ (error|warning) at #.*: \S/;

/** Pieces of text that have ended comments, strings, lines, HTML or prototypes before. */
const ATOMS = ['*/', '/*', '//', '\n', '\r', '\u2028', '\u2029', "'", '"', '`', '${', '}', '\\', '</script>', '<img src=x onerror=__pwned()>', '__pwned()', '|', '__proto__', 'constructor', ' ', '-', 'é', '🚀'];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...ATOMS), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''));
/** Names a spec might give a schema: hostile text, globals, Windows devices, API-like names. */
const SCHEMA_NAMES = ['Pet', 'PET', 'Error', 'Promise', 'Array', 'con', 'PetsApi', 'a*/b', 'x\ny', '__proto__', 'toString', 'Item'];
const refTo = (name: string) => ({ $ref: `#/components/schemas/${escapePointerSegment(name)}` });

const { schema } = fc.letrec<{ schema: unknown; leaf: unknown; array: unknown; object: unknown; union: unknown; ref: unknown }>((tie) => ({
  schema: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object'), tie('union'), tie('ref')),
  leaf: fc.oneof(
    fc.record({ type: fc.constantFrom('string', 'integer', 'number', 'boolean', 'null'), description: hostileText }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constant('string'), format: fc.constantFrom('binary', 'date-time', 'uuid') }),
    fc.record({ type: fc.constant('string'), enum: fc.uniqueArray(hostileText, { minLength: 1, maxLength: 4 }) }),
    fc.record({ const: fc.oneof(hostileText, fc.integer(), fc.boolean()) }),
    fc.constant({}),
  ),
  array: fc.record({ type: fc.constant('array'), items: tie('schema') }),
  object: fc
    .record({ properties: fc.dictionary(hostileText, tie('schema'), { maxKeys: 4 }), extra: fc.option(tie('schema'), { nil: undefined }), nullable: fc.boolean() })
    .map(({ properties, extra, nullable }) => ({
      type: nullable ? ['object', 'null'] : 'object',
      properties,
      required: Object.keys(properties).filter((_, i) => i % 2 === 0),
      ...(extra === undefined ? {} : { additionalProperties: extra }),
    })),
  union: fc.record({ kind: fc.constantFrom('oneOf', 'anyOf', 'allOf'), members: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }).map(({ kind, members }) => ({ [kind]: members })),
  ref: fc.constantFrom(...SCHEMA_NAMES).map(refTo),
}));

/** A spec whose every schema, name and text is random; references always resolve. */
const randomSpec = fc
  .record({
    schemas: fc.tuple(...SCHEMA_NAMES.map(() => schema)),
    title: hostileText,
    server: hostileText,
    tag: hostileText,
    operationId: hostileText,
    query: hostileText,
    body: schema,
    response: schema,
  })
  .map((r) => ({
    openapi: '3.1.0',
    info: { title: r.title, version: '1' },
    servers: [{ url: `https://example.test/${r.server}` }],
    paths: {
      '/things/{id}': {
        post: {
          operationId: r.operationId,
          tags: [r.tag],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: r.query, in: 'query', schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: r.body } } },
          responses: { '200': { description: r.title, content: { 'application/json': { schema: r.response } } } },
        },
      },
    },
    components: { schemas: Object.fromEntries(SCHEMA_NAMES.map((name, i) => [name, r.schemas[i]])) },
  }));

/** A small spec that generates cleanly; the mutation property starts from it. */
const VALID = {
  openapi: '3.1.0',
  info: { title: 'Pets', version: '1.0.0', description: 'A pet store.' },
  servers: [{ url: 'https://pets.example.test/v1' }],
  tags: [{ name: 'Pets', description: 'Pets.' }],
  paths: {
    '/pets/{pet_id}': {
      get: {
        operationId: 'getPet',
        tags: ['Pets'],
        parameters: [
          { name: 'pet_id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', default: 20 } },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: refTo('Pet') } } } },
      },
      put: {
        operationId: 'updatePet',
        tags: ['Pets'],
        parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } } } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: refTo('Pet') } } } },
      },
    },
  },
  components: {
    schemas: {
      Pet: { type: 'object', required: ['id', 'kind'], properties: { id: { type: 'string' }, kind: refTo('Kind'), owner: { oneOf: [refTo('Owner'), { type: 'null' }] } } },
      Kind: { type: 'string', enum: ['cat', 'dog'] },
      Owner: { allOf: [{ type: 'object', properties: { name: { type: 'string', description: 'Who.' } } }], description: 'An owner.' },
    },
  },
};

/** One edit somewhere in the document: `steps` pick a child at each level (modulo its size). */
interface Mutation {
  steps: number[];
  kind: 'replace' | 'delete' | 'rename';
  value: unknown;
  key: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  steps: fc.array(fc.nat(), { maxLength: 9 }),
  kind: fc.constantFrom('replace', 'delete', 'rename'),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText, fc.constantFrom({ $ref: '#/nowhere' }, { $ref: 'http://127.0.0.1:9/x.yaml' }, 'constructor', { type: 'constructor' }, [], {}, -1, 1e308)),
  key: fc.oneof(hostileText, fc.constantFrom('__proto__', '$ref', 'type', 'constructor')),
});

function mutate(doc: unknown, m: Mutation): unknown {
  const root = structuredClone(doc) as Record<string, unknown>;
  let parent: Record<string, unknown> | unknown[] = root;
  let key: string | number | undefined;
  for (const step of m.steps) {
    const node: unknown = key === undefined ? root : (parent as Record<string | number, unknown>)[key];
    if (node === null || typeof node !== 'object') break;
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    if (key !== undefined) parent = node as Record<string, unknown>;
    key = keys[step % keys.length]!;
  }
  if (key === undefined) return m.kind === 'replace' ? m.value : root;
  const target = parent as Record<string | number, unknown>;
  const old = target[key];
  if (m.kind === 'delete' || m.kind === 'rename') {
    if (Array.isArray(target)) target.splice(Number(key), 1);
    else delete target[key];
  }
  if (m.kind === 'replace') target[key] = m.value;
  // defineProperty, so a key named `__proto__` is a key and not the prototype.
  if (m.kind === 'rename' && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: old, enumerable: true, writable: true, configurable: true });
  return root;
}

interface Tally {
  tried: number;
  generated: string[];
  failedLocated: number;
}

/** Generates one spec; any failure but located spec errors (or a slow run) fails the property. */
async function tryGenerate(root: string, doc: unknown, tally: Tally, keep: boolean): Promise<void> {
  const n = tally.tried++;
  const specPath = join(root, 'specs', `${n}.json`);
  writeFileSync(specPath, JSON.stringify(doc));
  const outDir = join(root, 'out', String(n));
  const started = performance.now();
  try {
    const result = await generate({ specPath, outDir });
    expect(fileNameProblems([...result.files.keys()])).toEqual([]);
    if (keep) tally.generated.push(outDir);
  } catch (err) {
    if (!(err instanceof SpecError)) throw new Error(`spec ${specPath} crashed the generator: ${err instanceof Error ? err.stack : String(err)}`);
    for (const line of err.message.split('\n')) expect(line, specPath).toMatch(LOCATED);
    tally.failedLocated++;
  }
  expect(performance.now() - started, `${specPath} took too long`).toBeLessThan(MAX_MS_PER_SPEC);
}

function setUp(name: string): { root: string; tally: Tally } {
  const root = tempDir(name);
  mkdirSync(join(root, 'specs'));
  return { root, tally: { tried: 0, generated: [], failedLocated: 0 } };
}

describe('random specs', () => {
  it('generate output that type-checks and runs nothing, or fail with located errors', { timeout: 300_000 }, async () => {
    const { root, tally } = setUp('prop-random');
    await fc.assert(
      fc.asyncProperty(randomSpec, (doc) => tryGenerate(root, doc, tally, true)),
      { seed: SEED, numRuns: RUNS },
    );
    // Cycles through references are the only way these specs can fail; most must generate.
    expect(tally.generated.length).toBeGreaterThan(tally.tried / 2);
    const run = importEvery(typeCheckTogether(root, tally.generated));
    expect(run.failures).toEqual([]);
    expect(run.pwned).toBe(0);
  });
});

describe('random mutations of a valid spec', () => {
  it('generate output that type-checks, or fail with located errors, never a crash or a hang', { timeout: 300_000 }, async () => {
    const { root, tally } = setUp('prop-mutations');
    await tryGenerate(root, VALID, tally, true);
    expect(tally.generated).toHaveLength(1);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) =>
        // Type-checking every output would cost a tsc run per few specs; a sample of them is checked.
        tryGenerate(root, mutations.reduce<unknown>(mutate, VALID), tally, tally.generated.length < 8),
      ),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    expect(tally.failedLocated).toBeGreaterThan(0);
    const run = importEvery(typeCheckTogether(root, tally.generated));
    expect(run.failures).toEqual([]);
    expect(run.pwned).toBe(0);
  });
});
