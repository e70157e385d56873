// The whole generator, stage by stage: load → normalize → ir → view → render → postprocess → write.
// The IR says what the API means; the view turns it into every string the templates print.
import { resolve } from 'node:path';
import { REPO_ROOT } from './files.ts';
import type { Diagnostic } from './diagnostics.ts';
import { HeapPolicy } from './heapPolicy.ts';
import { buildIr, DEFAULT_PACKAGE, type PackageOptions } from './ir/buildIr.ts';
import type { ClientIR } from './ir/types.ts';
import { loadSpec, type LoadedSpec, type LoadOptions } from './load/loadSpec.ts';
import type { BlockReader } from './load/yamlBlocks.ts';
import { normalize } from './normalize/normalize.ts';
import type { FactsSource } from './postprocess/moduleFacts.ts';
import { ParsePool, PARALLEL_LIKELY_MIN_SPEC_BYTES, PARALLEL_MIN_MODULES } from './postprocess/parsePool.ts';
import { postprocess } from './postprocess/postprocess.ts';
import { runtimeExports } from './postprocess/runtimeExports.ts';
import { isModule } from './postprocess/surface.ts';
import { render, renderApi, renderModels, type FileTree, type RenderMemo } from './render/render.ts';
import { buildView, docsContext } from './view/buildView.ts';
import { checkOutDir, readOwnership } from './write/outputFolder.ts';
import { diffTree, stageTree, type TreeDiff, type WriteCounts } from './write/writeTree.ts';

export const DEFAULT_SPEC = resolve(REPO_ROOT, 'spec/openapi.yaml');
export const DEFAULT_OUT = resolve(REPO_ROOT, 'generated');

export interface GenerateOptions {
  specPath?: string;
  outDir?: string;
  package?: Partial<PackageOptions>;
  /** Compare with what is on disk instead of writing. */
  check?: boolean;
  /** Refuse a spec larger than this (bytes, after decompression); default DEFAULT_MAX_SPEC_BYTES. */
  maxSpecBytes?: number | undefined;
  /** The spec at specPath, already loaded by the caller (generate --validate reads it once for both). */
  loaded?: LoadedSpec;
  /** Told when each stage starts, with the counts known so far (for progress displays). */
  onStage?: (progress: StageProgress) => void;
  /** Where postprocess gets each module's facts (a cache of earlier runs); by default it parses every module. */
  moduleFacts?: FactsSource;
  /** Where load gets each YAML block's value (a cache of earlier runs); by default it parses every block. */
  readBlock?: BlockReader;
  /** What render may take from earlier runs (compiled templates, models' files); by default it renders everything. */
  renderMemo?: RenderMemo;
  /** A tree of at least this many models and API classes is parsed in a worker thread (default PARALLEL_MIN_MODULES). */
  workerParseMinModules?: number;
}

/** The stages in order; `write` overlaps `postprocess` (the disk works while TypeScript parses). */
export const STAGES = ['load', 'normalize', 'ir', 'view', 'render', 'postprocess', 'write'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageProgress {
  stage: Stage;
  operations?: number;
  models?: number;
  files?: number;
}

/** Milliseconds per stage that ran. */
export type StageTimings = Partial<Record<Stage, number>>;

export interface GenerateResult {
  ir: ClientIR;
  /** Every spec file read (the spec, then the files its `$ref`s named). */
  specFiles: string[];
  files: FileTree;
  warnings: Diagnostic[];
  /** Set in check mode: what differs from the tree on disk. */
  diff?: TreeDiff;
  operations: number;
  models: number;
  ms: number;
  timings: StageTimings;
  /** Set when the tree was written. */
  written?: WriteCounts;
}

/** Builds the client files in memory: every stage but writing. */
export function buildClient(specPath: string, pkg: Partial<PackageOptions> = {}): Omit<GenerateResult, 'ms' | 'diff' | 'timings'> {
  const { warnings, ir, rendered, specFiles } = renderClient(specPath, pkg, new StageClock());
  return summarize(warnings, specFiles, ir, postprocess(rendered));
}

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const heap = new HeapPolicy();
  try {
    return await generateClient(options, heap);
  } finally {
    heap.release();
  }
}

async function generateClient(options: GenerateOptions, heap: HeapPolicy): Promise<GenerateResult> {
  const started = performance.now();
  const clock = new StageClock(options.onStage);
  const specPath = resolve(options.specPath ?? DEFAULT_SPEC);
  const outDir = options.check ? resolve(options.outDir ?? DEFAULT_OUT) : checkOutDir(options.outDir ?? DEFAULT_OUT, specPath);
  // A folder the generator may not replace is refused before the spec is even read.
  if (!options.check) readOwnership(outDir);
  const { warnings, ir, rendered, specFiles, parsing } = renderClient(options.loaded ?? specPath, options.package ?? {}, clock, { maxSpecBytes: options.maxSpecBytes, readBlock: options.readBlock }, { moduleFacts: options.moduleFacts, renderMemo: options.renderMemo, workerParseMinModules: options.workerParseMinModules }, heap);
  const done = (files: FileTree, extra: Partial<GenerateResult>): GenerateResult => ({ ...summarize(warnings, specFiles, ir, files), ...extra, timings: clock.timings, ms: performance.now() - started });
  // What the parse worker has not answered (it failed, or there was none) is parsed here.
  const postprocessed = () => clock.timeAsync('postprocess', async () => postprocess(rendered, options.moduleFacts, await parsing?.results().catch(() => undefined)));
  if (options.check) {
    const files = await postprocessed();
    return done(files, { diff: diffTree(files, outDir) });
  }
  // The disk writes the rendered files while the worker (or, without one, the main thread) parses them; the swap waits for both.
  let staged: ReturnType<typeof stageTree>;
  try {
    staged = stageTree(rendered, outDir);
  } catch (err) {
    parsing?.close();
    throw err;
  }
  let files: FileTree;
  try {
    files = await postprocessed();
  } catch (err) {
    await staged.abort();
    throw err;
  }
  const written = await clock.timeAsync('write', () => staged.finish(files));
  return done(files, { written });
}

/**
 * load (unless given the loaded spec) → normalize → ir → view → render. Only the warnings of the
 * loaded and normalized spec come out: the document, its text and the normalized spec are
 * garbage before postprocess, the stage that needs the most memory.
 */
function renderClient(source: string | LoadedSpec, pkg: Partial<PackageOptions>, clock: StageClock, load: LoadOptions = {}, memos: { moduleFacts?: FactsSource | undefined; renderMemo?: RenderMemo | undefined; workerParseMinModules?: number | undefined } = {}, heap?: HeapPolicy) {
  const loaded = typeof source === 'string' ? clock.time('load', () => loadSpec(source, load)) : source;
  // Only generate() sets the heap's policy and parses in a worker: buildClient() is synchronous.
  // The lean heap is for trees parsed in-process (heapPolicy.ts); which way is known after ir,
  // so a spec too small for a worker gets it now, before its heap grows.
  if (loaded.bytes < PARALLEL_LIKELY_MIN_SPEC_BYTES) heap?.fit(loaded.bytes);
  const spec = clock.time('normalize', () => normalize(loaded));
  const ir = clock.time('ir', () => {
    // The names models may not take are the runtime's exports: read through the facts cache, if any.
    runtimeExports(memos.moduleFacts);
    return buildIr(spec, { ...DEFAULT_PACKAGE, ...pkg });
  });
  clock.counts = { operations: countOperations(ir), models: ir.models.length };
  // A large tree is parsed by a worker thread as it is rendered (it starts now, to be ready by then).
  const parsing = heap && ir.models.length + ir.apis.length >= (memos.workerParseMinModules ?? PARALLEL_MIN_MODULES) ? new ParsePool() : undefined;
  if (!parsing) heap?.fit(loaded.bytes);
  try {
    const toParse = (path: string, text: string) => {
      if (isModule(path) && !memos.moduleFacts?.knownFacts?.(path, text)) parsing?.add(path, text);
    };
    // Each unit is rendered as soon as what it is made of exists (models: their IR node; API classes:
    // their view), so a parse worker has their files while the main thread builds the next views.
    const options = { memo: memos.renderMemo, onFile: parsing && toParse };
    const docs = docsContext(ir);
    const models = clock.time('render', () => renderModels(ir.models, docs, options));
    const apis: FileTree = new Map();
    const view = clock.time('view', () => buildView(ir, (api) => clock.time('render', () => renderApi(api, docs, apis, options))));
    const rendered = clock.time('render', () => render(view, { ...options, models, apis }));
    clock.counts.files = rendered.size;
    return { warnings: spec.diagnostics.items.filter((d) => d.severity === 'warning'), ir, rendered, specFiles: loaded.files, parsing };
  } catch (err) {
    parsing?.close();
    throw err;
  }
}

/** Times each stage (its own time: a stage run inside another is not counted twice) and tells the listener when one starts. */
class StageClock {
  private readonly spent: StageTimings = {};
  /** The time spent in stages nested inside each running one. */
  private readonly nested: number[] = [];
  counts: Omit<StageProgress, 'stage'> = {};

  constructor(private readonly onStage?: (progress: StageProgress) => void) {}

  /** The stages that ran, in pipeline order (render runs in parts, inside and around view). */
  get timings(): StageTimings {
    return Object.fromEntries(STAGES.flatMap((stage) => (this.spent[stage] === undefined ? [] : [[stage, this.spent[stage]]])));
  }

  time<T>(stage: Stage, work: () => T): T {
    const started = this.start(stage);
    try {
      return work();
    } finally {
      this.stop(stage, started);
    }
  }

  async timeAsync<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
    const started = this.start(stage);
    try {
      return await work();
    } finally {
      this.stop(stage, started);
    }
  }

  private start(stage: Stage): number {
    this.onStage?.({ stage, ...this.counts });
    this.nested.push(0);
    return performance.now();
  }

  private stop(stage: Stage, started: number): void {
    const elapsed = performance.now() - started;
    const inner = this.nested.pop() ?? 0;
    this.spent[stage] = (this.spent[stage] ?? 0) + elapsed - inner;
    if (this.nested.length > 0) this.nested[this.nested.length - 1]! += elapsed;
  }
}

function summarize(warnings: Diagnostic[], specFiles: string[], ir: ClientIR, files: FileTree): Omit<GenerateResult, 'ms' | 'diff' | 'timings'> {
  return {
    ir,
    specFiles,
    files,
    warnings,
    operations: countOperations(ir),
    models: ir.models.length,
  };
}

function countOperations(ir: ClientIR): number {
  // An operation tagged twice is in two classes: count it once.
  return new Set(ir.apis.flatMap((api) => api.operations)).size;
}
