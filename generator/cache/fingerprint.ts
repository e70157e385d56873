// The generator's own fingerprint: a hash of what decides the output besides the spec and the
// options. Every cache under .cache/generate is keyed by it, so no answer outlives a change to
// the generator's sources, its templates or package.json.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../files.ts';

/** Per checkout, the hash of its code: computed once, as a process runs the code it loaded. */
const codeHashes = new Map<string, string>();

/**
 * This checkout's fingerprint. The code's part is computed once per process; the templates are
 * read by every render, so they are hashed on every call (--watch renders again after a template
 * is saved, and no record of the old templates may answer then).
 */
export function toolFingerprint(root = REPO_ROOT): string {
  let code = codeHashes.get(root);
  if (code === undefined) {
    code = codeHash(root);
    codeHashes.set(root, code);
  }
  return combined(code, root);
}

/** A hash of what decides the output besides the spec: the generator's sources, its templates and package.json. */
export function fingerprintOf(root: string): string {
  return combined(codeHash(root), root);
}

const codeHash = (root: string) => hashOf(root, ['package.json'], ['generator']);
const combined = (code: string, root: string) => createHash('sha256').update(code).update(hashOf(root, [], ['templates'])).digest('hex');

/** The files (paths and bytes) of `files` and of every file below `dirs` but tests, with Node's version. */
function hashOf(root: string, files: string[], dirs: string[]): string {
  const hash = createHash('sha256');
  hash.update(`${process.version}\0`);
  const add = (file: string) => {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  };
  for (const file of files) add(join(root, file));
  for (const dir of dirs) for (const file of filesBelow(join(root, dir))) if (!file.includes('.test.')) add(file);
  return hash.digest('hex');
}

function filesBelow(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesBelow(full));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}
