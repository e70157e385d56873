// Where the repository is, and the one way to list a folder's files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder (with a trailing separator). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every file below `dir`, as absolute paths, in directory order (callers sort when order matters). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
