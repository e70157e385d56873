// Inputs built to expand exponentially either generate in time linear in their size or stop
// with one located error (the alias bomb and size limit cases sit in generator/load).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClient } from '../generator/pipeline.ts';
import { REPO, tempDir } from './helpers.ts';

/** `depth` definitions outside components, each referring twice to the next: 2^depth paths through them. */
function refDag(depth: number, via: 'properties' | 'allOf'): string {
  const ref = (i: number) => ({ $ref: `#/x-defs/d${i}` });
  const defs: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) {
    defs[`d${i}`] = via === 'properties' ? { type: 'object', properties: { left: ref(i + 1), right: ref(i + 1) } } : { allOf: [ref(i + 1), { type: 'object', properties: { x: ref(i + 1) } }] };
  }
  defs[`d${depth}`] = { type: 'object', properties: { leaf: { type: 'string' } } };
  const ok = { description: 'ok', content: { 'application/json': { schema: ref(0) } } };
  const file = join(tempDir('dag'), 'dag.json');
  writeFileSync(file, JSON.stringify({ openapi: '3.1.0', info: { title: 'DAG', version: '1' }, paths: { '/a': { get: { operationId: 'getA', responses: { '200': ok } } } }, 'x-defs': defs }));
  return file;
}

describe('$refs outside components that form a DAG', () => {
  // 30 levels: still 2^30 paths (hopeless if expanded per path), while the inline names that
  // allOf nesting builds (one `AllOf` a level) stay under the 200-character name limit.
  it.each(['properties', 'allOf'] as const)('through %s: 30 levels (2^30 paths) generate, each level one model', { timeout: 60_000 }, (via) => {
    const built = buildClient(refDag(30, via));
    expect(built.operations).toBe(1);
    expect(built.models).toBeGreaterThanOrEqual(30);
  });
});

describe('--max-spec-size', () => {
  const TSX = join(REPO, 'node_modules/.bin/tsx');
  const run = (...args: string[]) => spawnSync(TSX, [join(REPO, 'generator/cli.ts'), 'generate', ...args], { encoding: 'utf8', cwd: REPO });

  it('a spec above the limit stops with one located sentence before anything is written', { timeout: 60_000 }, () => {
    const out = join(tempDir('limit'), 'client');
    const r = run('--out', out, '--max-spec-size', '1KB');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('spec/openapi.yaml error at #: the spec is larger than 1 KB, the limit: raise it with --max-spec-size');
    expect(existsSync(out)).toBe(false);
  });

  it('an unreadable size is a usage error', { timeout: 60_000 }, () => {
    const r = run('--out', join(tempDir('limit'), 'client'), '--max-spec-size', 'lots');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['--max-spec-size lots: give a size such as 64MB, 512KB or 1GB', 'run with --help for the commands and flags']);
  });
});
