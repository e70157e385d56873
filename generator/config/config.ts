// codegen.config.json: the clients `npm run generate` writes. Read with the spec loader's
// source map, checked against codegen.config.schema.json; every problem is located.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileError, type Diagnostic, type Locator } from '../diagnostics.ts';
import { ConfigError, SpecError, UsageError } from '../errors.ts';
import { pointerOf } from '../pointer.ts';
import { parseLocated } from '../load/loadSpec.ts';
import { isWithin } from '../paths.ts';
import { validateAgainstSchema } from './jsonSchema.ts';

export const CONFIG_FILE = 'codegen.config.json';
/** The schema the config file is checked against; editors find it through the file's `$schema`. */
export const CONFIG_SCHEMA_FILE = fileURLToPath(new URL('./codegen.config.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

/** Package options of one client: the known ones, and whatever else the config passes through. */
export type ClientPackageOptions = Partial<{ packageName: string; packageVersion: string; moduleName: string }> & Record<string, unknown>;

export interface ClientJob {
  name: string;
  specPath: string;
  outDir: string;
  package: ClientPackageOptions;
}

interface ClientEntry {
  spec: string;
  out: string;
  packageName?: string;
  packageVersion?: string;
  options?: Record<string, unknown>;
}

export function loadConfig(file: string): ClientJob[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([fileError('CONFIG_INVALID', file, `cannot read the config file: ${(err as Error).message}`)]);
  }
  return parseConfig(text, file);
}

export function parseConfig(text: string, file: string): ClientJob[] {
  let parsed: { value: unknown; locate: Locator };
  try {
    parsed = parseLocated(text, file);
  } catch (err) {
    throw err instanceof SpecError ? new ConfigError(err.diagnostics) : err;
  }
  const located = (pointer: string, message: string): Diagnostic => ({ severity: 'error', code: 'CONFIG_INVALID', file, pointer, message, ...parsed.locate(pointer) });
  const problems = validateAgainstSchema(parsed.value, schema).map((p) => located(p.pointer, p.message));
  if (problems.length > 0) throw new ConfigError(problems);

  const base = dirname(resolve(file));
  const entries = Object.entries((parsed.value as { clients: Record<string, ClientEntry> }).clients);
  const jobs = entries.map(([name, entry]): ClientJob => ({
    name,
    specPath: resolve(base, entry.spec),
    outDir: resolve(base, entry.out),
    package: {
      ...entry.options,
      ...(entry.packageName ? { packageName: entry.packageName } : {}),
      ...(entry.packageVersion ? { packageVersion: entry.packageVersion } : {}),
    },
  }));
  const overlaps = jobs.flatMap((job, i) => {
    const other = jobs.slice(0, i).find((earlier) => isWithin(earlier.outDir, job.outDir) || isWithin(job.outDir, earlier.outDir));
    return other ? [located(pointerOf(['clients', job.name, 'out']), `output folder overlaps the one of client "${other.name}"; each client needs its own folder`)] : [];
  });
  if (overlaps.length > 0) throw new ConfigError(overlaps);
  return jobs;
}

/** What the command line says about which clients to generate. */
export interface ClientFlags {
  config?: string;
  client?: string;
  spec?: string;
  out?: string;
  /** Package options from flags (--package-name, --api-key-env, ...): they apply to one client. */
  package?: ClientPackageOptions;
}

/**
 * The clients a run works on. `--client NAME` picks one configured client (`--spec`/`--out`
 * then override its spec and folder); `--spec`/`--out` alone make one ad-hoc client from the
 * defaults; otherwise every client of the config file, or the default client when there is
 * no config file.
 */
export function selectClients(flags: ClientFlags, defaults: ClientJob, cwd = process.cwd()): ClientJob[] {
  const configFile = flags.config ?? resolve(cwd, CONFIG_FILE);
  const configured = flags.config !== undefined || existsSync(configFile) ? loadConfig(resolve(cwd, configFile)) : [defaults];
  let jobs: ClientJob[];
  if (flags.client !== undefined) {
    const picked = configured.find((job) => job.name === flags.client);
    if (!picked) throw new UsageError(`no client named "${flags.client}" (configured: ${configured.map((job) => job.name).join(', ')})`);
    jobs = [picked];
  } else if (flags.spec !== undefined || flags.out !== undefined) {
    jobs = [defaults];
  } else {
    jobs = configured;
  }
  const packageFlags = flags.package ?? {};
  if (jobs.length > 1 && Object.keys(packageFlags).length > 0) {
    throw new UsageError('package flags (--package-name, --package-version, --api-key-env, ...) apply to one client: add --client NAME');
  }
  return jobs.map((job) => ({
    ...job,
    specPath: flags.spec !== undefined ? resolve(cwd, flags.spec) : job.specPath,
    // An empty --out (an unset shell variable) stays empty, so the write stage refuses it instead of reading '.'.
    outDir: flags.out === undefined ? job.outDir : flags.out.trim() === '' ? '' : resolve(cwd, flags.out),
    package: { ...job.package, ...packageFlags },
  }));
}
