// Command line: `generate` (the main job) and `validate`; the flags are in cli/flags.ts.
// Located problems are printed one per line as file:line:column; the exit code says what went
// wrong (EXIT_CODES).
import { selectClients, UsageError, type ClientJob } from './config/config.ts';
import { helpText, parseCommandLine } from './cli/flags.ts';
import { progressFor } from './cli/progress.ts';
import { humanReporter, jsonReporter } from './cli/report.ts';
import { failureOf, runClient, validateClient, type ClientReport, type ExitCode, type RunOptions } from './cli/runClient.ts';
import { watchClients } from './cli/watch.ts';
import { DEFAULT_OUT, DEFAULT_SPEC } from './pipeline.ts';

async function main(argv: string[]): Promise<ExitCode> {
  const json = argv.includes('--json');
  let parsed: ReturnType<typeof parseCommandLine>;
  let jobs: ClientJob[];
  try {
    parsed = parseCommandLine(argv);
    if (!parsed.command) {
      console.log(helpText());
      return 0;
    }
    jobs = selectClients(
      { config: parsed.values.config, client: parsed.values.client, spec: parsed.values.spec, out: parsed.values.out, packageName: parsed.values['package-name'], packageVersion: parsed.values['package-version'] },
      { name: 'default', specPath: DEFAULT_SPEC, outDir: DEFAULT_OUT, package: {} },
    );
  } catch (err) {
    const failure = failureOf(err);
    if (!failure) throw err;
    const reporter = json ? jsonReporter(argv[0] === 'validate' ? 'validate' : 'generate') : humanReporter({ command: 'generate', quiet: false, nameClients: false, watching: false });
    reporter.failure(failure.errors);
    if (!json && err instanceof UsageError) console.error('run with --help for the commands and flags');
    reporter.finish(failure.exitCode);
    return failure.exitCode;
  }
  const { command, values } = parsed;
  const reporter = json
    ? jsonReporter(command)
    : humanReporter({ command, quiet: values.quiet ?? false, nameClients: jobs.length > 1, watching: values.watch ?? false, oracleSkipped: values['no-oracle'] });
  const runOne = async (job: ClientJob): Promise<ClientReport> => {
    if (command === 'validate') return validateClient(job, !values['no-oracle']);
    const progress = progressFor(process.stderr, { quiet: values.quiet ?? false, json });
    const options: RunOptions = { check: values.check, validate: values.validate, onStage: (p) => progress.stage(p) };
    try {
      return await runClient(job, options);
    } finally {
      progress.done();
    }
  };

  let exitCode: ExitCode = 0;
  for (const job of jobs) {
    const report = await runOne(job);
    reporter.client(report);
    exitCode = Math.max(exitCode, report.exitCode) as ExitCode;
  }
  reporter.finish(exitCode);
  if (values.watch) return watchUntilStopped(jobs, async (job) => reporter.client(await runOne(job)));
  return exitCode;
}

/** Watch mode's end: Ctrl-C (or SIGTERM) closes the watchers and exits 0. */
function watchUntilStopped(jobs: ClientJob[], regenerate: (job: ClientJob) => Promise<void>): Promise<ExitCode> {
  const watching = watchClients(jobs, regenerate, { onError: (message) => console.error(message) });
  console.error(`watching ${jobs.length === 1 ? 'the spec' : `${jobs.length} specs`} and the templates; Ctrl-C stops`);
  return new Promise((resolveExit) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void watching.close().then(() => resolveExit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Not an expected failure: a bug. Show where it happened.
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  },
);
