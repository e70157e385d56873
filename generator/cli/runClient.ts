// One client, one run: generate (or check) and describe the outcome as data. Printing it, as
// lines or as JSON, is report.ts's job; so the same run serves the CLI, --json and --watch.
import { relative } from 'node:path';
import type { ClientJob } from '../config/config.ts';
import { fileError, type Diagnostic, type DiagnosticCode } from '../diagnostics.ts';
import { ConfigError, OracleUnavailableError, OutDirRefusedError, RenderedCodeError, SpecError, UsageError } from '../errors.ts';
import { loadSpec, type LoadedSpec } from '../load/loadSpec.ts';
import { generate, type StageProgress, type StageTimings } from '../pipeline.ts';
import { generateIncrementally } from '../cache/incremental.ts';
import type { WriteCounts } from '../write/writeTree.ts';
import { allDiagnostics, loadedDiagnostics } from './validate.ts';

/** 0 ok; 1 spec problems (or --check found stale files); 2 usage, config or refused output folder. */
export type ExitCode = 0 | 1 | 2;

export interface ClientReport {
  name: string;
  /** Paths as given to the user: relative to the working folder. */
  spec: string;
  out: string;
  exitCode: ExitCode;
  operations?: number;
  models?: number;
  files?: { total: number } & Partial<WriteCounts>;
  /** --check: what differs from the tree on disk. */
  stale?: { added: string[]; changed: string[]; removed: string[] };
  warnings: Diagnostic[];
  /** Unlocated problems (not from the spec) have file '' and pointer ''. */
  errors: Diagnostic[];
  timings: StageTimings & { total: number };
}

export interface RunOptions {
  check?: boolean;
  /** Run openapi-generator's validator first (generate --validate). */
  validate?: boolean;
  /** Refuse a spec larger than this (bytes, after decompression). */
  maxSpecBytes?: number | undefined;
  onStage?: (progress: StageProgress) => void;
}

export async function runClient(job: ClientJob, options: RunOptions = {}): Promise<ClientReport> {
  const started = performance.now();
  try {
    let loaded: LoadedSpec | undefined;
    if (options.validate) {
      // Read once: the checks and the generation work on the same loaded spec.
      loaded = loadSpec(job.specPath, { maxSpecBytes: options.maxSpecBytes });
      const found = validationReport(job, started, await loadedDiagnostics(loaded, true));
      if (found.exitCode !== 0) return found;
    }
    const result = await generateIncrementally({ specPath: job.specPath, outDir: job.outDir, check: options.check, package: job.package, maxSpecBytes: options.maxSpecBytes, onStage: options.onStage, loaded });
    const stale = result.diff && { added: result.diff.added, changed: result.diff.changed, removed: result.diff.removed };
    const isStale = stale !== undefined && stale.added.length + stale.changed.length + stale.removed.length > 0;
    return {
      ...identity(job),
      exitCode: isStale ? 1 : 0,
      operations: result.operations,
      models: result.models,
      files: { total: result.fileCount, ...result.written },
      ...(stale ? { stale } : {}),
      warnings: result.warnings,
      errors: [],
      timings: roundedTimings({ ...result.timings, total: result.ms }),
    };
  } catch (err) {
    return failed(job, started, err);
  }
}

/** `validate`: every problem of the client's spec, ours and (unless told not to) openapi-generator's. */
export async function validateClient(job: ClientJob, withOracle: boolean, maxSpecBytes?: number): Promise<ClientReport> {
  const started = performance.now();
  try {
    return validationReport(job, started, await allDiagnostics(job.specPath, withOracle, maxSpecBytes));
  } catch (err) {
    return failed(job, started, err);
  }
}

function validationReport(job: ClientJob, started: number, found: Diagnostic[]): ClientReport {
  const errors = found.filter((d) => d.severity === 'error');
  return { ...identity(job), exitCode: errors.length > 0 ? 1 : 0, errors, warnings: found.filter((d) => d.severity === 'warning'), timings: { total: performance.now() - started } };
}

/** The report of a run that stopped on an expected failure; a bug is rethrown with its stack. */
function failed(job: ClientJob, started: number, err: unknown): ClientReport {
  const failure = failureOf(err);
  if (!failure) throw err;
  return { ...identity(job), exitCode: failure.exitCode, errors: failure.errors, warnings: [], timings: { total: performance.now() - started } };
}

/** Tenths of a millisecond: finer figures are noise. */
function roundedTimings<T extends Record<string, number | undefined>>(timings: T): T {
  return Object.fromEntries(Object.entries(timings).map(([stage, ms]) => [stage, ms === undefined ? ms : Math.round(ms * 10) / 10])) as T;
}

function identity(job: ClientJob): Pick<ClientReport, 'name' | 'spec' | 'out'> {
  return { name: job.name, spec: shown(job.specPath), out: shown(job.outDir) };
}

/**
 * The exit code and problems of an expected failure; undefined for a bug, which the caller
 * lets through with its stack.
 */
export function failureOf(err: unknown): { exitCode: ExitCode; errors: Diagnostic[] } | undefined {
  const unlocated = (code: DiagnosticCode, message: string): Diagnostic[] => [fileError(code, '', message)];
  if (err instanceof ConfigError) return { exitCode: 2, errors: err.diagnostics };
  if (err instanceof SpecError) return { exitCode: 1, errors: err.diagnostics };
  if (err instanceof UsageError) return { exitCode: 2, errors: unlocated('USAGE', err.message) };
  // Output that does not parse is our bug, not the spec's: say so, and write nothing.
  if (err instanceof RenderedCodeError) return { exitCode: 1, errors: unlocated('RENDERED_CODE_INVALID', err.message) };
  if (err instanceof OracleUnavailableError) return { exitCode: 2, errors: unlocated('ORACLE_UNAVAILABLE', err.message) };
  if (err instanceof OutDirRefusedError) return { exitCode: 2, errors: unlocated('OUTPUT_REFUSED', err.message) };
  return undefined;
}

function shown(path: string): string {
  return relative(process.cwd(), path) || '.';
}
