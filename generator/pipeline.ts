// The whole generator, stage by stage: load → normalize → ir → render → postprocess → write.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from './diagnostics.ts';
import { buildIr, DEFAULT_PACKAGE, type PackageOptions } from './ir/buildIr.ts';
import type { ClientIR } from './ir/types.ts';
import { loadSpec } from './load/loadSpec.ts';
import { normalize, type NormalizedSpec } from './normalize/normalize.ts';
import { postprocess } from './postprocess/postprocess.ts';
import { render, type FileTree } from './render/render.ts';
import { checkOutDir, readOwnership } from './write/outputFolder.ts';
import { diffTree, stageTree, type TreeDiff } from './write/writeTree.ts';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_SPEC = resolve(REPO_ROOT, 'spec/openapi.yaml');
export const DEFAULT_OUT = resolve(REPO_ROOT, 'generated');

export interface GenerateOptions {
  specPath?: string;
  outDir?: string;
  package?: Partial<PackageOptions>;
  /** Compare with what is on disk instead of writing. */
  check?: boolean;
  /** Refuse a spec larger than this (bytes, after decompression); default DEFAULT_MAX_SPEC_BYTES. */
  maxSpecBytes?: number;
}

export interface GenerateResult {
  ir: ClientIR;
  files: FileTree;
  warnings: Diagnostic[];
  /** Set in check mode: what differs from the tree on disk. */
  diff?: TreeDiff;
  operations: number;
  models: number;
  ms: number;
}

/** Builds the client files in memory: every stage but writing. */
export function buildClient(specPath: string, pkg: Partial<PackageOptions> = {}): Omit<GenerateResult, 'ms' | 'diff'> {
  const { spec, ir, rendered } = renderClient(specPath, pkg);
  return summarize(spec, ir, postprocess(rendered));
}

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const started = performance.now();
  const specPath = resolve(options.specPath ?? DEFAULT_SPEC);
  const outDir = options.check ? resolve(options.outDir ?? DEFAULT_OUT) : checkOutDir(options.outDir ?? DEFAULT_OUT, specPath);
  // A folder the generator may not replace is refused before the spec is even read.
  if (!options.check) readOwnership(outDir);
  const { spec, ir, rendered } = renderClient(specPath, options.package, options.maxSpecBytes);
  if (options.check) {
    const files = postprocess(rendered);
    return { ...summarize(spec, ir, files), diff: diffTree(files, outDir), ms: performance.now() - started };
  }
  // The disk writes the rendered files while ts-morph reads them; the swap waits for both.
  const staged = stageTree(rendered, outDir);
  let files: FileTree;
  try {
    files = postprocess(rendered);
  } catch (err) {
    await staged.abort();
    throw err;
  }
  await staged.finish(files);
  return { ...summarize(spec, ir, files), ms: performance.now() - started };
}

/** load → normalize → ir → render. */
function renderClient(specPath: string, pkg: Partial<PackageOptions> = {}, maxSpecBytes?: number) {
  const spec = normalize(loadSpec(specPath, { maxSpecBytes }));
  const ir = buildIr(spec, { ...DEFAULT_PACKAGE, ...pkg });
  return { spec, ir, rendered: render(ir) };
}

function summarize(spec: NormalizedSpec, ir: ClientIR, files: FileTree): Omit<GenerateResult, 'ms' | 'diff'> {
  return {
    ir,
    files,
    warnings: spec.diagnostics.items.filter((d) => d.severity === 'warning'),
    operations: ir.apis.reduce((n, api) => n + api.operations.length, 0),
    models: ir.models.length,
  };
}
