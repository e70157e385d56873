// TypeScript's own parser, loaded with require() on first use.
//
// Postprocess only parses (no type checker), so it uses the compiler API directly rather than
// ts-morph: loading ts-morph costs about 0.1 s more than TypeScript alone, and wrapping every
// node it visits cost about 0.3 s on the full OpenAI spec. require() rather than an ES import:
// Node would scan the CommonJS source for named exports first. A run that never parses (a
// no-change regenerate answered from .cache, --help) does not load it at all.
import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

export let ts: typeof TypeScript;

export function loadTypeScript(): typeof TypeScript {
  ts ??= createRequire(import.meta.url)('typescript') as typeof TypeScript;
  return ts;
}
