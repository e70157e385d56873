// The runtime's export names have one source: its index, read as postprocess reads it.
import { describe, expect, it } from 'vitest';
import { buildIr, DEFAULT_PACKAGE } from '../ir/buildIr.ts';
import { parseSpecText } from '../load/loadSpec.ts';
import { normalize } from '../normalize/normalize.ts';
import { buildClient } from '../pipeline.ts';
import { ModuleParser, type FactsSource } from './moduleFacts.ts';
import { readRuntimeExports, runtimeExports } from './runtimeExports.ts';

describe('runtimeExports', () => {
  it('lists what the runtime index exports, values and types, and nothing it keeps inside', () => {
    const names = runtimeExports().map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['BaseApi', 'Stream', 'SseDecoder', 'Configuration', 'ApiError', 'RequestOptions', 'jsonBody']));
    // Exported by a runtime file but not through the index: no model can clash with it.
    expect(names).not.toContain('Hop');
    expect(names).not.toContain('PathParams');
  });

  it('reads each runtime module through the facts source it is given (a cache answers a regenerate)', () => {
    const parser = new ModuleParser();
    const asked: string[] = [];
    const source: FactsSource = { factsOf: (path, text) => (asked.push(path), parser.factsOf(path, text)) };
    expect(readRuntimeExports(source)).toEqual(runtimeExports());
    expect(asked).toContain('src/runtime/index.ts');
    expect(asked).toContain('src/runtime/BaseApi.ts');
  });

  it('is the runtime section the API report shows', () => {
    const report = buildClient('spec/openapi.yaml').files.get('api-report.md')!;
    const section = report.slice(report.indexOf('## src/runtime/index.ts'), report.indexOf('\n## ', report.indexOf('## src/runtime/index.ts') + 1));
    for (const e of runtimeExports()) expect(section).toContain(e.signature);
  });

  it('renames a model that would take a runtime export name, and only those', () => {
    const spec = `openapi: 3.1.0
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Stream: {type: object, properties: {a: {type: string}}}
    Hop: {type: object, properties: {a: {type: string}}}
`;
    const ir = buildIr(normalize(parseSpecText(spec, 'spec.yaml')), DEFAULT_PACKAGE);
    expect(ir.models.map((m) => m.name).sort()).toEqual(['Hop', 'Stream2']);
  });
});
