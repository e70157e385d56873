// npm run api:diff -- --base <git-ref | folder | spec file> [--head ...] [--format md|json|text] [--fail-on breaking|feature]
import { formatDiagnostic } from '../generator/diagnostics.ts';
import { SpecError } from '../generator/errors.ts';
import { UsageError } from '../generator/errors.ts';
import { API_DIFF_USAGE, runApiDiff } from '../generator/diff/apiDiffCommand.ts';
import { terminalText } from '../generator/diff/format.ts';

try {
  const run = runApiDiff(process.argv.slice(2));
  process.stdout.write(run.output);
  process.exitCode = run.exitCode;
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`${terminalText(err.message)}\n${API_DIFF_USAGE}\n`);
    process.exitCode = 2;
  } else if (err instanceof SpecError) {
    process.stderr.write(err.diagnostics.map((d) => terminalText(formatDiagnostic(d))).join('\n') + '\n');
    process.exitCode = 1;
  } else throw err;
}
