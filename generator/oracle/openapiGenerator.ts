// The openapi-generator oracle: validates a spec and generates the reference Ruby client whose
// layout our TypeScript output mirrors. The jar's location is jar.ts's job, running it jvm.ts's,
// and the copy of the spec it may read isolatedSpec.ts's; this module composes them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { OpenApiGeneratorError, type RunResult } from '../errors.ts';
import { loadSpec } from '../load/loadSpec.ts';
import { withIsolatedCopy } from './isolatedSpec.ts';
import { runOpenApiGenerator, type RunOptions } from './jvm.ts';
import { parseValidateOutput, type OracleDiagnostic } from './validateOutput.ts';

export type { OracleDiagnostic } from './validateOutput.ts';

/** The Ruby client options that reproduce the project's seed doc layout (test/fixtures/oracle/seed-layout.json). */
export const RUBY_MODULE_NAME = 'OpenApiOpenAIClient';
export const RUBY_GEM_NAME = 'openapi_openai';

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
