// Command line: `generate` (the main job) and `validate`; the flags are in cli/flags.ts.
// Located problems are printed one per line as file:line:column; the exit code says what went
// wrong (EXIT_CODES).
import { selectClients, type ClientJob } from './config/config.ts';
import { UsageError } from './errors.ts';
import { helpText, parseCommandLine, type Command, type Values } from './cli/flags.ts';
import { progressFor } from './cli/progress.ts';
import { humanReporter, jsonReporter } from './cli/report.ts';
import { failureOf, runClient, validateClient, type ClientReport, type ExitCode, type RunOptions } from './cli/runClient.ts';
import { watchClients } from './cli/watch.ts';
import { parseSize } from './load/loadSpec.ts';
import { DEFAULT_OUT, DEFAULT_SPEC } from './pipeline.ts';

/** What a command line asks for, once it is known to make sense. */
interface Plan {
  command: Command;
  values: Values;
  jobs: ClientJob[];
  maxSpecBytes: number | undefined;
}

async function main(argv: string[]): Promise<ExitCode> {
  const json = argv.includes('--json');
  let plan: Plan | 'help';
  try {
    plan = planRun(argv);
  } catch (err) {
    return reportRefusal(err, argv[0] === 'validate' ? 'validate' : 'generate', json);
  }
  if (plan === 'help') {
    console.log(helpText());
    return 0;
  }
  const { command, values, jobs, maxSpecBytes } = plan;
  const reporter = json
    ? jsonReporter(command)
    : humanReporter({ command, quiet: values.quiet ?? false, nameClients: jobs.length > 1, watching: values.watch ?? false, oracleSkipped: values['no-oracle'] });
  const runOne = async (job: ClientJob): Promise<ClientReport> => {
    if (command === 'validate') return validateClient(job, !values['no-oracle'], maxSpecBytes);
    const progress = progressFor(process.stderr, { quiet: values.quiet ?? false, json });
    const options: RunOptions = { check: values.check, validate: values.validate, maxSpecBytes, onStage: (p) => progress.stage(p) };
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

function planRun(argv: string[]): Plan | 'help' {
  const { command, values } = parseCommandLine(argv);
  if (!command) return 'help';
  const packageFlags = {
    packageName: values['package-name'],
    packageVersion: values['package-version'],
    apiKeyEnv: values['api-key-env'],
    baseUrlEnv: values['base-url-env'],
    repository: values.repository,
  };
  const jobs = selectClients(
    {
      config: values.config,
      client: values.client,
      spec: values.spec,
      out: values.out,
      package: Object.fromEntries(Object.entries(packageFlags).filter(([, value]) => value !== undefined)),
    },
    { name: 'default', specPath: DEFAULT_SPEC, outDir: DEFAULT_OUT, package: {} },
  );
  const sizeFlag = values['max-spec-size'];
  const maxSpecBytes = sizeFlag === undefined ? undefined : parseSize(sizeFlag);
  if (sizeFlag !== undefined && maxSpecBytes === undefined) throw new UsageError(`--max-spec-size ${sizeFlag}: give a size such as 64MB, 512KB or 1GB`);
  return { command, values, jobs, maxSpecBytes };
}

/** A command line or config file that cannot run: say why (exit 2), before any client runs. */
function reportRefusal(err: unknown, command: Command, json: boolean): ExitCode {
  const failure = failureOf(err);
  if (!failure) throw err;
  const reporter = json ? jsonReporter(command) : humanReporter({ command, quiet: false, nameClients: false, watching: false });
  reporter.failure(failure.errors);
  if (!json && err instanceof UsageError) console.error('run with --help for the commands and flags');
  reporter.finish(failure.exitCode);
  return failure.exitCode;
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
