// TypeScript's own parser, loaded with require() on first use.
//
// Postprocess only parses (no type checker), so it uses the compiler API directly rather than
// ts-morph: loading ts-morph costs about 0.1 s more than TypeScript alone, and wrapping every
// node it visits cost about 0.3 s on the full OpenAI spec. require() rather than an ES import:
// Node would scan the CommonJS source for named exports first. A run that never parses (a
// no-change regenerate answered from .cache, --help) does not load it at all; the others load
// it with V8's code cache (cache/codeCache.ts), which halves the load.
import { join } from 'node:path';
import type * as TypeScript from 'typescript';
import { requireWithCodeCache } from '../cache/codeCache.ts';
import { REPO_ROOT } from '../files.ts';

export let ts: typeof TypeScript;

export const CODE_CACHE_DIR = join(REPO_ROOT, '.cache', 'v8');

export function loadTypeScript(): typeof TypeScript {
  ts ??= requireWithCodeCache('typescript', import.meta.url, CODE_CACHE_DIR) as typeof TypeScript;
  return ts;
}
