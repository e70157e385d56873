// The openapi-generator oracle: runs the pinned openapi-generator jar (Java) to validate a
// spec and to generate the reference Ruby client whose layout our TypeScript output mirrors.
// The npm wrapper only fetches the jar (scripts/fetch-generator-jar.sh); here the jar runs
// directly with `java -jar`, which saves the wrapper's start-up on every call.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../files.ts';
import { OpenApiGeneratorError, OracleUnavailableError, type RunResult } from '../errors.ts';
import { loadSpec } from '../load/loadSpec.ts';
import { parseValidateOutput, type OracleDiagnostic } from './validateOutput.ts';

export type { OracleDiagnostic } from './validateOutput.ts';


/** The Ruby client options that reproduce the project's seed doc layout (test/fixtures/oracle/seed-layout.json). */
export const RUBY_MODULE_NAME = 'OpenApiOpenAIClient';
export const RUBY_GEM_NAME = 'openapi_openai';

const WRAPPER_STORAGE = 'node_modules/@openapitools/openapi-generator-cli/versions';
const MIN_JAVA = 11;

export interface RunOptions {
  cwd?: string;
  /** Kill the JVM after this long; default 10 minutes. */
  timeoutMs?: number;
  /** JVM options placed before `-jar`, e.g. ['-Xmx2g']. */
  javaArgs?: string[];
  /** Repository root holding openapitools.json; default this repository. */
  root?: string;
}

interface GeneratorCliConfig {
  version: string;
  storageDir?: string;
}

function readGeneratorConfig(root: string): GeneratorCliConfig {
  const file = path.join(root, 'openapitools.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new OracleUnavailableError(`openapitools.json is missing or unreadable at ${file}: restore it from git.`);
  }
  const cli = (parsed as { 'generator-cli'?: Partial<GeneratorCliConfig> })['generator-cli'];
  if (!cli || typeof cli.version !== 'string') {
    throw new OracleUnavailableError(`openapitools.json at ${file} names no generator-cli.version: restore it from git.`);
  }
  return { version: cli.version, storageDir: cli.storageDir };
}

/** The openapi-generator version pinned in openapitools.json. */
export function pinnedGeneratorVersion(root = REPO_ROOT): string {
  return readGeneratorConfig(root).version;
}

/**
 * Path of the pinned openapi-generator jar. OPENAPI_GENERATOR_JAR overrides; otherwise the
 * wrapper's storage (openapitools.json storageDir, else the wrapper's own versions/ folder).
 */
export function locateJar(root = REPO_ROOT): string {
  const override = process.env.OPENAPI_GENERATOR_JAR;
  if (override) {
    if (existsSync(override)) return override;
    throw new OracleUnavailableError(`OPENAPI_GENERATOR_JAR points to ${override}, which does not exist: fix or unset it.`);
  }
  const { version, storageDir } = readGeneratorConfig(root);
  const candidates = [storageDir, WRAPPER_STORAGE]
    .filter((d): d is string => typeof d === 'string' && d.length > 0)
    .map((d) => path.resolve(root, d.replace(/^~(?=\/|$)/, os.homedir()), `${version}.jar`));
  const found = candidates.find((c) => existsSync(c));
  if (found) return found;
  throw new OracleUnavailableError(`openapi-generator ${version} jar not found: run bash scripts/fetch-generator-jar.sh`);
}

let javaCheck: Promise<void> | undefined;

/** Resolves when `java` (11 or newer) is on PATH; rejects with OracleUnavailableError otherwise. */
export function ensureJava(): Promise<void> {
  javaCheck ??= new Promise<void>((resolve, reject) => {
    const install = `Java ${MIN_JAVA}+ is required: apt-get install openjdk-17-jre-headless`;
    let out = '';
    const child = spawn('java', ['-version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', () => reject(new OracleUnavailableError(install)));
    child.on('close', (code) => {
      const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
      const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
      if (code === 0 && major >= MIN_JAVA) resolve();
      else reject(new OracleUnavailableError(install));
    });
  });
  // A failed check is not cached: the next call looks again (java may have been installed since).
  javaCheck.catch(() => (javaCheck = undefined));
  return javaCheck;
}

/** Runs `java -jar <pinned jar> ...args`; resolves with the exit code, it never throws on a non-zero exit. */
export async function runOpenApiGenerator(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const jar = locateJar(opts.root);
  await ensureJava();
  const started = performance.now();
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn('java', [...(opts.javaArgs ?? []), '-jar', jar, ...args], {
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timeoutMs = opts.timeoutMs ?? 600_000;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new OracleUnavailableError(`Java ${MIN_JAVA}+ is required: apt-get install openjdk-17-jre-headless`) : e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result: RunResult = {
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code: code ?? (signal ? 128 : 1),
        ms: Math.round(performance.now() - started),
      };
      if (timedOut) reject(new OpenApiGeneratorError(`openapi-generator did not finish within ${timeoutMs} ms`, result));
      else resolve(result);
    });
  });
}


export interface ValidateOptions extends RunOptions {
  /** Also ask for openapi-generator's recommendations (adds warnings; costs nothing measurable). */
  recommend?: boolean;
}

/**
 * Runs `openapi-generator validate` and turns its report into diagnostics, each with a JSON
 * pointer where the message names a location. `file` is the path given here, also for `.gz`.
 * The spec is read by our own loader first (bounded in size and aliases; a spec it cannot
 * read throws its SpecError), and openapi-generator sees only the isolated copy of
 * validateDocument.
 */
export async function validateWithOpenApiGenerator(specPath: string, opts: ValidateOptions = {}): Promise<OracleDiagnostic[]> {
  if (!existsSync(specPath)) throw new Error(`Spec file not found: ${specPath}`);
  return validateDocument(loadSpec(specPath).document, specPath, opts);
}

/** Validates a parsed document with openapi-generator, on an isolated copy (see withIsolatedCopy). */
export async function validateDocument(document: unknown, file: string, opts: ValidateOptions = {}): Promise<OracleDiagnostic[]> {
  return withIsolatedCopy(document, async (copy, dir) => {
    const args = ['validate', '-i', copy.path];
    if (opts.recommend ?? true) args.push('--recommend');
    const result = await runOpenApiGenerator(args, { ...opts, cwd: dir });
    return parseValidateOutput(result, { file, specText: copy.text });
  });
}

/**
 * openapi-generator resolves external `$ref`s itself: it would fetch URLs and read files beside
 * the spec. So it only ever gets a copy without any external `$ref` (our own checks report each
 * one with its location), written alone into a fresh temporary folder that is also its working
 * folder, removed afterwards.
 */
async function withIsolatedCopy<T>(document: unknown, work: (copy: { path: string; text: string }, dir: string) => Promise<T>): Promise<T> {
  const text = withoutExternalRefs(document);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'oracle-spec-'));
  try {
    const copy = path.join(dir, 'spec.json');
    await writeFile(copy, text);
    return await work({ path: copy, text }, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The document as JSON, every `$ref` that does not point inside it (`#...`) left out. */
export function withoutExternalRefs(document: unknown): string {
  return JSON.stringify(document, (key, value: unknown) => (key === '$ref' && typeof value === 'string' && !value.startsWith('#') ? undefined : value));
}

export interface RubyClientOptions extends RunOptions {
  /**
   * Leave out the top-level `webhooks` section (default true). With supporting files on,
   * openapi-generator 7.x writes the webhooks as a second DefaultApi after the untagged path
   * operations, so the file keeps only the webhooks and every untagged client operation
   * disappears. (The `apis,models` global property used without supporting files happens to
   * skip webhooks too; leaving them out here does not depend on that.)
   */
  dropWebhooks?: boolean;
  /** Also write the gem's supporting files (README, gemspec, api_client.rb...); default false. */
  supportingFiles?: boolean;
}

export interface RubyClientResult extends RunResult {
  args: string[];
  droppedWebhooks: boolean;
}

/** The command-line arguments (after the jar) that generate the reference Ruby client. */
export function rubyClientArgs(specPath: string, outDir: string, supportingFiles = false): string[] {
  const globals = supportingFiles
    ? 'apiTests=false,modelTests=false'
    : 'apis,models,apiDocs=true,modelDocs=true,apiTests=false,modelTests=false';
  return [
    'generate',
    '-g',
    'ruby',
    '-i',
    specPath,
    '-o',
    outDir,
    '--skip-validate-spec',
    `--additional-properties=moduleName=${RUBY_MODULE_NAME},gemName=${RUBY_GEM_NAME}`,
    '--global-property',
    globals,
  ];
}

/** Generates the reference Ruby client into outDir; throws OpenApiGeneratorError on failure. */
export async function generateRubyClient(specPath: string, outDir: string, opts: RubyClientOptions = {}): Promise<RubyClientResult> {
  if (!existsSync(specPath)) throw new Error(`Spec file not found: ${specPath}`);
  const dropWebhooks = opts.dropWebhooks ?? true;
  // Read by our loader (bounded in size and aliases), then handed over as an isolated copy.
  const loaded = loadSpec(specPath).document;
  const { webhooks: _webhooks, ...withoutWebhooks } = loaded;
  const document = dropWebhooks ? withoutWebhooks : loaded;
  return withIsolatedCopy(document, async (copy, dir) => {
    const args = rubyClientArgs(copy.path, path.resolve(outDir), opts.supportingFiles);
    const result = await runOpenApiGenerator(args, { ...opts, cwd: dir });
    if (result.code !== 0) {
      const reason =
        `${result.stdout}\n${result.stderr}`
          .split('\n')
          .find((l) => /\bERROR\b|Exception/.test(l))
          ?.trim() ?? `exit code ${result.code}`;
      throw new OpenApiGeneratorError(`openapi-generator could not generate the Ruby client for ${specPath}: ${reason}`, result);
    }
    return { ...result, args, droppedWebhooks: dropWebhooks };
  });
}
