// A real-spec corpus from a registry package: every document of @readme/oas-examples (Swagger 2.0,
// OpenAPI 3.0 and 3.1: parameter styles, cookies, callbacks, circular refs, discriminators, file
// uploads, webhooks) generates a client, and all the clients type-check in ONE tsc run under the
// generated package's own strict tsconfig. The documents are read from node_modules; the project
// commits none of their text.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/pipeline.ts';
import { typecheckClients } from '../scripts/typecheckClients.ts';
import { REPO, tempDir } from './helpers.ts';

const CORPUS = join(REPO, 'node_modules/@readme/oas-examples');

/** Documents invalid by design, each with its reason; nothing else may be skipped. */
const INVALID_BY_DESIGN: Record<string, string> = {};

/**
 * Documents whose client generates but does not type-check yet, with the cause. The test fails
 * when one of them starts to pass (remove it here) as well as when any other document fails.
 */
const KNOWN_TYPE_ERRORS: Record<string, string> = {};

/** Every document of the package, as `version/format/name` paths in a fixed order. */
function corpusDocuments(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(json|ya?ml)$/.test(name)) found.push(relative(CORPUS, full));
    }
  };
  for (const version of ['2.0', '3.0', '3.1']) walk(join(CORPUS, version));
  return found;
}

/** The client folder of one document: its path with separators and dots as underscores. */
function folderOf(doc: string): string {
  return doc.replace(/[/.]/g, '_');
}

describe('@readme/oas-examples', () => {
  const documents = corpusDocuments().filter((doc) => !(doc in INVALID_BY_DESIGN));
  const root = tempDir('oas-examples');
  const generateFailures: Record<string, string> = {};

  beforeAll(async () => {
    for (const doc of documents) {
      try {
        await generate({ specPath: join(CORPUS, doc), outDir: join(root, folderOf(doc)) });
      } catch (err) {
        generateFailures[doc] = (err as Error).message.split('\n')[0]!;
      }
    }
  });

  it('holds the documents this test was written against', () => {
    expect(documents.length).toBeGreaterThanOrEqual(125);
    for (const version of ['2.0/', '3.0/', '3.1/']) expect(documents.some((d) => d.startsWith(version))).toBe(true);
  });

  it('every document generates', () => {
    expect(generateFailures).toEqual({});
  });

  it('types the webhooks and callbacks of the documents that declare them', () => {
    const withEvents = ['3.0/json/callbacks.json', '3.0/yaml/callbacks.yaml', '3.1/json/webhooks.json', '3.1/yaml/webhooks.yaml', '3.1/yaml/train-travel.yaml'];
    for (const doc of withEvents) expect(existsSync(join(root, folderOf(doc), 'src/webhooks.ts')), doc).toBe(true);
    expect(existsSync(join(root, folderOf('3.0/yaml/petstore.yaml'), 'src/webhooks.ts'))).toBe(false);
  });

  it('every client type-checks under the strict tsconfig, in one tsc run', { timeout: 600_000 }, () => {
    const generated = documents.filter((doc) => !(doc in generateFailures));
    const { failing: failingFolders } = typecheckClients(root, generated.map(folderOf));
    const failing = generated.filter((doc) => failingFolders.has(folderOf(doc)));
    expect(failing.sort()).toEqual(Object.keys(KNOWN_TYPE_ERRORS).sort());
  });
});
