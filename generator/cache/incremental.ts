// A no-change regenerate answered from a record instead of from the stages. After a run that
// leaves an output folder holding exactly what a spec gives (a write, or a --check that found
// nothing stale), a record under .cache/generate/ notes what that depended on: the bytes of
// every spec file, the generator's own sources and templates, the options, and each output
// file's bytes and stat. The next run with the same spec, options and output folder checks the
// record instead of running parse → postprocess → write, and answers the same: nothing written
// (or nothing stale).
//
// Safe by construction: a record is used only when all of these still hold, else the full run
// goes ahead (and writes a new record):
// - the record parses, has this format and was written by this exact generator (a hash of
//   generator/, templates/ and package.json), for the same spec path, output folder and options;
// - every spec file read (the spec and the files its `$ref`s name) has the bytes it had;
// - the output folder's .openapi-generator-ignore is as it was (or still absent);
// - every output file (manifest and version marker included) is a regular file with the
//   recorded bytes: cheaply, by its inode, size, modification and change times; when those differ,
//   by hashing its content. The change time cannot be set back by a user, so any write shows.
// A record is written only when no spec or output file changed while the run was going on.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { REPO_ROOT } from '../files.ts';
import { toolFingerprint } from './fingerprint.ts';
import { ModuleFactsCache } from './moduleFactsCache.ts';
import { YamlBlockCache } from './yamlBlockCache.ts';
import { RenderCache } from './renderCache.ts';
import { DEFAULT_OUT, DEFAULT_SPEC, generate, type GenerateOptions, type GenerateResult } from '../pipeline.ts';
import { IGNORE_FILE } from '../write/ignoreFile.ts';
import { readOwnership, withManifest } from '../write/outputFolder.ts';
import { replaceFile } from './replaceFile.ts';

/** Bumped whenever the record's shape or meaning changes; other formats are ignored. */
const FORMAT = 1;
/** Records kept; the least recently written go first. */
const MAX_RECORDS = 50;

export const DEFAULT_CACHE_DIR = join(REPO_ROOT, '.cache', 'generate');

export interface IncrementalOptions extends GenerateOptions {
  /** Where records live; DEFAULT_CACHE_DIR unless a test says otherwise. */
  cacheDir?: string;
  /** Never answer from the record (always run every stage), as CODEGEN_NO_CACHE=1 does; the run still records. */
  noCache?: boolean;
}

/** What a run reports, whether it ran the stages or was answered from the record. */
export type RunSummary = Pick<GenerateResult, 'operations' | 'models' | 'warnings' | 'diff' | 'written' | 'timings' | 'ms'> & {
  /** Files the client has (result.files.size of a full run). */
  fileCount: number;
  /** True when the record answered and no stage ran. */
  fromCache: boolean;
};

interface FileStamp {
  path: string;
  hash: string;
  size: number;
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
}

interface CacheRecord {
  format: number;
  key: string;
  specFiles: Array<{ path: string; hash: string }>;
  /** The ignore file's hash, or null when there was none. */
  ignoreFile: string | null;
  outFiles: FileStamp[];
  operations: number;
  models: number;
  fileCount: number;
  /** Generated files on disk (the client's files minus those the ignore file protects). */
  generatedCount: number;
  warnings: Diagnostic[];
}

/** generate(), answered from the record when nothing it depends on changed. */
export async function generateIncrementally(options: IncrementalOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const startedAt = Date.now();
  const outDir = resolve(options.outDir ?? DEFAULT_OUT);
  const off = options.noCache === true || process.env.CODEGEN_NO_CACHE === '1';
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const tool = toolFingerprint(); // once: it reads the templates
  const key = recordKey(options, outDir, tool);
  const hit = off ? undefined : readValidRecord(cacheDir, key, outDir);
  if (hit) {
    if (hit.restamped) bestEffort(() => writeRecord(cacheDir, hit));
    const ms = performance.now() - started;
    return {
      operations: hit.operations,
      models: hit.models,
      warnings: hit.warnings,
      fileCount: hit.fileCount,
      ...(options.check ? { diff: { added: [], changed: [], removed: [] } } : { written: { written: 0, unchanged: hit.generatedCount, removed: 0 } }),
      timings: {},
      ms,
      fromCache: true,
    };
  }
  // Every stage runs; load parses only the YAML blocks, render makes only the models and APIs,
  // and postprocess parses only the modules, that are new to the caches.
  const moduleFacts = off ? undefined : new ModuleFactsCache(cacheDir, undefined, tool);
  const yamlBlocks = off ? undefined : new YamlBlockCache(cacheDir, tool);
  const renderMemo = off ? undefined : new RenderCache(cacheDir, outDir, tool);
  const result = await generate({ ...options, moduleFacts, readBlock: yamlBlocks?.read, renderMemo });
  if (moduleFacts) bestEffort(() => moduleFacts.save());
  if (yamlBlocks) bestEffort(() => yamlBlocks.save());
  if (renderMemo) bestEffort(() => renderMemo.save());
  const matches = !result.diff || result.diff.added.length + result.diff.changed.length + result.diff.removed.length === 0;
  if (matches) {
    bestEffort(() => {
      const record = recordOf(key, result, outDir, startedAt);
      if (record) writeRecord(cacheDir, record);
    });
  }
  const { operations, models, warnings, diff, written, timings, ms } = result;
  return { operations, models, warnings, diff, written, timings, ms, fileCount: result.files.size, fromCache: false };
}

/** Names the record: this generator's fingerprint, the spec path, the output folder and the options. */
export function recordKey(options: GenerateOptions, outDir: string, tool = toolFingerprint()): string {
  const identity = {
    format: FORMAT,
    tool,
    spec: resolve(options.specPath ?? DEFAULT_SPEC),
    outDir,
    package: Object.entries(options.package ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)),
    maxSpecBytes: options.maxSpecBytes ?? null,
  };
  return sha256(JSON.stringify(identity));
}

/** A cache file that cannot be written only costs the next run its shortcut. */
function bestEffort(write: () => void): void {
  try {
    write();
  } catch {
    // no record
  }
}

/** The record when it still holds; `restamped` when some output file's stamp had to be renewed. */
function readValidRecord(cacheDir: string, key: string, outDir: string): (CacheRecord & { restamped?: true }) | undefined {
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(join(cacheDir, `${key}.json`), 'utf8'));
  } catch {
    return undefined; // none, unreadable or corrupt: the full run writes a new one
  }
  if (!isRecord(record) || record.format !== FORMAT || record.key !== key) return undefined;
  if (!record.specFiles.every((spec) => hashOf(spec.path) === spec.hash)) return undefined;
  if ((hashOf(join(outDir, IGNORE_FILE)) ?? null) !== record.ignoreFile) return undefined;
  let restamped = false;
  const outFiles: FileStamp[] = [];
  for (const stamp of record.outFiles) {
    const now = currentStamp(join(outDir, stamp.path), stamp);
    if (!now) return undefined;
    restamped ||= now !== stamp;
    outFiles.push(now);
  }
  return restamped ? { ...record, outFiles, restamped } : record;
}

/**
 * The file's stamp when it has the recorded bytes: `stamp` itself when the same stat says so
 * cheaply, else, when its hash matches, a new stamp from the stat taken before the hash was read
 * (any later write changes the change time, so the new stamp cannot hide one); undefined otherwise.
 */
function currentStamp(file: string, stamp: FileStamp): FileStamp | undefined {
  let stat: Stats;
  try {
    stat = lstatSync(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile() || stat.size !== stamp.size) return undefined;
  if (stat.ino === stamp.ino && stat.mtimeMs === stamp.mtimeMs && stat.ctimeMs === stamp.ctimeMs) return stamp;
  if (hashOf(file) !== stamp.hash) return undefined;
  return { path: stamp.path, hash: stamp.hash, size: stat.size, ino: stat.ino, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs };
}

/**
 * The record of a run that left `outDir` holding exactly its tree; undefined when a spec or
 * output file changed after the run started (its bytes may not be what the run read or wrote).
 */
function recordOf(key: string, result: GenerateResult, outDir: string, startedAt: number): CacheRecord | undefined {
  const changedSince = (stat: Stats) => stat.ctimeMs >= startedAt;
  const specFiles: CacheRecord['specFiles'] = [];
  for (const path of result.specFiles) {
    const full = resolve(path);
    if (changedSince(statSync(full))) return undefined;
    specFiles.push({ path: full, hash: sha256(readFileSync(full)) });
  }
  // The ignore file decides which files are on disk; it too must predate the run.
  const ignorePath = join(outDir, IGNORE_FILE);
  const ignoreStat = lstatSync(ignorePath, { throwIfNoEntry: false });
  if (ignoreStat && changedSince(ignoreStat)) return undefined;
  const tree = withManifest(result.files, readOwnership(outDir, false).ignored);
  const writtenBy = Date.now();
  const outFiles: FileStamp[] = [];
  for (const [path, text] of tree) {
    const stat = lstatSync(join(outDir, path));
    // A check only read the files: any change after it started is suspect. A write changed them
    // itself, so only a change after it returned is.
    if (!stat.isFile() || stat.ctimeMs > (result.diff ? startedAt : writtenBy)) return undefined;
    // Hashed as text (hash.update encodes it as UTF-8): no copy of each file as a Buffer.
    if (stat.size !== Buffer.byteLength(text)) return undefined;
    outFiles.push({ path, hash: sha256(text), size: stat.size, ino: stat.ino, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs });
  }
  return {
    format: FORMAT,
    key,
    specFiles,
    ignoreFile: hashOf(ignorePath) ?? null,
    outFiles,
    operations: result.operations,
    models: result.models,
    fileCount: result.files.size,
    generatedCount: tree.size - 2, // the manifest and the version marker are bookkeeping
    warnings: result.warnings,
  };
}

function writeRecord(cacheDir: string, { restamped: _, ...record }: CacheRecord & { restamped?: true }): void {
  replaceFile(join(cacheDir, `${record.key}.json`), JSON.stringify(record));
  const records = readdirSync(cacheDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, at: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of records.slice(MAX_RECORDS)) rmSync(join(cacheDir, old.name), { force: true });
}

function isRecord(value: unknown): value is CacheRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const isStamp = (s: unknown) => {
    const f = s as Record<string, unknown>;
    return typeof s === 'object' && s !== null && typeof f.path === 'string' && typeof f.hash === 'string' && ['size', 'ino', 'mtimeMs', 'ctimeMs'].every((k) => typeof f[k] === 'number');
  };
  return (
    Array.isArray(r.specFiles) &&
    r.specFiles.every((s: unknown) => typeof (s as { path?: unknown })?.path === 'string' && typeof (s as { hash?: unknown }).hash === 'string') &&
    (r.ignoreFile === null || typeof r.ignoreFile === 'string') &&
    Array.isArray(r.outFiles) &&
    r.outFiles.length >= 2 &&
    r.outFiles.every(isStamp) &&
    ['operations', 'models', 'fileCount', 'generatedCount'].every((k) => typeof r[k] === 'number') &&
    Array.isArray(r.warnings)
  );
}

function hashOf(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

function sha256(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
