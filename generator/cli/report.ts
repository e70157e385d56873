// How a run is told: lines for people (summary on stdout, problems on stderr), or one JSON
// document on stdout for CI (--json), printed when the run ends.
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ClientReport, ExitCode } from './runClient.ts';

export interface Reporter {
  /** A client finished (or failed). */
  client(report: ClientReport): void;
  /** The run failed before any client ran (usage, config file). */
  failure(errors: Diagnostic[]): void;
  /** The run is over; JSON is printed here. */
  finish(exitCode: ExitCode): void;
}

export interface HumanOptions {
  command: 'generate' | 'validate';
  /** Errors only: no summary lines, no warnings. */
  quiet: boolean;
  /** Name each client in its lines (more than one client in the run). */
  nameClients: boolean;
  /** Watch mode: a failed run keeps the last good output, and each line has the time. */
  watching: boolean;
  /** validate --no-oracle: say that openapi-generator did not look. */
  oracleSkipped?: boolean;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const WARNING_LIMIT = 5;
const STALE_LIMIT = 50;

export function humanReporter(options: HumanOptions): Reporter {
  const out = options.out ?? ((line: string) => console.log(line));
  const err = options.err ?? ((line: string) => console.error(line));
  const problems = (items: Diagnostic[]) => items.forEach((d) => err(formatProblem(d)));
  return {
    client(report) {
      const prefix = (options.watching ? `[${clockTime()}] ` : '') + (options.nameClients ? `${report.name}: ` : '');
      if (options.command === 'validate') {
        problems(options.quiet ? report.errors : inFileOrder([...report.errors, ...report.warnings]));
      } else {
        if (!options.quiet) problems(report.warnings.slice(0, WARNING_LIMIT));
        if (!options.quiet && report.warnings.length > WARNING_LIMIT) err(`… and ${report.warnings.length - WARNING_LIMIT} more warnings (npm run validate lists them all)`);
        problems(report.errors);
      }
      for (const line of resultLines(report, options)) (line.toErr ? err : out)(prefix + line.text);
    },
    failure: problems,
    finish() {},
  };
}

interface Line {
  text: string;
  toErr?: boolean;
}

function resultLines(report: ClientReport, options: HumanOptions): Line[] {
  if (options.command === 'validate') {
    const counts = `${report.spec}: ${report.errors.length} errors, ${report.warnings.length} warnings${options.oracleSkipped ? ' (openapi-generator not run)' : ''}`;
    return options.quiet ? [] : [{ text: counts }];
  }
  if (report.errors.length > 0) {
    // A refusal (exit 2: the output folder, Java missing) is its own sentence; nothing to add.
    if (report.exitCode === 2) return [];
    const problems = `${report.errors.length} problem(s)`;
    return [{ toErr: true, text: options.watching ? `${report.out} kept as it was (the last good output): ${problems}` : `generation stopped: ${problems}; nothing was written` }];
  }
  const summary = `${report.operations} operations, ${report.models} models, ${report.files?.total} files in ${Math.round(report.timings.total)} ms`;
  if (report.stale) {
    const { added, changed, removed } = report.stale;
    const stale = [...added.map((p) => `+ ${p}`), ...changed.map((p) => `~ ${p}`), ...removed.map((p) => `- ${p}`)];
    if (stale.length === 0) return options.quiet ? [] : [{ text: `${report.out} is up to date (${summary})` }];
    return [
      { toErr: true, text: `${report.out} is out of date: ${stale.length} files differ (run npm run generate)` },
      ...stale.slice(0, STALE_LIMIT).map((line) => ({ toErr: true, text: `  ${line}` })),
      ...(stale.length > STALE_LIMIT ? [{ toErr: true, text: `  … and ${stale.length - STALE_LIMIT} more` }] : []),
    ];
  }
  const { written, unchanged, removed } = report.files ?? {};
  return options.quiet ? [] : [{ text: `generated ${summary} → ${report.out} (${written} written, ${unchanged} unchanged, ${removed} removed)` }];
}

/** A diagnostic as a line; an unlocated problem (not from a file) is its message alone. */
export function formatProblem(d: Diagnostic): string {
  return d.file === '' ? d.message : formatDiagnostic(d);
}

function inFileOrder(items: Diagnostic[]): Diagnostic[] {
  return [...items].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function clockTime(): string {
  return new Date().toTimeString().slice(0, 8);
}

/** --json: the whole run as one document, printed at the end. */
export function jsonReporter(command: 'generate' | 'validate', print: (text: string) => void = (text) => process.stdout.write(text)): Reporter {
  const clients: ClientReport[] = [];
  const errors: Diagnostic[] = [];
  return {
    client: (report) => clients.push(report),
    failure: (items) => errors.push(...items),
    finish(exitCode) {
      print(JSON.stringify({ command, ok: exitCode === 0, exitCode, clients, errors }, null, 2) + '\n');
    },
  };
}
