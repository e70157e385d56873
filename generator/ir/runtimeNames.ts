// The names the hand-written runtime (templates/static/src) exports. The package index
// re-exports the runtime beside the models, so no model may take one of these names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeExports } from '../postprocess/runtimeExports.ts';

const RUNTIME_SOURCES = fileURLToPath(new URL('../../templates/static/src/', import.meta.url));

let cached: string[] | undefined;

/** Type-like (capitalized) exports of the runtime's index only: models are PascalCase, so only these can clash. */
export function runtimeExportNames(): string[] {
  cached ??= runtimeExports()
    .map((e) => e.name)
    .filter((name) => /^[A-Z]/.test(name))
    .sort();
  return cached;
}

const BASE_API = join(RUNTIME_SOURCES, 'runtime/BaseApi.ts');
// A member of the class body: two spaces in, optional modifiers, then the name.
const MEMBER = /^ {2}(?:(?:public|protected|private|readonly|static|async|abstract|override)\s+)*\*?([A-Za-z_$][\w$]*)\s*[(<:=?]/gm;

let members: Set<string> | undefined;

/**
 * Names a generated API class must not give a method: `BaseApi`'s members (read from its
 * source) and what every object inherits (`toString`, `__proto__`…).
 */
export function reservedMethodNames(): Set<string> {
  if (members) return members;
  const source = readFileSync(BASE_API, 'utf8');
  const start = source.indexOf('export abstract class BaseApi');
  const body = source.slice(start, source.indexOf('\n}\n', start));
  members = new Set([...body.matchAll(MEMBER)].map((m) => m[1]!));
  for (const name of Object.getOwnPropertyNames(Object.prototype)) members.add(name);
  members.add('constructor');
  return members;
}
