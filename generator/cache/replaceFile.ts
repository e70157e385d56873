// Every cache file is replaced whole: written aside, then renamed over the old one, so a reader
// (another run, at the same time) sees the old file or the new one, never half of one.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function replaceFile(target: string, data: string | Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.tmp`;
  writeFileSync(partial, data);
  renameSync(partial, target);
}
