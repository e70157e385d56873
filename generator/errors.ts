// Every expected failure the generator throws, in one place: the CLI tells them apart with
// `instanceof` and gives each its exit code (cli/runClient.ts, failureOf). Anything else
// thrown is a bug and is shown with its stack.
import { formatDiagnostic, type Diagnostic } from './diagnostics.ts';

/** Thrown when a stage cannot go on; carries every located problem found so far. Exit code 1. */
export class SpecError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    // In file order, so the report reads top to bottom like the spec.
    const sorted = [...diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    super(sorted.map(formatDiagnostic).join('\n'));
    this.diagnostics = sorted;
    this.name = 'SpecError';
  }
}

/** A config file that cannot be used: the command, not the spec, is wrong (exit code 2). */
export class ConfigError extends SpecError {
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics);
    this.name = 'ConfigError';
  }
}

/** The command line asked for something impossible (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The output folder is not one the generator may replace; nothing was touched. Exit code 2. */
export class OutDirRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutDirRefusedError';
  }
}

/** The rendered TypeScript does not parse: a generator bug; nothing is written. Exit code 1. */
export class RenderedCodeError extends Error {
  constructor(readonly problems: string[]) {
    super(`generated TypeScript does not parse (a generator bug, please report it):\n${problems.join('\n')}`);
    this.name = 'RenderedCodeError';
  }
}

/** Java or the generator jar is missing; the message is one sentence saying what to install or run. Exit code 2. */
export class OracleUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OracleUnavailableError';
  }
}

/** What one openapi-generator (JVM) run printed and how it ended. */
export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
  ms: number;
}

/** openapi-generator ran but exited non-zero. */
export class OpenApiGeneratorError extends Error {
  constructor(
    message: string,
    readonly result: RunResult,
  ) {
    super(message);
    this.name = 'OpenApiGeneratorError';
  }
}
