// Command line: `generate` (the main job) and `validate`. Located problems are printed one
// per line as file:line:column; the exit code says whether anything was wrong.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, SpecError, type Diagnostic, type Locator } from './diagnostics.ts';
import { loadSpec, parseSize, type LoadedSpec } from './load/loadSpec.ts';
import { normalize } from './normalize/normalize.ts';
import { DEFAULT_OUT, DEFAULT_SPEC, generate } from './pipeline.ts';

const USAGE = `usage:
  generate [--spec FILE] [--out DIR] [--check] [--validate] [--package-name NAME] [--package-version VERSION]
           [--api-key-env VAR] [--base-url-env VAR] [--repository URL] [--max-spec-size 64MB]
  validate [--spec FILE] [--no-oracle] [--max-spec-size 64MB]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      spec: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean', default: false },
      validate: { type: 'boolean', default: false },
      'no-oracle': { type: 'boolean', default: false },
      'package-name': { type: 'string' },
      'package-version': { type: 'string' },
      'api-key-env': { type: 'string' },
      'base-url-env': { type: 'string' },
      repository: { type: 'string' },
      'max-spec-size': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || (command !== 'generate' && command !== 'validate')) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const specPath = resolve(values.spec ?? DEFAULT_SPEC);
  const maxSpecBytes = values['max-spec-size'] === undefined ? undefined : parseSize(values['max-spec-size']);
  if (maxSpecBytes === undefined && values['max-spec-size'] !== undefined) {
    console.error(`--max-spec-size ${values['max-spec-size']}: give a size such as 64MB, 512KB or 1GB`);
    return 2;
  }

  if (command === 'validate') return validate(specPath, !values['no-oracle'], maxSpecBytes);

  if (values.validate) {
    const problems = await allDiagnostics(specPath, true, maxSpecBytes);
    printDiagnostics(problems);
    if (problems.some((d) => d.severity === 'error')) return 1;
  }
  // Unresolved, so that an empty --out (an unset variable) is refused rather than read as '.'.
  const out = values.out ?? DEFAULT_OUT;
  const result = await generate({
    specPath,
    outDir: out,
    check: values.check,
    maxSpecBytes,
    package: {
      ...(values['package-name'] ? { packageName: values['package-name'] } : {}),
      ...(values['package-version'] ? { packageVersion: values['package-version'] } : {}),
      ...(values['api-key-env'] ? { apiKeyEnv: values['api-key-env'] } : {}),
      ...(values['base-url-env'] ? { baseUrlEnv: values['base-url-env'] } : {}),
      ...(values.repository ? { repository: values.repository } : {}),
    },
  });
  printDiagnostics(result.warnings, 5);
  const where = relative(process.cwd(), resolve(out)) || '.';
  const summary = `${result.operations} operations, ${result.models} models, ${result.files.size} files in ${Math.round(result.ms)} ms`;
  if (result.diff) {
    const { added, changed, removed } = result.diff;
    const stale = [...added.map((p) => `+ ${p}`), ...changed.map((p) => `~ ${p}`), ...removed.map((p) => `- ${p}`)];
    if (stale.length === 0) {
      console.log(`${where} is up to date (${summary})`);
      return 0;
    }
    console.error(`${where} is out of date: ${stale.length} files differ (run npm run generate)`);
    for (const line of stale.slice(0, 50)) console.error(`  ${line}`);
    if (stale.length > 50) console.error(`  … and ${stale.length - 50} more`);
    return 1;
  }
  console.log(`generated ${summary} → ${where}`);
  return 0;
}

async function validate(specPath: string, withOracle: boolean, maxSpecBytes?: number): Promise<number> {
  const all = await allDiagnostics(specPath, withOracle, maxSpecBytes);
  printDiagnostics(all);
  const errors = all.filter((d) => d.severity === 'error').length;
  console.log(`${relative(process.cwd(), specPath)}: ${errors} errors, ${all.length - errors} warnings${withOracle ? '' : ' (openapi-generator not run)'}`);
  return errors > 0 ? 1 : 0;
}

/**
 * Our checks, then openapi-generator's; a problem both report is shown once (ours, which
 * points deeper or at the same place). In file order.
 */
async function allDiagnostics(specPath: string, withOracle: boolean, maxSpecBytes?: number): Promise<Diagnostic[]> {
  const ours: Diagnostic[] = [];
  let loaded: LoadedSpec | undefined; // stays unset when our loader cannot read the spec
  try {
    loaded = loadSpec(specPath, { maxSpecBytes });
    ours.push(...normalize(loaded).diagnostics.items);
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    ours.push(...err.diagnostics);
  }
  // openapi-generator only ever sees a document our loader could read (see validateDocument).
  const oracle = withOracle && loaded ? await oracleDiagnostics(loaded) : [];
  const sameSpot = (a: Diagnostic, b: Diagnostic) => a.severity === b.severity && (a.pointer === b.pointer || a.pointer.startsWith(b.pointer + '/'));
  const fresh = oracle.filter((o) => o.pointer === '' || !ours.some((d) => sameSpot(d, o)));
  return [...ours, ...fresh].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** openapi-generator's own validation, with line numbers added from our source map. */
async function oracleDiagnostics({ document, file, locate }: LoadedSpec): Promise<Diagnostic[]> {
  const { validateDocument } = await import('./oracle/openapiGenerator.ts');
  const found = await validateDocument(document, file);
  return found.map((d) => {
    const at = d.pointer !== undefined && d.line === undefined ? locate(d.pointer) : undefined;
    return { ...d, pointer: d.pointer ?? '', message: `openapi-generator: ${d.message}`, ...(at ?? {}) };
  });
}

function printDiagnostics(items: Diagnostic[], limit = Infinity): void {
  for (const d of items.slice(0, limit)) console.error(formatDiagnostic(d));
  if (items.length > limit) console.error(`… and ${items.length - limit} more warnings (npm run validate lists them all)`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof SpecError) {
      console.error(err.message);
      console.error(`generation stopped: ${err.diagnostics.length} problem(s); nothing was written`);
      process.exitCode = 1;
    } else if (err instanceof Error && err.name === 'RenderedCodeError') {
      // Output that does not parse is our bug, not the spec's: say so, and write nothing.
      console.error(err.message);
      console.error('generation stopped; nothing was written');
      process.exitCode = 1;
    } else if (err instanceof Error && (err.name === 'OracleUnavailableError' || err.name === 'OutDirRefusedError')) {
      console.error(err.message);
      process.exitCode = 2;
    } else {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exitCode = 1;
    }
  },
);
