// The names the hand-written runtime (templates/static/src) exports. The package index
// re-exports the runtime beside the models, so no model may take one of these names.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNTIME_SOURCES = fileURLToPath(new URL('../../templates/static/src/', import.meta.url));
const DECLARATION = /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|interface|type|const|let|function\*?|enum)\s+([A-Za-z_$][\w$]*)/gm;

let cached: string[] | undefined;

/** Type-like (capitalized) exports only: models are PascalCase, so only these can clash. */
export function runtimeExportNames(): string[] {
  cached ??= listTs(RUNTIME_SOURCES)
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(DECLARATION)].map((m) => m[1]!))
    .filter((name) => /^[A-Z]/.test(name))
    .sort();
  return cached;
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listTs(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
