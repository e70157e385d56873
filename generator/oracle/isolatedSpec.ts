// What openapi-generator may read: a copy of the spec without external references, alone in a
// fresh temporary folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * openapi-generator resolves external `$ref`s itself: it would fetch URLs and read files beside
 * the spec. So it only ever gets a copy without any external `$ref` (our own checks report each
 * one with its location), written alone into a fresh temporary folder that is also its working
 * folder, removed afterwards.
 */
export async function withIsolatedCopy<T>(document: unknown, work: (copy: { path: string; text: string }, dir: string) => Promise<T>): Promise<T> {
  const text = withoutExternalRefs(document);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'oracle-spec-'));
  try {
    const copy = path.join(dir, 'spec.json');
    await writeFile(copy, text);
    return await work({ path: copy, text }, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The document as JSON, every `$ref` that does not point inside it (`#...`) left out. */
export function withoutExternalRefs(document: unknown): string {
  return JSON.stringify(document, (key, value: unknown) => (key === '$ref' && typeof value === 'string' && !value.startsWith('#') ? undefined : value));
}
