// Where the pinned openapi-generator jar is: openapitools.json names the version; the jar is in
// the wrapper's storage (fetched by scripts/fetch-generator-jar.sh) or where
// OPENAPI_GENERATOR_JAR says.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OracleUnavailableError } from '../errors.ts';
import { REPO_ROOT } from '../files.ts';

const WRAPPER_STORAGE = 'node_modules/@openapitools/openapi-generator-cli/versions';

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
