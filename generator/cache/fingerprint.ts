// The generator's own fingerprint: a hash of what decides the output besides the spec and the
// options. Every cache under .cache/generate is keyed by it, so no answer outlives a change to
// the generator's sources, its templates or package.json.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../files.ts';

let fingerprint: string | undefined;

/** This checkout's fingerprint, computed once per process. */
export function toolFingerprint(): string {
  fingerprint ??= fingerprintOf(REPO_ROOT);
  return fingerprint;
}

/** A hash of what decides the output besides the spec: the generator's sources, its templates and package.json. */
export function fingerprintOf(root: string): string {
  const hash = createHash('sha256');
  hash.update(`${process.version}\0`);
  const add = (file: string) => {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  };
  add(join(root, 'package.json'));
  for (const dir of ['generator', 'templates']) for (const file of filesBelow(join(root, dir))) if (!file.includes('.test.')) add(file);
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

